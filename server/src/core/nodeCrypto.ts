// node:crypto, loaded on first use. Evaluating it costs 5 to 15 ms, and `estls check` on a settings file that
// names no certificate, key or keystore never hashes or decrypts anything; modules on that path (the file
// cache, key comparison, the keystore reader) call this instead of importing node:crypto at the top.
import type * as Crypto from 'node:crypto';

export function nodeCrypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous lazy load of a builtin
  return require('node:crypto') as typeof Crypto;
}
