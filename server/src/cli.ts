// `estls`: the command-line front end. Each command lives in cli/ and returns its exit code.
import 'reflect-metadata';
import { version } from '../../package.json';
import { runCheck } from './cli/check';
import { runGen } from './cli/gen';
import { runInspect } from './cli/inspect';
import { ExitCode, nodeIo, type CliIo } from './cli/io';

const usage = `Usage: estls <command> [options]

Commands:
  check FILE...     check elasticsearch.yml / kibana.yml files for TLS and security mistakes
  inspect FILE      show what a certificate, key or keystore file holds
  gen MODE ...      generate a CA, node, HTTP or Kibana client certificates, or CSRs (as certutil does)

Options:
  --help, -h        show this help (also: estls <command> --help)
  --version, -v     print the version
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, Command> = {
  check: runCheck,
  inspect: runInspect,
  gen: runGen,
};

/** Runs one `estls` invocation; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(usage);
    return ExitCode.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return ExitCode.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(`estls: unknown command '${name}'\n\n${usage}`);
    return ExitCode.usage;
  }
  return command(rest, io);
}

if (require.main === module) {
  // `estls check ... | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const io = nodeIo();
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      io.err(`estls: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = ExitCode.usage;
    },
  );
}
