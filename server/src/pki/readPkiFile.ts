// One entry point for every certificate, key and keystore file: sniff the format, read it within bounds,
// and return both the plain InspectResult and the parsed objects verification needs.
import 'reflect-metadata';
import * as crypto from 'node:crypto';
import { PkiError } from './errors';
import { Deadline, checkSize } from './limits';
import type { ParsedFile, ReadOptions } from './parsed';
import { addKey, emptyFile } from './fileBuild';
import { WorkBudget } from './pkcs12/crypto';
import { readPemFile } from './readPem';
import { readPkcs12File } from './readPkcs12';
import { sniffFormat } from './sniff';
import { readJksFile } from './readJks';
import { addPkcs7 } from './readPkcs7';
import { summarizeCrl } from './crl';
import { readElasticsearchKeystore } from './esKeystore/read';
import { parseCertificate } from './x509/summary';
import { decryptPkcs8 } from './pemKeys';

/**
 * Reads a PEM, DER, PKCS#12, PKCS#7, CRL, JKS, JCEKS or Elasticsearch keystore file. Throws PkiError (TOO_LARGE, EMPTY, NOT_PEM, BAD_PEM, BAD_DER,
 * BAD_PKCS12, PASSWORD_REQUIRED, BAD_PASSWORD, UNSUPPORTED, LIMIT, UNKNOWN_FORMAT); never returns garbage.
 */
export function readPkiFile(bytes: Uint8Array, opts: ReadOptions): ParsedFile {
  checkSize(bytes);
  const deadline = new Deadline();
  const budget = new WorkBudget();
  const format = sniffFormat(bytes);
  try {
    return readFormat(bytes, format, opts, budget, deadline);
  } catch (e) {
    if (e instanceof PkiError) throw e;
    // A library failure on malformed input is still the input's fault: report it as such, never crash.
    const code = format === 'pem' ? 'BAD_PEM' : format === 'pkcs12' ? 'BAD_PKCS12' : 'BAD_DER';
    throw new PkiError(code, 'The file is malformed and cannot be read.');
  }
}

function readFormat(bytes: Uint8Array, format: ReturnType<typeof sniffFormat>, opts: ReadOptions, budget: WorkBudget, deadline: Deadline): ParsedFile {
  switch (format) {
    case 'jks':
    case 'jceks':
      return readJksFile(bytes, opts, budget, deadline);
    case 'elasticsearch-keystore': {
      const file = emptyFile(opts.fileName, 'elasticsearch-keystore');
      file.result.elasticsearchKeystore = readElasticsearchKeystore(bytes, opts.password, budget);
      return file;
    }
    case 'pkcs7': {
      const file = emptyFile(opts.fileName, 'pkcs7');
      addPkcs7(file, bytes, opts, deadline);
      return file;
    }
    case 'crl': {
      const file = emptyFile(opts.fileName, 'crl');
      file.result.crls = [summarizeCrl(bytes, opts.clock, deadline)];
      return file;
    }
    case 'pem':
      return readPemFile(Buffer.from(bytes).toString('utf8'), opts, budget, deadline);
    case 'pkcs12':
      return readPkcs12File(bytes, opts, budget, deadline);
    case 'der':
      return readDerFile(Buffer.from(bytes), opts, budget);
    default:
      throw new PkiError('UNKNOWN_FORMAT', 'The file is not a certificate, key, CRL or keystore (not PEM, DER, PKCS#7, PKCS#12, JKS or an Elasticsearch keystore).');
  }
}

function readDerFile(bytes: Buffer, opts: ReadOptions, budget: WorkBudget): ParsedFile {
  const file = emptyFile(opts.fileName, 'der');
  try {
    const cert = parseCertificate(bytes, opts.clock);
    file.certificates.push(cert);
    file.result.certificates.push(cert.summary);
    return file;
  } catch {
    // Not a certificate: maybe a key.
  }
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      addKey(file, crypto.createPrivateKey({ key: bytes, format: 'der', type }), undefined, false);
      return file;
    } catch {
      // Try the next key form.
    }
  }
  try {
    const der = decryptPkcs8(bytes, opts.password, budget);
    addKey(file, crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), undefined, true);
    return file;
  } catch (e) {
    if (e instanceof PkiError && ['PASSWORD_REQUIRED', 'BAD_PASSWORD', 'LIMIT', 'UNSUPPORTED'].includes(e.code)) throw e;
  }
  throw new PkiError('BAD_DER', 'The binary file is neither a certificate, a private key nor a PKCS#12 keystore.');
}
