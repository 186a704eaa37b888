// The mistakes examples/ documents in its comments, as (line, rule) pairs the Problems panel must
// show. The engine may report more; the workbench test checks those against the CLI's output.

/** @type {Record<string, Array<{ line: number, ruleId: string, why: string }>>} */
export const expectedFindings = {
  'elasticsearch.yml': [
    { line: 13, ruleId: 'unknown-setting', why: 'verfication_mode is a typo' },
    { line: 14, ruleId: 'insecure-setting', why: 'optional client authentication on transport' },
    { line: 16, ruleId: 'secure-setting-in-yml', why: 'keystore.secure_password written in the yml' },
    { line: 17, ruleId: 'truststore-without-trusted-entries', why: 'the CA keystore used as truststore' },
    { line: 21, ruleId: 'certificate-expired', why: 'http.crt expired on 2025-01-01' },
    { line: 22, ruleId: 'key-certificate-mismatch', why: 'other.key is not the key of http.crt' },
    { line: 24, ruleId: 'insecure-setting', why: 'TLSv1.1 allowed' },
    { line: 25, ruleId: 'invalid-value', why: 'verification_mode: partial' },
    { line: 26, ruleId: 'deprecated-plain-password', why: 'legacy key_passphrase' },
    { line: 29, ruleId: 'removed-setting', why: 'xpack.ssl.* removed in 7.0' },
  ],
  'kibana.yml': [
    { line: 3, ruleId: 'ssl-missing-companion', why: 'server.ssl.certificate without server.ssl.enabled' },
    // Line 8's plain-text password is a hint (Kibana's own docs show the password in kibana.yml): the editor
    // marks it, the Problems panel lists no hints.
    { line: 10, ruleId: 'unknown-setting', why: 'certificateAuthority is a typo' },
    { line: 11, ruleId: 'insecure-setting', why: 'verificationMode: none' },
  ],
};
