// A real TLS handshake on 127.0.0.1 with node:tls (OpenSSL underneath): the server presents a certificate
// chain, the client verifies it against CAs and, when asked, a host name; the server may ask for and verify a
// client certificate. The outcome is what the static verdicts must agree with.
import * as tls from 'node:tls';
import type { AddressInfo } from 'node:net';

export interface HandshakeSpec {
  serverCert: string;
  serverKey: string;
  /** CAs the client trusts. */
  clientCa: string[];
  /** Host name to verify; absent checks the chain only (verification_mode certificate). */
  servername?: string;
  clientCert?: string;
  clientKey?: string;
  /** CAs the server verifies a client certificate with; absent means it asks for none. */
  serverCa?: string[];
}

export interface HandshakeResult {
  /** The client accepted the server's chain (and name, when given). */
  serverTrusted: boolean;
  /** The server accepted the client's certificate (undefined when none was asked for). */
  clientTrusted?: boolean;
  error?: string;
}

/** Runs one handshake and reports both sides' verdicts. */
export async function handshake(spec: HandshakeSpec): Promise<HandshakeResult> {
  let clientTrusted: boolean | undefined;
  const server = tls.createServer({ cert: spec.serverCert, key: spec.serverKey, ca: spec.serverCa, requestCert: !!spec.serverCa, rejectUnauthorized: false }, (s) => {
    if (spec.serverCa) clientTrusted = s.authorized;
    s.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    return await new Promise<HandshakeResult>((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1', port, ca: spec.clientCa, cert: spec.clientCert, key: spec.clientKey, servername: spec.servername ?? 'localhost', rejectUnauthorized: false,
        // The name is checked below, only when the verdict is about a name.
        checkServerIdentity: () => undefined,
      });
      socket.once('secureConnect', () => {
        let error = socket.authorizationError ? String(socket.authorizationError) : undefined;
        let ok = socket.authorized;
        if (ok && spec.servername) {
          const identity = tls.checkServerIdentity(spec.servername, socket.getPeerCertificate());
          if (identity) [ok, error] = [false, identity.message];
        }
        socket.once('close', () => resolve({ serverTrusted: ok, clientTrusted, error }));
        socket.resume();
      });
      socket.once('error', (e) => resolve({ serverTrusted: false, clientTrusted, error: e.message }));
    });
  } finally {
    server.close();
  }
}
