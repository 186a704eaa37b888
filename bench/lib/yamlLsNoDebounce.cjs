// Starts yaml-language-server with its validation debounce at 0 ms. Version 1.25.0 fixes the delay at 200 ms
// (SettingsState.validationDelayMs, no setting reads it), so this wrapper makes the field read as 0 and ignores
// the constructor's assignment. Nothing else changes: same server code, same validation.
const path = require('node:path');
const root = path.dirname(require.resolve('yaml-language-server/package.json'));
const { SettingsState } = require(path.join(root, 'out/server/src/yamlSettings.js'));
Object.defineProperty(SettingsState.prototype, 'validationDelayMs', { get: () => 0, set() {}, configurable: true });
process.env.YAML_LANGUAGE_SERVER_VERSION = require(path.join(root, 'package.json')).version;
require(path.join(root, 'out/server/src/server.js'));
