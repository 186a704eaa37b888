// The defaults of the user's `elasticTls.*` settings, read from the extension manifest (package.json), where
// VS Code shows them: written once there, typed here, and used by the client, the server and the CLI alike.
import { contributes } from '../../../package.json';

const properties = contributes.configuration.properties;

/** Default values of the settings the checks read. */
export const settingDefaults = {
  /** `elasticTls.expiryWarningDays`: warn when a certificate expires within this many days. */
  expiryWarningDays: properties['elasticTls.expiryWarningDays'].default,
  /** `elasticTls.validationDelay`: milliseconds between a change and its check. */
  validationDelay: properties['elasticTls.validationDelay'].default,
  /** `elasticTls.stackVersion`: the Elastic Stack version the files are for; empty means "find it in the workspace". */
  stackVersion: properties['elasticTls.stackVersion'].default,
} as const;
