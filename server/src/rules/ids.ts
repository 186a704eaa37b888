import { CERTIFICATE_RULE_IDS } from './certificatesFinding';

/** The ids of the parse findings and the settings rules, with one line on what each means. */
export const SETTINGS_RULE_IDS = {
  'yaml-syntax': 'The file is not valid YAML, or its top level is not a map of settings.',
  'duplicate-setting': 'A setting is given twice (flat, nested or mixed forms); Elasticsearch and Kibana refuse such files.',
  'file-too-large': 'The file is larger than 2 MB (or too large for yaml to read in bounded time) and is not checked.',
  'yaml-too-deep': 'The YAML nests or aliases too deeply to be checked safely.',
  'not-text': 'The file holds binary data (NUL bytes) instead of YAML text.',
  'unknown-setting': 'A key inside a namespace the catalog covers is not a known setting (often a typo).',
  'invalid-value': 'A value does not fit its setting: wrong enum, boolean, number, time, size, URL or shape.',
  'ssl-conflict': 'Two TLS settings that exclude each other are both set in one SSL context.',
  'ssl-missing-companion': 'A TLS setting needs another one that is missing (key without certificate, enabled without key material ...).',
  'secure-setting-in-yml': 'A secure setting is written in elasticsearch.yml; it belongs in the Elasticsearch keystore.',
  'deprecated-plain-password': 'A legacy plain-text TLS password setting is used; its secure keystore setting replaces it.',
  'plaintext-secret': 'A password or encryption key is written in plain text in kibana.yml; the Kibana keystore can hold it.',
  'insecure-setting': 'A setting weakens security (verification off, old TLS versions, security disabled ...).',
  'deprecated-setting': 'A setting is deprecated; it still works but has a replacement or will go away.',
  'removed-setting': 'A setting was removed; the product refuses to start with it.',
  'missing-file': 'A setting names a file that does not exist, or names a directory where a file belongs (an error on a live config directory, a warning behind a compose mount or a path mapping).',
  'path-not-checked': 'A hint: the path lives on another machine (a node, a container) and nothing maps it to a workspace file, so it is not checked.',
} as const;

/**
 * Every rule id the engine reports, with one line on what it means. The CLI lists these and the docs link
 * to them; a finding's `ruleId` is always one of these keys.
 */
export const RULE_IDS = { ...SETTINGS_RULE_IDS, ...CERTIFICATE_RULE_IDS } as const;

/** A rule id this engine reports. */
export type RuleId = keyof typeof RULE_IDS;
