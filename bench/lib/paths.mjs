// Where the benches find the built product and the baseline tools.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(root, 'dist');
export const serverJs = path.join(dist, 'server.js');
export const cliJs = path.join(dist, 'cli.js');
export const extensionJs = path.join(dist, 'extension.js');
export const yamlLsBin = path.join(root, 'node_modules/yaml-language-server/bin/yaml-language-server');
export const yamlLsNoDebounce = path.join(root, 'bench/lib/yamlLsNoDebounce.cjs');
export const nullServer = path.join(root, 'bench/lib/nullServer.cjs');
