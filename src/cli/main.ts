import { UsageError } from './args';
import { CliIO, EXIT, InputError } from './io';
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
`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`sourcebook: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`sourcebook ${name}: ${err.message}\nusage: sourcebook ${command.usage}\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      io.stderr(`sourcebook ${name}: ${err.message}\n`);
      return EXIT.input;
    }
    io.stderr(`sourcebook ${name}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  const io: CliIO = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`sourcebook: ${String(err)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
