import type { SettingDef } from '../types';
import { DOCS, generalAnchor, kibana } from './docs';

const PROTOCOLS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;

/** Node's default cipher list as Kibana's docs print it; the exact list follows the bundled Node.js. */
const DEFAULT_CIPHERS =
  'Node.js default list: TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256, TLS_AES_128_GCM_SHA256, ' +
  'ECDHE-RSA-AES128-GCM-SHA256, ECDHE-ECDSA-AES128-GCM-SHA256, ECDHE-RSA-AES256-GCM-SHA384, ' +
  'ECDHE-ECDSA-AES256-GCM-SHA384, DHE-RSA-AES128-GCM-SHA256, ECDHE-RSA-AES128-SHA256, DHE-RSA-AES128-SHA256, ' +
  'ECDHE-RSA-AES256-SHA384, DHE-RSA-AES256-SHA384, ECDHE-RSA-AES256-SHA256, DHE-RSA-AES256-SHA256, HIGH, ' +
  '!aNULL, !eNULL, !EXPORT, !DES, !RC4, !MD5, !PSK, !SRP, !CAMELLIA';

/** Key material and trust of Kibana's own HTTPS listener. */
function sslMaterial(): SettingDef[] {
  return [
    kibana({ key: 'server.ssl.enabled', type: 'boolean', default: 'false', description: 'Serves Kibana over HTTPS; it then needs `server.ssl.certificate` and `server.ssl.key`, or `server.ssl.keystore.path`.', docs: generalAnchor('server-ssl-enabled') }),
    kibana({ key: 'server.ssl.certificate', type: 'path', fileRole: 'certificate', description: 'PEM certificate (chain) Kibana presents to browsers; it excludes `server.ssl.keystore.path`.', docs: generalAnchor('server-ssl-cert-key') }),
    kibana({ key: 'server.ssl.key', type: 'path', fileRole: 'key', description: 'PEM private key of `server.ssl.certificate`; it excludes `server.ssl.keystore.path`.', docs: generalAnchor('server-ssl-cert-key') }),
    kibana({ key: 'server.ssl.keyPassphrase', type: 'string', sensitive: true, description: 'Passphrase that decrypts `server.ssl.key` when the key is encrypted.', docs: generalAnchor('server-ssl-cert-key') }),
    kibana({ key: 'server.ssl.keystore.path', type: 'path', fileRole: 'keystore', description: 'PKCS#12 file holding Kibana\'s server certificate and key; its other certificates are trusted as CAs.', docs: generalAnchor('server-ssl-keystore-path') }),
    kibana({ key: 'server.ssl.keystore.password', type: 'string', sensitive: true, description: 'Password of the PKCS#12 file in `server.ssl.keystore.path`; write `""` for an empty password.', docs: generalAnchor('server-ssl-keystore-path') }),
    kibana({ key: 'server.ssl.truststore.path', type: 'path', fileRole: 'truststore', description: 'PKCS#12 file of CA certificates Kibana trusts, for example to check client certificates.', docs: generalAnchor('server-ssl-truststore-path') }),
    kibana({ key: 'server.ssl.truststore.password', type: 'string', sensitive: true, description: 'Password of the PKCS#12 file in `server.ssl.truststore.path`; write `""` for an empty password.', docs: generalAnchor('server-ssl-truststore-path') }),
    kibana({ key: 'server.ssl.certificateAuthorities', type: 'pathList', fileRole: 'certificateAuthorities', description: 'PEM CA certificates that complete Kibana\'s server chain and verify client certificates (PKI login).', docs: generalAnchor('server-ssl-certificateauthorities') }),
  ];
}

/** Protocol choices and client-certificate handling of the listener. */
function sslBehaviour(): SettingDef[] {
  return [
    kibana({ key: 'server.ssl.clientAuthentication', type: 'enum', values: ['none', 'optional', 'required'], default: 'none', description: 'Whether Kibana asks browsers and clients for a certificate; anything but `none` needs `server.ssl.enabled`.', docs: DOCS.serverSsl }),
    kibana({ key: 'server.ssl.supportedProtocols', type: 'enumList', values: PROTOCOLS, default: 'TLSv1.2, TLSv1.3 (8.x: TLSv1.1, TLSv1.2, TLSv1.3)', description: 'TLS versions Kibana accepts; TLSv1 and TLSv1.1 also need a Node.js option such as `--tls-min-1.1`.', docs: generalAnchor('server-ssl-supportedprotocols') }),
    kibana({ key: 'server.ssl.cipherSuites', type: 'list', default: DEFAULT_CIPHERS, description: 'OpenSSL cipher names Kibana offers, in order of preference.', docs: generalAnchor('server-ssl-ciphersuites') }),
    kibana({ key: 'server.ssl.redirectHttpFromPort', type: 'integer', min: 0, max: 65535, description: 'Extra port on which Kibana answers plain HTTP with a redirect to HTTPS on `server.port`.', docs: DOCS.serverSsl }),
    kibana({ key: 'server.ssl.cert', type: 'path', removed: { since: '7.0.0', replacement: 'server.ssl.certificate' }, description: 'Server certificate file of Kibana 5.x and 6.x.', docs: DOCS.breaking70 }),
  ];
}

/** Core server keys the TLS rules read; the `server.` namespace as a whole is not claimed. */
function serverCore(): SettingDef[] {
  return [
    kibana({ key: 'server.host', type: 'string', default: 'localhost', description: 'Address Kibana listens on; `0.0.0.0` listens on every interface.', docs: generalAnchor('server-host') }),
    kibana({ key: 'server.port', type: 'integer', default: '5601', min: 0, max: 65535, description: 'Port Kibana listens on.', docs: generalAnchor('server-port') }),
    kibana({ key: 'server.publicBaseUrl', type: 'url', description: 'URL users open Kibana at (scheme, host, port and base path, no trailing slash).', docs: generalAnchor('server-publicbaseurl') }),
    kibana({ key: 'server.name', type: 'string', default: 'the host name', description: 'Display name of this Kibana instance.', docs: DOCS.server }),
    kibana({ key: 'server.basePath', type: 'string', description: 'Path Kibana is served under behind a proxy; it cannot end with a slash.', docs: generalAnchor('server-basepath') }),
    kibana({ key: 'server.rewriteBasePath', type: 'boolean', default: 'false', description: 'Whether Kibana strips `server.basePath` from requests itself instead of the proxy.', docs: generalAnchor('server-rewritebasepath') }),
    kibana({ key: 'server.protocol', type: 'enum', values: ['http1', 'http2'], default: 'http2 when TLS is on, otherwise http1', description: 'HTTP version Kibana serves; `http2` needs TLS with TLSv1.2 or TLSv1.3 unless insecure HTTP/2 is allowed.', docs: generalAnchor('server-protocol') }),
  ];
}

/** Kibana's HTTP server settings known to the catalog. */
export function serverSettings(): SettingDef[] {
  return [...sslMaterial(), ...sslBehaviour(), ...serverCore()];
}
