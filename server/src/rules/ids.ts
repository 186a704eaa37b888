/** The ids of the parse findings and the settings rules, with one line on what each means. */
export const SETTINGS_RULE_IDS = {
  'yaml-syntax': 'The file is not valid YAML, or its top level is not a map of settings.',
  'duplicate-setting': 'A setting is given twice (flat, nested or mixed forms); Elasticsearch and Kibana refuse such files.',
  'file-too-large': 'The file is larger than 2 MB (or too large for yaml to read in bounded time) and is not checked.',
  'yaml-too-deep': 'The YAML nests or aliases too deeply to be checked safely.',
  'not-text': 'The file holds binary data (NUL bytes) instead of YAML text.',
  'unknown-setting': 'A key inside a namespace the catalog covers is not a known setting (often a typo).',
  'invalid-value': 'A value does not fit its setting: wrong enum, boolean, number, time, size, URL or shape.',
  'ssl-conflict': 'Two TLS settings that exclude each other are both set in one SSL context.',
  'ssl-missing-companion': 'A TLS setting needs another one that is missing (key without certificate, enabled without key material ...).',
  'secure-setting-in-yml': 'A secure setting is written in elasticsearch.yml; it belongs in the Elasticsearch keystore.',
  'deprecated-plain-password': 'A legacy plain-text TLS password setting is used; its secure keystore setting replaces it.',
  'plaintext-secret': 'A password or encryption key is written in plain text in kibana.yml; the Kibana keystore can hold it.',
  'insecure-setting': 'A setting weakens security (verification off, old TLS versions, security disabled ...).',
  'deprecated-setting': 'A setting is deprecated; it still works but has a replacement or will go away.',
  'removed-setting': 'A setting was removed; the product refuses to start with it.',
  'kibana-credentials': 'Kibana refuses or deprecates the credentials it would use against Elasticsearch (the elastic superuser, a token beside a username).',
  'missing-file': 'A setting names a file that does not exist, or names a directory where a file belongs (an error on a live config directory, a warning behind a compose mount or a path mapping).',
  'path-not-checked': 'A hint: the path lives on another machine (a node, a container) and nothing maps it to a workspace file, so it is not checked.',
} as const;

/** The ids the certificate rules report, with one line on each (for RULE_IDS and the docs). */
export const CERTIFICATE_RULE_IDS = {
  'certificate-expired': 'A configured certificate (own, chain or CA) has expired.',
  'certificate-expiring': 'A configured certificate expires within the warning period.',
  'certificate-not-yet-valid': 'A configured certificate is not valid yet (its start date is in the future).',
  'key-certificate-mismatch': 'The private key does not belong to the certificate it is configured with.',
  'certificate-chain-untrusted': 'The certificate does not chain to the CAs or truststore configured beside it.',
  'transport-certificate-eku': 'A transport certificate restricts its extended key usage without allowing both serverAuth and clientAuth.',
  'certificate-hostname-mismatch': 'The certificate does not name a host the node is configured to use, while verification_mode is full.',
  'truststore-without-trusted-entries': 'A keystore used as truststore holds no trusted certificate entries.',
  'certificate-file-format': 'A file has the wrong format for its setting (PKCS#12 where PEM belongs, or the reverse).',
  'encrypted-key-without-passphrase': 'An encrypted private key is configured without its passphrase setting.',
  'keystore-locked': 'A keystore or key is password-protected and its password is not known here, so its contents are not checked.',
  'certificate-bad-password': 'The password given for a keystore or key does not open it.',
  'certificate-revoked': 'A configured certificate is listed as revoked in a CRL (*.crl) beside the configured certificate files.',
  'certificate-unreadable': 'A certificate, key or keystore file cannot be read or holds nothing usable.',
  'certificate-authority-not-ca': 'A file named as certificate authorities holds only leaf certificates (none with CA:TRUE), so it verifies one server and no certificate it issues.',
  'ca-strict-clients': 'A CA behind the HTTP certificate lacks keyUsage (or keyCertSign, or a key identifier), which strict clients such as Python 3.13 reject.',
  'certificate-weak-key': 'A configured certificate has an RSA key below 2048 bits or an EC key below P-256.',
  'certificate-weak-signature': 'A configured certificate is signed with MD5 or SHA-1, which JDKs, OpenSSL 3 and browsers refuse.',
  'certificate-key-swapped': 'The certificate setting names a private key file, or the key setting names a certificate file.',
  'ca-certificate-as-node-certificate': 'A CA certificate (basicConstraints CA:TRUE) is presented as the node\'s own certificate.',
  'certificate-key-usage': 'The presented certificate has a keyUsage that forbids TLS (no digitalSignature, or for RSA no keyEncipherment either).',
  'certificate-chain-order': 'The certificate file lists its chain out of issuing order.',
  'certificate-chain-incomplete': 'The certificate file leaves out an intermediate CA that peers trusting only the root need.',
  'certificate-validity-too-long': 'A browser-facing certificate is valid longer than browsers accept (398 days for public CAs, 825 on Apple platforms).',
} as const;

export type CertificateRuleId = keyof typeof CERTIFICATE_RULE_IDS;

/** The ids of the findings on deployment files (ECK, Helm values, compose, ConfigMaps). */
export const FORM_RULE_IDS = {
  'eck-http-tls-disabled': 'An ECK resource turns off its self-signed HTTP certificate with no custom one: HTTP is served in clear text.',
  'eck-invalid-san': 'An ECK `subjectAltNames` entry is not a valid IP address or DNS name.',
  'eck-managed-setting': 'A setting in an ECK `config` that the operator manages itself; a user value is unsupported.',
  'eck-managed-hosts': 'Kibana `elasticsearch.hosts` set beside `elasticsearchRef`, which makes ECK set the connection itself.',
  'kibana-env-ignored': 'A Kibana container variable the image does not read (it maps only upper-case names of known settings).',
  'duplicate-env': 'A container environment names the same variable twice; only one value reaches the container.',
  'eck-certificate-secret': 'The Secret an ECK resource takes its TLS certificate from lacks the keys ECK needs.',
  'eck-certificate-names': 'An ECK TLS certificate (from a Secret or cert-manager) misses a service name, expired, or its key does not match.',
  'eck-unresolved-ref': "A Kibana's elasticsearchRef names no Elasticsearch defined in its file or beside it.",
  'helm-protocol-mismatch': 'A Helm values `protocol` disagrees with whether the settings inside turn on HTTP TLS.',
} as const;

/** The ids the workspace's cross-file checks report (workspace/), with one line on each. */
export const WORKSPACE_RULE_IDS = {
  'transport-peer-untrusted': "A node's transport certificate is not trusted by another node's transport trust (certificate_unknown, PKIX path building failed).",
  'transport-peer-name': 'With verification_mode full, a name other nodes dial (a seed host) is not in the transport certificate.',
  'http-client-untrusted': 'The CAs Kibana or a Beat trusts do not verify the HTTP certificate of the nodes its hosts name.',
  'http-client-name': 'With full verification, a host in elasticsearch.hosts (or a Beat\'s output.elasticsearch.hosts) is not in the HTTP certificate of the node it names.',
  'client-certificate-untrusted': "Kibana's (or a Beat's or Agent's) client certificate is not trusted by the HTTP trust of the nodes it connects to.",
  'client-certificate-unused': "Kibana presents a client certificate, but the nodes' HTTP layer never asks for it (client_authentication none) or no PKI realm reads it.",
  'client-certificate-unmapped': "The role mapping file of the nodes' PKI realm does not map Kibana's client certificate DN to kibana_system.",
  'keystore-password-missing': 'A password-protected PKCS#12 keystore or truststore has no matching secure_password in elasticsearch.keystore.',
  'keystore-password-wrong': 'The secure_password in elasticsearch.keystore does not open the PKCS#12 file it belongs to.',
  'secure-setting-duplicate': 'A setting is given both in elasticsearch.keystore and as its plain form in elasticsearch.yml ("cannot specify both").',
  'ssl-secure-without-enabled': 'elasticsearch.keystore holds SSL settings of a context whose enabled setting is not set, which Elasticsearch refuses at start.',
} as const;

export type WorkspaceRuleId = keyof typeof WORKSPACE_RULE_IDS;

/**
 * Every rule id the engine reports, with one line on what it means. The CLI lists these and the docs link
 * to them; a finding's `ruleId` is always one of these keys.
 */
export const RULE_IDS = { ...SETTINGS_RULE_IDS, ...CERTIFICATE_RULE_IDS, ...FORM_RULE_IDS, ...WORKSPACE_RULE_IDS } as const;

/** A rule id this engine reports. */
export type RuleId = keyof typeof RULE_IDS;
