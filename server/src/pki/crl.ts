// Certificate revocation lists (RFC 5280 section 5) -> CrlSummary: issuer, this/next update, revoked serials.
// Decoded with @peculiar/asn1-x509's CertificateList; the issuer is spelled as certificate names are, so a
// CRL and the CA that issued it can be matched by name.
import 'reflect-metadata';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CRLReason, CertificateList } from '@peculiar/asn1-x509';
import type { Extension, Time } from '@peculiar/asn1-x509';
import { PkiError } from './errors';
import type { Clock } from '../core/environment';
import { MAX_CRL_ENTRIES } from './limits';
import type { Deadline } from './limits';
import type { CrlSummary, RevokedCertificate } from './types';
import { formatName } from './x509/names';
import { SIGNATURE_ALGORITHMS } from './x509/oids';
import { daysLeft } from './dates';

const CRL_NUMBER = '2.5.29.20';
const REASON_CODE = '2.5.29.21';
/** RFC 5280 CRLReason names by code (7 is unused). */
const REASONS = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', '', 'removeFromCRL', 'privilegeWithdrawn', 'aACompromise'];

/** Upper-case hex of a DER INTEGER's content without the sign byte, as openssl prints serial numbers. */
export function serialHex(content: ArrayBuffer | Uint8Array): string {
  let b = Buffer.from(content instanceof Uint8Array ? content : new Uint8Array(content));
  if (b.length > 1 && b[0] === 0) b = b.subarray(1);
  return b.toString('hex').toUpperCase();
}

export { sameSerial } from './dates';


/** Decodes a DER CRL; malformed input throws PkiError('BAD_DER'). */
export function summarizeCrl(der: Uint8Array, clock: Clock, deadline?: Deadline): CrlSummary {
  let list: CertificateList;
  try {
    list = AsnConvert.parse(der, CertificateList);
  } catch {
    throw new PkiError('BAD_DER', 'The data is not a valid certificate revocation list.');
  }
  try {
    return summarize(list, clock, deadline);
  } catch (e) {
    if (e instanceof PkiError) throw e;
    throw new PkiError('BAD_DER', 'The certificate revocation list holds values that cannot be read.');
  }
}

function summarize(list: CertificateList, clock: Clock, deadline?: Deadline): CrlSummary {
  const tbs = list.tbsCertList;
  const sigOid = list.signatureAlgorithm.algorithm;
  const summary: CrlSummary = {
    issuer: formatName(tbs.issuer),
    thisUpdate: timeOf(tbs.thisUpdate).toISOString(),
    signatureAlgorithm: SIGNATURE_ALGORITHMS[sigOid] ?? sigOid,
    revoked: [],
  };
  if (tbs.nextUpdate) {
    const next = timeOf(tbs.nextUpdate);
    summary.nextUpdate = next.toISOString();
    summary.daysLeft = daysLeft(next, clock.now());
  }
  const number = (tbs.crlExtensions ?? []).find((e) => e.extnID === CRL_NUMBER);
  if (number) summary.crlNumber = crlNumber(number);
  const revoked = tbs.revokedCertificates ?? [];
  for (const [i, r] of revoked.entries()) {
    if (i % 256 === 0) deadline?.check();
    if (i >= MAX_CRL_ENTRIES) {
      summary.moreRevoked = revoked.length - MAX_CRL_ENTRIES;
      break;
    }
    const entry: RevokedCertificate = { serialNumber: serialHex(r.userCertificate), revocationDate: timeOf(r.revocationDate).toISOString() };
    const reason = reasonOf(r.crlEntryExtensions);
    if (reason) entry.reason = reason;
    summary.revoked.push(entry);
  }
  return summary;
}

function timeOf(t: Time): Date {
  const d = t.getTime();
  if (Number.isNaN(d.getTime())) throw new PkiError('BAD_DER', 'The CRL holds an invalid time.');
  return d;
}

function crlNumber(ext: Extension): string | undefined {
  const b = Buffer.from(ext.extnValue.buffer);
  // INTEGER: tag 02, short length, content.
  if (b[0] !== 0x02 || b[1] >= 0x80 || b.length !== 2 + b[1]) return undefined;
  return serialHex(b.subarray(2));
}

function reasonOf(extensions: readonly Extension[] | undefined): string | undefined {
  const ext = extensions?.find((e) => e.extnID === REASON_CODE);
  if (!ext) return undefined;
  try {
    const code = AsnConvert.parse(ext.extnValue.buffer, CRLReason).reason as number;
    return REASONS[code] || String(code);
  } catch {
    return undefined;
  }
}
