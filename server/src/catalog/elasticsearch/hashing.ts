// Hash algorithm names from the security settings tables (`Hasher`): the tables list them in lower case,
// and Elasticsearch lower-cases the configured value before comparing.

const ITERATIONS = ['1000', '10000', '50000', '100000', '500000', '1000000'];
const bcryptCosts = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `bcrypt${from + i}`);

const PBKDF2 = ['pbkdf2', ...ITERATIONS.map((n) => `pbkdf2_${n}`)];
const PBKDF2_STRETCH = ['pbkdf2_stretch', ...ITERATIONS.map((n) => `pbkdf2_stretch_${n}`)];

/** Algorithms for stored password hashes (table "Password hashing algorithms"). */
export const PASSWORD_HASH_ALGORITHMS: readonly string[] = ['bcrypt', ...bcryptCosts(4, 14), ...PBKDF2, ...PBKDF2_STRETCH];

/** Algorithms for stored API key hashes (table "Secure token hashing algorithms"): the password ones plus ssha256. */
export const TOKEN_HASH_ALGORITHMS: readonly string[] = ['ssha256', ...PASSWORD_HASH_ALGORITHMS];

/** Algorithms for in-memory credential caches (table "Cache hash algorithms"), including the insecure ones. */
export const CACHE_HASH_ALGORITHMS: readonly string[] = ['ssha256', 'md5', 'sha1', ...PASSWORD_HASH_ALGORITHMS, 'noop', 'clear_text'];
