// Test certificates made at test time with @peculiar/x509 over Node's WebCrypto: CAs, intermediates and
// leaves with chosen names, usages, dates and key types.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(crypto.webcrypto as never);

type CryptoKeyPair = crypto.webcrypto.CryptoKeyPair;
type Algorithm = crypto.webcrypto.Algorithm;
type EcdsaParams = crypto.webcrypto.EcdsaParams;
type RsaHashedKeyGenParams = crypto.webcrypto.RsaHashedKeyGenParams;
type EcKeyGenParams = crypto.webcrypto.EcKeyGenParams;

export type KeyAlg = 'rsa' | 'p256' | 'p384' | 'ed25519';

export interface TestCert {
  der: Buffer;
  pem: string;
  /** Node private key and its PKCS#8 PEM. */
  key: crypto.KeyObject;
  keyPem: string;
  subject: string;
  keys: CryptoKeyPair;
  alg: KeyAlg;
}

export interface CertOptions {
  subject: string;
  issuer?: TestCert;
  ca?: boolean;
  pathLength?: number;
  dns?: string[];
  ips?: string[];
  emails?: string[];
  uris?: string[];
  eku?: string[];
  keyUsage?: x509.KeyUsageFlags;
  notBefore?: Date;
  notAfter?: Date;
  alg?: KeyAlg;
  serial?: string;
  /** RSA modulus length (default 2048), for weak-key tests. */
  rsaBits?: number;
  /** Reuse a key pair (to make a "regenerated CA" with the same name but another key, pass none). */
  keys?: CryptoKeyPair;
}

const ALGS: Record<KeyAlg, { gen: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm; sign: Algorithm | EcdsaParams }> = {
  rsa: { gen: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 }, sign: { name: 'RSASSA-PKCS1-v1_5' } },
  p256: { gen: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams },
  p384: { gen: { name: 'ECDSA', namedCurve: 'P-384' }, sign: { name: 'ECDSA', hash: 'SHA-384' } as EcdsaParams },
  ed25519: { gen: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
};

const DAY = 86_400_000;

/** Makes one certificate; self-signed unless `issuer` is given. */
export async function makeCert(o: CertOptions): Promise<TestCert> {
  const alg = o.alg ?? 'rsa';
  const gen = alg === 'rsa' && o.rsaBits ? { ...ALGS.rsa.gen, modulusLength: o.rsaBits } : ALGS[alg].gen;
  const keys = o.keys ?? ((await crypto.webcrypto.subtle.generateKey(gen as never, true, ['sign', 'verify'])) as CryptoKeyPair);
  const signer = o.issuer ?? undefined;
  const extensions: x509.Extension[] = [await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)];
  if (o.ca !== undefined) extensions.push(new x509.BasicConstraintsExtension(o.ca, o.pathLength, true));
  if (o.keyUsage !== undefined) extensions.push(new x509.KeyUsagesExtension(o.keyUsage, true));
  if (o.eku) extensions.push(new x509.ExtendedKeyUsageExtension(o.eku));
  const names: x509.JsonGeneralName[] = [
    ...(o.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(o.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
    ...(o.emails ?? []).map((value) => ({ type: 'email' as const, value })),
    ...(o.uris ?? []).map((value) => ({ type: 'url' as const, value })),
  ];
  if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names));
  if (signer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(signer.keys.publicKey));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: o.serial ?? crypto.randomBytes(8).toString('hex').replace(/^[89a-f]/, '1'),
    subject: o.subject,
    issuer: signer ? signer.subject : o.subject,
    notBefore: o.notBefore ?? new Date(Date.now() - DAY),
    notAfter: o.notAfter ?? new Date(Date.now() + 365 * DAY),
    signingAlgorithm: ALGS[signer ? signer.alg : alg].sign,
    publicKey: keys.publicKey,
    signingKey: (signer ? signer.keys : keys).privateKey,
    extensions,
  });
  const der = Buffer.from(cert.rawData);
  const pkcs8 = Buffer.from(await crypto.webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = crypto.createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return { der, pem: cert.toString('pem') + '\n', key, keyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(), subject: o.subject, keys, alg };
}

/** A CA as certutil 8.18+ makes it: CA:TRUE, keyCertSign + cRLSign. */
export function makeCa(subject: string, extra: Partial<CertOptions> = {}): Promise<TestCert> {
  return makeCert({ subject, ca: true, keyUsage: x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, ...extra });
}

export { x509 };
