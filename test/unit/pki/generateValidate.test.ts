import 'reflect-metadata';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidDnsName, isValidFilename, isValidIp, parseInstances, splitCommaList, validateInstance } from '../../../server/src/pki/generate/index';
import { canonicalIp, ipToBytes } from '../../../server/src/pki/ipAddress';
import { isPkiError } from '../../../server/src/pki/errors';

describe('SAN validation', () => {
  const dns: Array<[string, boolean]> = [
    ['node1', true],
    ['node1.example.com', true],
    ['*.es.example.com', true],
    ['es_node-1.internal', true],
    ['xn--bcher-kva.example', true],
    ['*', false],
    ['a.*.example.com', false],
    ['foo*.example.com', false],
    ['', false],
    ['has space.example', false],
    ['bücher.example', false],
    ['a..b', false],
    ['-lead.example', false],
    ['trail-.example', false],
    ['x'.repeat(64) + '.example', false],
    [('a'.repeat(60) + '.').repeat(5) + 'com', false],
  ];
  for (const [name, ok] of dns) {
    it(`DNS [${name.length > 30 ? name.slice(0, 30) + '…' : name}] is ${ok ? 'accepted' : 'refused'}`, () => {
      assert.equal(isValidDnsName(name), ok);
    });
  }

  const ips: Array<[string, boolean]> = [
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['::1', true],
    ['2001:db8::8a2e:370:7334', true],
    ['::ffff:192.0.2.1', true],
    ['256.1.1.1', false],
    ['1.2.3', false],
    ['fe80::1%eth0', false],
    ['[::1]', false],
    ['localhost', false],
    ['', false],
  ];
  for (const [ip, ok] of ips) {
    it(`IP [${ip}] is ${ok ? 'accepted' : 'refused'}`, () => assert.equal(isValidIp(ip), ok));
  }

  it('encodes addresses to their bytes, IPv4-in-IPv6 included', () => {
    assert.deepEqual([...ipToBytes('192.0.2.1')], [192, 0, 2, 1]);
    assert.deepEqual([...ipToBytes('::ffff:192.0.2.1')], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1]);
    assert.equal(canonicalIp('2001:db8::1'), '2001:db8:0:0:0:0:0:1');
  });

  it('splits comma lists as certutil does', () => {
    assert.deepEqual(splitCommaList(['a, b', 'c,,', ' d ']), ['a', 'b', 'c', 'd']);
  });
});

describe('file names (certutil pattern)', () => {
  const table: Array<[string, boolean]> = [
    ['node1', true],
    ['CN=node5,OU=IT', true],
    ["weird !@#$%^&{}[]()_+-=,.~'` name", true],
    ['.hidden', false],
    ['a/b', false],
    ['..', false],
    ['x'.repeat(251), true],
    ['x'.repeat(252), false],
    ['', false],
    ['tab\tname', false],
  ];
  for (const [name, ok] of table) {
    it(`[${name.slice(0, 20)}] is ${ok ? 'valid' : 'invalid'}`, () => assert.equal(isValidFilename(name), ok));
  }
});

describe('validateInstance', () => {
  it('uses certutil\'s messages', () => {
    assert.deepEqual(validateInstance({ name: 'ca', dns: [], ip: [] }), ['[ca] may not be used as an instance name']);
    assert.deepEqual(validateInstance({ name: 'n', dns: ['bad name'], ip: ['300.1.1.1'] }), [
      '[300.1.1.1] is not a valid IP address',
      '[bad name] is not a valid DNS name',
    ]);
    assert.deepEqual(validateInstance({ name: 'n', filename: '.x', dns: [], ip: [] }), ['[.x] is not a valid filename']);
    assert.match(validateInstance({ name: 'CN=a,FOO=b', dns: [], ip: [] })[0], /could not be converted to a valid DN/);
    assert.deepEqual(validateInstance({ name: 'CN=node5,OU=IT,DC=example,DC=com', dns: [], ip: [] }), []);
  });
});

describe('parseInstances', () => {
  it('reads names, file names and lists or single strings', () => {
    const specs = parseInstances(`instances:
  - name: "node1"
    ip: ["192.0.2.1", "::1"]
    dns: [ "node1.example.com" ]
  - name: "CN=node5,OU=IT,DC=example,DC=com"
    filename: "node5"
    dns: node5.example.com
    cn: node5.cluster
`);
    assert.deepEqual(specs, [
      { name: 'node1', ip: ['192.0.2.1', '::1'], dns: ['node1.example.com'], cn: [] },
      { name: 'CN=node5,OU=IT,DC=example,DC=com', filename: 'node5', ip: [], dns: ['node5.example.com'], cn: ['node5.cluster'] },
    ]);
  });

  const bad: Array<[string, string, RegExp[]]> = [
    ['the name ca', 'instances:\n  - name: ca\n', [/\[ca\] may not be used as an instance name/]],
    ['a bad IP and DNS name', 'instances:\n  - name: n\n    ip: [1.2.3.999]\n    dns: ["a b"]\n', [/\[1\.2\.3\.999\] is not a valid IP address/, /\[a b\] is not a valid DNS name/]],
    ['a dot file name', 'instances:\n  - name: n\n    filename: .n\n', [/\[\.n\] is not a valid filename/]],
    ['a missing name', 'instances:\n  - dns: [a]\n', [/instance name may not be null/]],
    ['an unknown field', 'instances:\n  - name: n\n    dsn: [a]\n', [/unknown field \[dsn\]/]],
    ['two instances with one file name', 'instances:\n  - name: a\n    filename: x\n  - name: b\n    filename: x\n', [/\[x\] is also used/]],
    ['no instances list', 'nodes: []\n', [/instances:/]],
    ['broken YAML', 'instances: [\n', [/not valid YAML/]],
  ];
  for (const [what, text, patterns] of bad) {
    it(`refuses ${what} with INVALID_INPUT`, () => {
      assert.throws(
        () => parseInstances(text),
        (e: unknown) => isPkiError(e) && e.code === 'INVALID_INPUT' && patterns.every((p) => p.test(e.message)),
      );
    });
  }

  it('gathers the problems of every instance into one error', () => {
    const text = 'instances:\n  - name: ca\n  - name: ok\n  - name: n\n    ip: [nope]\n';
    assert.throws(
      () => parseInstances(text),
      (e: unknown) => isPkiError(e) && /instance ca /.test(e.message) && /instance n /.test(e.message) && !/instance ok /.test(e.message),
    );
  });
});
