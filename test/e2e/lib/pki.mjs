// Certificates for the e2e workspaces, made with the real openssl (P-256 keys, so they are quick): a CA, and leaves
// it signs with the SANs and lifetime a test asks for.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Runs openssl in `cwd`, quietly; throws when it fails. */
export const openssl = (args, cwd) => execFileSync('openssl', args, { cwd, stdio: 'ignore' });

/** `<name>.crt` and `<name>.key` in `dir`: a self-signed CA valid 400 days. */
export function makeCa(dir, name) {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '400',
    '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
}

/** `<out>.crt` and `<out>.key` in `dir`: CN `cn`, DNS names `dns`, issued by the CA `ca` of the same folder for `days`. */
export function makeLeaf(dir, ca, cn, dns, out, days = 300) {
  fs.writeFileSync(path.join(dir, `${out}.ext`), `subjectAltName=${dns.map((d) => `DNS:${d}`).join(',')}\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=digitalSignature\n`);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${out}.key`, '-out', `${out}.csr`, '-subj', `/CN=${cn}`], dir);
  openssl(['x509', '-req', '-in', `${out}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', String(days), '-extfile', `${out}.ext`, '-out', `${out}.crt`], dir);
  fs.rmSync(path.join(dir, `${out}.csr`));
  fs.rmSync(path.join(dir, `${out}.ext`));
}
