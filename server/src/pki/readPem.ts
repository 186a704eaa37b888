// PEM files: certificates (chains, bundles), private keys in every common form, and CSRs, with offsets.
import type { Deadline } from './limits';
import { PkiError } from './errors';
import { blockInfo } from './parsed';
import type { ParsedFile } from './parsed';
import { parsePem } from './pem';
import type { PemBlock } from './pem';
import { PRIVATE_KEY_LABELS, isEncryptedKeyBlock, readPemPrivateKey } from './pemKeys';
import type { WorkBudget } from './pkcs12/crypto';
import { addKey, emptyFile } from './fileBuild';
import type { ReadOptions } from './parsed';
import { summarizeCsr } from './csrSummary';
import { addPkcs7 } from './readPkcs7';
import { summarizeCrl } from './crl';
import { parseCertificate } from './x509/summary';

const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
const PKCS7_LABELS = new Set(['PKCS7', 'CMS']);
const CRL_LABELS = new Set(['X509 CRL']);

/** Reads every block of a PEM text; see readPkiFile for the errors. */
export function readPemFile(text: string, opts: ReadOptions, budget: WorkBudget, deadline: Deadline): ParsedFile {
  const file = emptyFile(opts.fileName, 'pem');
  const blocks = parsePem(text, deadline);
  file.pemBlocks = [];
  const keyBlocks: Array<{ block: PemBlock; info: number }> = [];
  for (const [i, block] of blocks.entries()) {
    if (i % 32 === 0) deadline.check();
    if (CERT_LABELS.has(block.label)) {
      file.pemBlocks.push(blockInfo(block, { certificateIndex: file.certificates.length }));
      const cert = parseBlockCertificate(block, opts);
      file.certificates.push(cert);
      file.result.certificates.push(cert.summary);
    } else if (PRIVATE_KEY_LABELS.has(block.label)) {
      keyBlocks.push({ block, info: file.pemBlocks.length });
      file.pemBlocks.push(blockInfo(block, { encrypted: isEncryptedKeyBlock(block) }));
    } else if (PKCS7_LABELS.has(block.label)) {
      file.pemBlocks.push(blockInfo(block));
      addPkcs7(file, block.der, opts, deadline);
    } else if (CRL_LABELS.has(block.label)) {
      file.pemBlocks.push(blockInfo(block));
      (file.result.crls ??= []).push(summarizeCrl(block.der, opts.clock, deadline));
    } else if (CSR_LABELS.has(block.label)) {
      file.pemBlocks.push(blockInfo(block));
      (file.result.csrs ??= []).push(summarizeCsr(block.der));
    } else {
      file.pemBlocks.push(blockInfo(block));
    }
  }
  // Keys are read last so each can be compared with the file's first certificate wherever it stands.
  for (const { block, info } of keyBlocks) {
    const key = readPemPrivateKey(block, opts.password, budget);
    file.pemBlocks[info].keyIndex = file.keys.length;
    addKey(file, key, file.certificates[0], isEncryptedKeyBlock(block));
  }
  return file;
}

function parseBlockCertificate(block: PemBlock, opts: ReadOptions) {
  try {
    return parseCertificate(block.der, opts.clock);
  } catch (e) {
    if (block.label === 'TRUSTED CERTIFICATE') {
      // openssl's trusted form appends trust settings after the certificate; read the certificate alone.
      const len = derElementLength(block.der);
      if (len && len < block.der.length) return parseCertificate(block.der.subarray(0, len), opts.clock);
    }
    if (e instanceof PkiError) throw new PkiError('BAD_PEM', `The ${block.label} block at offset ${block.start} is not a valid certificate.`);
    throw e;
  }
}

function derElementLength(der: Uint8Array): number | undefined {
  if (der.length < 2) return undefined;
  const first = der[1];
  if (!(first & 0x80)) return 2 + first;
  const n = first & 0x7f;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + der[2 + i];
  return 2 + n + len;
}
