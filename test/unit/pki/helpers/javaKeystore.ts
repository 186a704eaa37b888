// A test-only writer of JKS and JCEKS keystores, written from the JDK's layout (see server/src/pki/jks/read.ts),
// so unit tests and fuzz seeds have Java keystores without a JVM. Interop tests check the reader against keytool.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { encodeJavaUtf } from '../../../../server/src/pki/binary';
import { jksDigest, utf16be } from '../../../../server/src/pki/jks/read';
import { JKS_KEY_PROTECTOR_OID, PBE_MD5_TRIPLE_DES_OID, md5TripleDesKey } from '../../../../server/src/pki/jks/keyProtector';
import { Pkcs12PbeParams } from '../../../../server/src/pki/pkcs12/pbeParams';

export interface JavaKeyEntry {
  alias: string;
  key: crypto.KeyObject;
  chain: Uint8Array[];
  /** The key's own password; the store password when absent. */
  keyPassword?: string;
}

export interface JavaKeystoreSpec {
  type: 'JKS' | 'JCEKS';
  password: string;
  keys?: JavaKeyEntry[];
  trusted?: Array<{ alias: string; cert: Uint8Array }>;
  /** JCEKS secret-key entries, written as opaque bytes after the others (the reader stops listing there). */
  secrets?: Array<{ alias: string; serialized: Uint8Array }>;
  version?: 1 | 2;
  iterations?: number;
}

const i32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const i64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};

function certBytes(der: Uint8Array, version: number): Buffer {
  return Buffer.concat([version === 2 ? encodeJavaUtf('X.509') : Buffer.alloc(0), i32(der.length), der]);
}

/** Sun's JKS key protector: salt, PKCS#8 XOR a SHA-1 stream, SHA-1(password + key). */
function jksProtect(pkcs8: Buffer, password: string): Buffer {
  const pw = utf16be(password);
  const salt = crypto.randomBytes(20);
  const out = Buffer.alloc(pkcs8.length);
  let digest: Buffer = salt;
  for (let off = 0; off < pkcs8.length; off += 20) {
    digest = crypto.createHash('sha1').update(pw).update(digest).digest();
    for (let i = 0; i < 20 && off + i < pkcs8.length; i++) out[off + i] = pkcs8[off + i] ^ digest[i];
  }
  const check = crypto.createHash('sha1').update(pw).update(pkcs8).digest();
  const data = Buffer.concat([salt, out, check]);
  return Buffer.from(AsnConvert.serialize(new EncryptedPrivateKeyInfo({ encryptionAlgorithm: new AlgorithmIdentifier({ algorithm: JKS_KEY_PROTECTOR_OID, parameters: null }), encryptedData: new OctetString(data) })));
}

function jceksProtect(pkcs8: Buffer, password: string, iterations: number): Buffer {
  const salt = crypto.randomBytes(8);
  const { key, iv } = md5TripleDesKey(Buffer.from(password, 'latin1'), salt, iterations);
  const c = crypto.createCipheriv('des-ede3-cbc', key, iv);
  const data = Buffer.concat([c.update(pkcs8), c.final()]);
  const params = AsnConvert.serialize(new Pkcs12PbeParams({ salt: new OctetString(salt), iterations }));
  return Buffer.from(AsnConvert.serialize(new EncryptedPrivateKeyInfo({ encryptionAlgorithm: new AlgorithmIdentifier({ algorithm: PBE_MD5_TRIPLE_DES_OID, parameters: params }), encryptedData: new OctetString(data) })));
}

/** The bytes of a JKS or JCEKS keystore. */
export function writeJavaKeystore(spec: JavaKeystoreSpec): Buffer {
  const version = spec.version ?? 2;
  const parts: Buffer[] = [Buffer.from(spec.type === 'JKS' ? 'feedfeed' : 'cececece', 'hex'), i32(version)];
  const keys = spec.keys ?? [];
  const trusted = spec.trusted ?? [];
  const secrets = spec.secrets ?? [];
  parts.push(i32(keys.length + trusted.length + secrets.length));
  const when = Date.UTC(2026, 0, 1);
  for (const k of keys) {
    const pkcs8 = k.key.export({ type: 'pkcs8', format: 'der' });
    const pw = k.keyPassword ?? spec.password;
    const protectedKey = spec.type === 'JKS' ? jksProtect(pkcs8, pw) : jceksProtect(pkcs8, pw, spec.iterations ?? 1000);
    parts.push(i32(1), encodeJavaUtf(k.alias), i64(when), i32(protectedKey.length), protectedKey, i32(k.chain.length), ...k.chain.map((c) => certBytes(c, version)));
  }
  for (const t of trusted) parts.push(i32(2), encodeJavaUtf(t.alias), i64(when), certBytes(t.cert, version));
  for (const s of secrets) parts.push(i32(3), encodeJavaUtf(s.alias), i64(when), Buffer.from(s.serialized));
  const body = Buffer.concat(parts);
  return Buffer.concat([body, jksDigest(spec.password, body)]);
}
