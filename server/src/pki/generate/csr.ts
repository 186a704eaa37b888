import 'reflect-metadata';
import { sign, type KeyObject } from 'node:crypto';
import { CertificationRequest, CertificationRequestInfo, Attributes } from '@peculiar/asn1-csr';
import { ExtensionRequest, id_pkcs9_at_extensionRequest } from '@peculiar/asn1-pkcs9';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Attribute, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { subjectForName } from './dn';
import { subjectAltNameExtension } from './extensions';
import { DEFAULT_KEY, newKeyPair, signatureFor, spkiDer } from './keyPair';
import type { InstanceSpec, KeySpec } from './types';

/** A PKCS#10 request (DER) and the key it was made for. */
export interface CsrResult {
  csrDer: Uint8Array;
  key: KeyObject;
}

/** Makes a key and a PKCS#10 CSR for it; the SANs go in an extensionRequest attribute, as certutil does. */
export async function makeCsr(instance: InstanceSpec, keySpec: KeySpec = DEFAULT_KEY): Promise<CsrResult> {
  const pair = await newKeyPair(keySpec);
  const san = subjectAltNameExtension({ dns: instance.dns, ip: instance.ip, cn: instance.cn });
  const attributes = new Attributes(
    san
      ? [new Attribute({ type: id_pkcs9_at_extensionRequest, values: [AsnConvert.serialize(new ExtensionRequest([san]))] })]
      : [],
  );
  const info = new CertificationRequestInfo({
    version: 0,
    subject: subjectForName(instance.name),
    subjectPKInfo: AsnConvert.parse(spkiDer(pair.publicKey), SubjectPublicKeyInfo),
    attributes,
  });
  const infoDer = new Uint8Array(AsnConvert.serialize(info));
  const sig = signatureFor(pair.privateKey);
  const signature = sign(sig.hash, infoDer, pair.privateKey);
  const csr = new CertificationRequest({
    certificationRequestInfo: info,
    signatureAlgorithm: sig.algorithm,
    signature: new Uint8Array(signature).buffer,
  });
  return { csrDer: new Uint8Array(AsnConvert.serialize(csr)), key: pair.privateKey };
}
