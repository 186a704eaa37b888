// Language server entry point. The transport (--stdio, --node-ipc, --socket=N) comes from the command line.
import 'reflect-metadata';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { quietConsole } from './lsp/rpcLog';
import { formatError } from './lsp/runSafe';
import { startServer } from './lsp/server';

// The console drops what invalid messages and Node's type errors would quote (see rpcLog.ts).
const connection = createConnection({ ...ProposedFeatures.all, console: quietConsole });

// A bug must not end the process on a user's file: log it and keep serving.
process.on('uncaughtException', (e) => connection.console.error(formatError('Unexpected error', e)));
process.on('unhandledRejection', (e) => connection.console.error(formatError('Unhandled rejection', e)));

startServer(connection);
