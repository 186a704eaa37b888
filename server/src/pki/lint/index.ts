// Certificate policy lints: pure functions over parsed certificates, shared by the rules, the viewer and
// `estls inspect`.
export type { CertificateLint, CertificateLintId, LintSeverity } from './types';
export { BROWSER_MAX_VALIDITY_DAYS, caAsNodeLint, keyUsageLint, validityDays, validityLint, weakKeyLint, weakSignatureLint } from './certificate';
export type { KeyUsageOptions } from './certificate';
export { chainIncompleteLint, chainOrderLint } from './chain';
export { certificateLints, lintFile } from './file';
