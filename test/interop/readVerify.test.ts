// Our chain and host checks against `openssl verify` on the same files.
import 'reflect-metadata';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readPkiFile } from '../../server/src/pki/readPkiFile';
import { certificateCoversHost, verifyChain } from '../../server/src/pki/verify';
import type { ParsedCertificate } from '../../server/src/pki/parsed';
import { hasTool, run, tmpDir } from './helpers/tools';
import { issue } from './helpers/opensslPki';

const clock = { now: () => new Date() };
const certsOf = (...paths: string[]): ParsedCertificate[] => paths.flatMap((p) => readPkiFile(fs.readFileSync(p), { clock }).certificates);

describe('verifyChain agrees with openssl verify', { skip: !hasTool('openssl') && 'openssl not installed' }, () => {
  const dir = tmpDir('estls-verify-');
  const c: Record<string, { cert: string; key: string }> = {};
  before(() => {
    const caExt = ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid'];
    c.root = issue(dir, 'root', { subject: '/CN=Verify Root', kind: 'rsa', ext: caExt });
    c.inter = issue(dir, 'inter', { subject: '/CN=Verify Intermediate', kind: 'p256', issuer: c.root, ext: caExt });
    c.leaf = issue(dir, 'leaf', { subject: '/CN=node', kind: 'p256', issuer: c.inter, ext: ['subjectAltName=DNS:node.example.com,IP:10.1.1.1,IP:fd00::5', 'subjectKeyIdentifier=hash', 'authorityKeyIdentifier=keyid'] });
    c.other = issue(dir, 'other', { subject: '/CN=Verify Root', kind: 'rsa', ext: caExt });
    c.notCa = issue(dir, 'notca', { subject: '/CN=Not A CA', kind: 'rsa', ext: ['basicConstraints=critical,CA:FALSE'] });
    c.underNotCa = issue(dir, 'undernotca', { subject: '/CN=under', kind: 'rsa', issuer: c.notCa, ext: ['basicConstraints=CA:FALSE'] });
  });
  after(() => dir.cleanup());

  function opensslOk(leaf: string, untrusted: string[], trusted: string[]): boolean {
    // Java accepts any trusted certificate as the anchor, which openssl does with -partial_chain.
    const args = ['verify', '-partial_chain', '-CAfile', trusted[0]];
    if (untrusted.length > 0) args.push('-untrusted', untrusted[0]);
    args.push(leaf);
    return run('openssl', args, { allowFailure: true }).status === 0;
  }

  const cases: Array<[string, () => [string, string[], string[]]]> = [
    ['full chain with intermediate', () => [c.leaf.cert, [c.inter.cert], [c.root.cert]]],
    ['missing intermediate', () => [c.leaf.cert, [], [c.root.cert]]],
    ['intermediate signed by the trusted root', () => [c.inter.cert, [], [c.root.cert]]],
    ['leaf with only its intermediate trusted', () => [c.leaf.cert, [], [c.inter.cert]]],
    ['untrusted self-signed root', () => [c.root.cert, [], [c.other.cert]]],
    ['same-name root with another key', () => [c.leaf.cert, [c.inter.cert], [c.other.cert]]],
    ['issuer without CA:TRUE', () => [c.underNotCa.cert, [], [c.notCa.cert]]],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const [leaf, untrusted, trusted] = make();
      const ours = verifyChain(certsOf(leaf)[0], certsOf(...untrusted), certsOf(...trusted), new Date()).ok;
      assert.equal(ours, opensslOk(leaf, untrusted, trusted));
    });
  }

  const hosts: Array<[string, boolean]> = [['node.example.com', true], ['other.example.com', false], ['10.1.1.1', true], ['10.1.1.2', false], ['fd00::5', true], ['fd00:0:0:0:0:0:0:5', true]];
  for (const [host, expected] of hosts) {
    it(`host ${host} as openssl verify -verify_hostname/-verify_ip decides`, () => {
      const ip = /^[\d.]+$|:/.test(host);
      const r = run('openssl', ['verify', '-CAfile', c.root.cert, '-untrusted', c.inter.cert, ip ? '-verify_ip' : '-verify_hostname', host, c.leaf.cert], { allowFailure: true });
      assert.equal(r.status === 0, expected);
      assert.equal(certificateCoversHost(certsOf(c.leaf.cert)[0].summary, host), expected);
    });
  }
});
