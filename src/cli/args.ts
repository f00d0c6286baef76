// A small, strict argument parser: unknown flags are errors with a clear
// message, never silently ignored (a typo in a pre-commit hook must fail loudly).

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags taking a value, e.g. `--limit 5` or `--limit=5`. Repeated ones accumulate. */
  values?: string[];
  /** Boolean flags, e.g. `--json`. */
  booleans?: string[];
}

export interface ParsedArgs {
  flags: Map<string, string[]>;
  booleans: Set<string>;
  positionals: string[];
}

export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const booleans = new Set(spec.booleans ?? []);
  const out: ParsedArgs = { flags: new Map(), booleans: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (values.has(name)) {
        let value: string | undefined;
        if (eq >= 0) value = arg.slice(eq + 1);
        else value = argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        const list = out.flags.get(name) ?? [];
        list.push(value);
        out.flags.set(name, list);
      } else if (booleans.has(name) && eq < 0) {
        out.booleans.add(name);
      } else {
        throw new UsageError(`unknown option ${arg}`);
      }
    } else if (arg.startsWith('-') && arg.length > 1) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      out.positionals.push(arg);
    }
  }
  return out;
}
