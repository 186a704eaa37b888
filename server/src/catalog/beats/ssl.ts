// The TLS options every Beat and Elastic Agent output shares.
// Source: elastic/elastic-agent-libs transport/tlscommon (`Config`: enabled, verification_mode,
// supported_protocols, cipher_suites, certificate_authorities, certificate, key, key_passphrase,
// key_passphrase_path, curve_types, renegotiation, ca_sha256, ca_trusted_fingerprint, certificate_reload),
// formerly libbeat/common/transport/tlscommon in elastic/beats; documented in beats
// libbeat/docs/shared-ssl-config.asciidoc ("SSL configuration options").

/** Keys of an `ssl` block; go-ucfg ignores any other key, so a misspelt one silently does nothing. */
export const BEATS_SSL_KEYS: readonly string[] = [
  'enabled', 'verification_mode', 'supported_protocols', 'cipher_suites', 'certificate_authorities', 'certificate', 'key',
  'key_passphrase', 'key_passphrase_path', 'curve_types', 'renegotiation', 'ca_sha256', 'ca_trusted_fingerprint',
  'certificate_reload.enabled', 'certificate_reload.period',
];

/** `verification_mode` values (tlscommon TLSVerificationMode); any other value stops the Beat at start-up. */
export const BEATS_VERIFICATION_MODES: readonly string[] = ['full', 'strict', 'certificate', 'none'];

/** `supported_protocols` values (tlscommon TLSVersion); any other value stops the Beat at start-up. */
export const BEATS_TLS_VERSIONS: readonly string[] = ['SSLv3', 'TLSv1', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** Versions with known weaknesses that Elastic's guides say not to allow. */
export const BEATS_WEAK_VERSIONS: ReadonlySet<string> = new Set(['SSLv3', 'TLSv1', 'TLSv1.0', 'TLSv1.1']);

/**
 * Where an `ssl` block sits in a Beat's or a standalone Agent's configuration: the outputs, Kibana for
 * `setup.kibana`, and the monitoring output. Keys under `ssl` elsewhere (inputs, modules) belong to
 * options this extension does not judge.
 */
export const BEATS_SSL_PARENTS: readonly RegExp[] = [
  /^output\.(?:elasticsearch|logstash|kafka|redis)\.ssl\.(.+)$/,
  /^setup\.kibana\.ssl\.(.+)$/,
  /^(?:xpack\.)?monitoring\.elasticsearch\.ssl\.(.+)$/,
  /^outputs\.[^.]+\.ssl\.(.+)$/,
];

/** What each option of an `ssl` block does, from Beats' "SSL configuration options" page (shared-ssl-config.asciidoc). */
export const BEATS_SSL_DESCRIPTIONS: Readonly<Record<string, string>> = {
  enabled: 'Turns this SSL configuration on or off. It is on by default once any `ssl` option is set.',
  verification_mode:
    'How the server certificate is verified: `full` (the default) checks that it is signed by a trusted authority and that it names the host dialled; `strict` also fails on an empty SAN; `certificate` checks the signature but not the host name; `none` checks nothing.',
  supported_protocols: 'TLS versions the Beat may negotiate; by default TLSv1.2 and TLSv1.3 (elastic-agent-libs tlscommon TLSDefaultVersions).',
  cipher_suites: 'Cipher suites to use, by name; the defaults of Go are used when empty.',
  certificate_authorities: 'CA certificates (PEM files, or inline PEM starting with `-`) used to verify the server; when empty, the host\'s system CAs are used. A path is opened as written (tlscommon NewPEMReader: os.Open), so a relative one depends on the working directory.',
  certificate: 'The client certificate (PEM file, or inline PEM) presented when the server asks for one. Needs `key`.',
  key: 'The private key of `certificate` (PEM file, or inline PEM).',
  key_passphrase: 'Passphrase of an encrypted `key`.',
  key_passphrase_path: 'File holding the passphrase of an encrypted `key`.',
  curve_types: 'Elliptic curves for ECDHE key exchanges.',
  renegotiation: 'Whether the server may ask for renegotiation: `never` (default), `once` or `freely`.',
  ca_sha256: 'Pins the server certificate chain: the base64 SHA-256 of a certificate\'s public key that must be in the chain.',
  ca_trusted_fingerprint: 'The hex SHA-256 fingerprint of a CA certificate the server sends in its chain, trusted even when it is not in `certificate_authorities`.',
  'certificate_reload.enabled': 'Reloads the certificate and key when their files change.',
  'certificate_reload.period': 'How often the files are checked for changes.',
};

/**
 * Files beside a Beat's or Agent's configuration in an installed package (/etc/<beat>): the reference copy
 * of the configuration, the fields definition and the modules folder. A folder holding one of these is the
 * live configuration of that machine.
 */
export const BEATS_LIVE_MARKERS: readonly string[] = [
  'fields.yml', 'modules.d', 'filebeat.reference.yml', 'metricbeat.reference.yml', 'heartbeat.reference.yml', 'auditbeat.reference.yml',
  'packetbeat.reference.yml', 'winlogbeat.reference.yml', 'elastic-agent.reference.yml',
];
