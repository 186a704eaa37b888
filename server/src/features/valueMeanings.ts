// What common enum values do, in the project's words. Keyed by the setting's last segment, so every SSL prefix
// (transport, http, realms, Kibana's camelCase keys) shares one explanation.

const verification: Record<string, string> = {
  full: 'Checks that the peer certificate chains to a trusted CA **and** that the host name or IP address the connection uses is in the certificate (subject alternative names). The safe choice.',
  certificate: 'Checks that the peer certificate chains to a trusted CA but ignores the host name. Any certificate from that CA is accepted, so only use it when every certificate the CA signs is trusted for this connection.',
  none: 'Checks nothing: any certificate is accepted, which removes protection against a machine in the middle. Only for short-lived debugging.',
};

const clientAuthentication: Record<string, string> = {
  required: 'The server asks every client for a certificate and refuses clients that send none or send one not signed by a trusted CA (mutual TLS).',
  optional: 'The server asks for a client certificate; a client may connect without one, but a certificate it does send must be trusted.',
  none: 'The server does not ask clients for a certificate.',
};

const outdated = 'An outdated TLS version with known weaknesses; recent Java and Node.js releases turn it off by default. Allow only TLSv1.2 and TLSv1.3.';
const protocols: Record<string, string> = {
  'tlsv1.3': 'The current TLS version: faster handshakes and only modern ciphers.',
  'tlsv1.2': 'Widely supported and safe with modern cipher suites; keep it beside TLSv1.3 for older clients.',
  'tlsv1.1': outdated,
  tlsv1: outdated,
};

const meanings: Record<string, Record<string, string>> = {
  supported_protocols: protocols,
  supportedProtocols: protocols,
  verification_mode: verification,
  verificationMode: verification,
  client_authentication: clientAuthentication,
  clientAuthentication: clientAuthentication,
};

/** A sentence on what `value` does for a setting whose last key segment is `lastSegment`, when known. */
export function valueMeaning(settingKey: string, value: string): string | undefined {
  const last = settingKey.slice(settingKey.lastIndexOf('.') + 1);
  return meanings[last]?.[value.trim().toLowerCase()];
}
