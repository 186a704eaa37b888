// Verification functions in one import: chains, hostnames, key pairing, usages.
export { verifyChain, isIssuedBy } from './verifyChain';
export type { ChainProblem, ChainProblemKind, ChainResult } from './verifyChain';
export { certificateCoversHost, dnsNameMatches, canonicalIp } from './verifyHost';
export { keyMatchesCertificate, missingExtendedKeyUsages, transportEkuProblem, caLint } from './verifyUsage';
