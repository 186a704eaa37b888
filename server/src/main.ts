// Language server entry point. The transport (--stdio, --node-ipc, --socket=N) comes from the command line.
import 'reflect-metadata';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { formatError } from './lsp/runSafe';
import { startServer } from './lsp/server';

const connection = createConnection(ProposedFeatures.all);

// A bug must not end the process on a user's file: log it and keep serving.
process.on('uncaughtException', (e) => connection.console.error(formatError('Unexpected error', e)));
process.on('unhandledRejection', (e) => connection.console.error(formatError('Unhandled rejection', e)));

startServer(connection);
