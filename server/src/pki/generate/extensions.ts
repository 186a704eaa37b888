import 'reflect-metadata';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  ExtendedKeyUsage,
  Extension,
  GeneralName,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  OtherName,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
  id_ce_subjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { derTlv } from '../../core/der';
import { canonicalIp } from '../ipAddress';

/** Extended key usage OIDs this generator writes. */
export const EKU = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  anyExtendedKeyUsage: '2.5.29.37.0',
} as const;

/** The `cn` attribute OID that certutil puts in an otherName SAN for extra common names. */
const OID_CN = '2.5.4.3';

function extension(extnID: string, critical: boolean, value: object): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

export function subjectKeyIdExtension(keyId: Uint8Array): Extension {
  return extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
}

export function authorityKeyIdExtension(keyId: Uint8Array): Extension {
  return extension(id_ce_authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(keyId) }));
}

/** basicConstraints: critical with cA=true on a CA; on a leaf not critical with cA=false, as certutil writes it. */
export function basicConstraintsExtension(isCa: boolean): Extension {
  return extension(id_ce_basicConstraints, isCa, new BasicConstraints({ cA: isCa }));
}

export type KeyUsageName = keyof typeof KeyUsageFlags;

export function keyUsageExtension(usages: readonly KeyUsageName[]): Extension {
  const flags = usages.reduce((acc, u) => acc | KeyUsageFlags[u], 0);
  return extension(id_ce_keyUsage, true, new KeyUsage(flags));
}

export function extendedKeyUsageExtension(oids: readonly string[]): Extension {
  return extension(id_ce_extKeyUsage, false, new ExtendedKeyUsage([...oids]));
}

/** The names a certificate is for. */
export interface SanInput {
  dns: readonly string[];
  ip: readonly string[];
  cn?: readonly string[];
}

/** certutil's `cn` SAN: otherName { 2.5.4.3, [0] EXPLICIT UTF8String }. */
function commonNameOtherName(cn: string): GeneralName {
  const der = derTlv(0x0c, new Uint8Array(Buffer.from(cn, 'utf8')));
  return new GeneralName({ otherName: new OtherName({ typeId: OID_CN, value: der.slice().buffer }) });
}

export function generalNames(san: SanInput): GeneralName[] {
  return [
    ...san.dns.map((d) => new GeneralName({ dNSName: d })),
    ...san.ip.map((ip) => new GeneralName({ iPAddress: canonicalIp(ip) ?? ip })),
    ...(san.cn ?? []).map(commonNameOtherName),
  ];
}

/** The SAN extension, or undefined when there are no names (certutil then leaves it out). */
export function subjectAltNameExtension(san: SanInput): Extension | undefined {
  const names = generalNames(san);
  if (names.length === 0) return undefined;
  return extension(id_ce_subjectAltName, false, new SubjectAlternativeName(names));
}
