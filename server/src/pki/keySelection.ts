// Which key entry of a keystore each product presents. Elasticsearch loads every key entry into the JDK's
// default key manager (StoreKeyConfig / KeyStoreUtil.createKeyManager in elastic/elasticsearch
// libs/ssl-config), which picks, for each handshake, an entry whose key type fits; among several entries of
// one type the choice follows the key manager's internal map, not the file. Kibana reads PKCS#12 only, with
// node-forge, and refuses a keystore with more than one private key ("Keystore contains multiple private keys.",
// elastic/kibana packages/kbn-crypto/src/pkcs12.ts).
import type { FileFormat, KeySelection, KeystoreEntry } from './types';

/** The selection for a keystore's entries, and marks the entry Elasticsearch uses when that is certain. */
export function selectKeyEntry(format: FileFormat, entries: KeystoreEntry[]): KeySelection {
  const keyEntries = entries.filter((e) => e.hasKey);
  const keyAliases = keyEntries.map((e) => e.alias ?? '');
  const elasticsearch = keyEntries.length === 0 ? 'none' : keyEntries.length === 1 ? 'only' : 'per-handshake';
  let kibana: KeySelection['kibana'] = keyEntries.length === 0 ? 'none' : keyEntries.length === 1 ? 'only' : 'refuses';
  if (format !== 'pkcs12') kibana = 'unsupported-format';
  if (keyEntries.length === 1) keyEntries[0].usedByElasticsearch = true;
  return { keyAliases, elasticsearch, kibana };
}

/** One sentence on the selection, for hovers and `estls inspect`. */
export function selectionText(s: KeySelection): string | undefined {
  if (s.elasticsearch === 'none') return undefined;
  const es = s.elasticsearch === 'only'
    ? `Elasticsearch presents the key entry ${JSON.stringify(s.keyAliases[0])}.`
    : `Elasticsearch loads all ${s.keyAliases.length} key entries and, for each connection, presents one whose key type fits; which one among entries of the same key type is not defined. Keep one key entry per keystore.`;
  const kibana = s.kibana === 'refuses' ? ' Kibana refuses this keystore: it holds more than one private key.' : s.kibana === 'unsupported-format' ? ' Kibana cannot read this format (PKCS#12 only).' : '';
  return es + kibana;
}
