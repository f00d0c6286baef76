import { UsageError } from './args';
import { CliIO, EXIT, InputError, terminalSafe } from './io';
import * as quotes from './commands/quotes';
import * as people from './commands/people';
import * as search from './commands/search';
import * as cite from './commands/cite';
import * as verify from './commands/verify';

type Command = { run(argv: string[], io: CliIO): Promise<number> | number; usage: string };

const COMMANDS: Record<string, Command> = { quotes, people, search, cite, verify };

const USAGE = `usage: sourcebook <command> [options]

commands:
${Object.values(COMMANDS).map((c) => '  ' + c.usage).join('\n')}

Sources are files or folders of articles (.txt, .md); with none, the seed articles.
Every command also takes --max-size MB: source files larger than that are
skipped with a note on stderr (default 5).
`;

/**
 * Takes the option every command shares, `--max-size MB` (or `--max-size=MB`),
 * out of a command's arguments. Arguments after `--` are left alone.
 */
export function takeMaxSize(argv: string[]): { rest: string[]; maxBytes?: number } {
  const rest: string[] = [];
  let maxBytes: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg !== '--max-size' && !arg.startsWith('--max-size=')) {
      rest.push(arg);
      continue;
    }
    const value = arg === '--max-size' ? argv[++i] : arg.slice('--max-size='.length);
    if (value === undefined) throw new UsageError('--max-size needs a value (megabytes)');
    const mb = Number(value);
    if (value.trim() === '' || !Number.isFinite(mb) || mb <= 0) throw new UsageError(`--max-size takes a positive number of megabytes, not "${value}"`);
    maxBytes = Math.round(mb * 1024 * 1024);
  }
  return { rest, maxBytes };
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`sourcebook: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    const { rest: commandArgs, maxBytes } = takeMaxSize(rest);
    return await command.run(commandArgs, maxBytes === undefined ? io : { ...io, maxBytes });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`sourcebook ${name}: ${err.message}\nusage: sourcebook ${command.usage}\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      io.stderr(`sourcebook ${name}: ${err.message}\n`);
      return EXIT.input;
    }
    // A bug, not bad input: one line that says so, never a stack trace in the reporter's terminal.
    io.stderr(`sourcebook ${name}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.internal;
  }
}

/** Runs the CLI as a process: terminal-safe output, exit status, no stack traces. */
function runAsProcess(): void {
  // Whatever escapes main() (an error in a stream, a late rejection) ends the run with one line.
  const fail = (err: unknown) => {
    process.stderr.write(terminalSafe(`sourcebook: internal error: ${err instanceof Error ? err.message : String(err)}\n`));
    process.exit(EXIT.internal);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // `sourcebook quotes | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      else fail(err);
    });
  }
  // Source text is untrusted: it reaches the terminal only with its control characters escaped.
  const io: CliIO = { stdout: (t) => process.stdout.write(terminalSafe(t)), stderr: (t) => process.stderr.write(terminalSafe(t)) };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    fail,
  );
}

if (require.main === module) runAsProcess();
