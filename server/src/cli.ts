// `estls`: the command-line front end. Each command lives in cli/ and returns its exit code.
import { version } from '../../package.json';
import { ExitCode, nodeIo, type CliIo } from './cli/io';

const usage = `Usage: estls <command> [options]

Commands:
  check FILE|DIR... check elasticsearch.yml / kibana.yml files for TLS and security mistakes (a folder as one stack)
  map DIR           print the stack a folder describes: nodes, TLS contexts, certificates, trust verdicts
  inspect FILE      show what a certificate, key or keystore file holds
  gen MODE ...      generate a CA, node, HTTP or Kibana client certificates, or CSRs (as certutil does)

Options:
  --help, -h        show this help (also: estls <command> --help)
  --version, -v     print the version
`;

type Command = (args: string[], io: CliIo) => Promise<number>;

// Each command is loaded when it runs, so `estls gen` does not evaluate the YAML parser, the settings catalog and
// the rules, and `--version` evaluates neither. The bundler keeps them in the one output file.
const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./cli/check.js')).runCheck,
  map: async () => (await import('./cli/map.js')).runMap,
  inspect: async () => (await import('./cli/inspect.js')).runInspect,
  gen: async () => (await import('./cli/gen.js')).runGen,
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
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.err(`estls: unknown command '${name}'\n\n${usage}`);
    return ExitCode.usage;
  }
  return (await load())(rest, io);
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
