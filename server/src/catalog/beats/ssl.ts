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
