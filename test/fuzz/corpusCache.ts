// The seed corpus is made once and cached in .corpus/ (git-ignored), so `--seed N` replays the same
// mutations on the same seeds; `--fresh-corpus` (or a missing cache) makes it again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCorpus, type Corpus } from './seeds';

type Stored = { [K in keyof Corpus]: K extends 'sources' ? string[] : K extends 'pkcs12' | 'jks' | 'esKeystore' ? Array<{ b64: string; password: string }> : string[] };

const seeds = (list: Corpus['pkcs12']) => list.map((s) => ({ b64: Buffer.from(s.bytes).toString('base64'), password: s.password }));
const unseeds = (list: Stored['pkcs12']) => list.map((p) => ({ bytes: new Uint8Array(Buffer.from(p.b64, 'base64')), password: p.password }));

function store(c: Corpus): Stored {
  const b64 = (list: Uint8Array[]) => list.map((b) => Buffer.from(b).toString('base64'));
  return {
    pem: b64(c.pem), der: b64(c.der), yaml: b64(c.yaml), instances: b64(c.instances), dn: b64(c.dn), sources: c.sources,
    pkcs12: seeds(c.pkcs12), jks: seeds(c.jks), esKeystore: seeds(c.esKeystore),
  };
}

function restore(s: Stored): Corpus {
  const bytes = (list: string[]) => list.map((b) => new Uint8Array(Buffer.from(b, 'base64')));
  return {
    pem: bytes(s.pem), der: bytes(s.der), yaml: bytes(s.yaml), instances: bytes(s.instances), dn: bytes(s.dn), sources: s.sources,
    pkcs12: unseeds(s.pkcs12), jks: unseeds(s.jks ?? []), esKeystore: unseeds(s.esKeystore ?? []),
  };
}

export async function loadCorpus(dir: string, fresh: boolean, print: (line: string) => void): Promise<Corpus> {
  const file = path.join(dir, 'corpus.json');
  let corpus: Corpus;
  if (!fresh && fs.existsSync(file)) {
    corpus = restore(JSON.parse(fs.readFileSync(file, 'utf8')) as Stored);
    print(`fuzz: seed corpus from ${path.relative(process.cwd(), file)} (--fresh-corpus makes a new one)`);
  } else {
    corpus = await buildCorpus(print);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(store(corpus)));
  }
  const sizes = `pem ${corpus.pem.length}, der ${corpus.der.length}, pkcs12 ${corpus.pkcs12.length}, jks ${corpus.jks.length}, es keystore ${corpus.esKeystore.length}, yaml ${corpus.yaml.length}, instances ${corpus.instances.length}, dn ${corpus.dn.length}`;
  print(`fuzz: seeds ${sizes} (from ${corpus.sources.join(', ')})`);
  return corpus;
}
