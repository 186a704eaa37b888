// Verification functions in one import: chains, hostnames, key pairing, usages.
export { verifyChain, isIssuedBy } from './verifyChain';
export type { ChainProblem, ChainProblemKind, ChainResult } from './verifyChain';
export { certificateCoversHost, dnsNameMatches } from './verifyHost';
export { canonicalIp } from './ipAddress';
export { keyMatchesCertificate, missingExtendedKeyUsages, transportEkuProblem, caLint } from './verifyUsage';
