// Stack versions as host files state them.
import type { Node } from 'yaml';
import { rangeOf, stringOf } from './hostYaml';
import type { VersionHint } from './types';

/** A literal version such as `8.11.0`, `7.10` or `8.16.0-SNAPSHOT`; templated and `latest` tags give none. */
const VERSION = /^v?(\d+\.\d+(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?)$/;

/** The version a scalar node states, with where it came from. */
export function versionHint(node: Node | null | undefined, source: string): VersionHint | undefined {
  const text = node ? stringOf(node) : undefined;
  const m = text === undefined ? null : VERSION.exec(text.trim());
  return m && node ? { version: m[1], source, range: rangeOf(node) } : undefined;
}

/** The version in an image reference's tag (`docker.elastic.co/kibana/kibana:8.11.0`). */
export function tagVersion(image: string): string | undefined {
  const tag = /:([^:/@\s]+)(?:@\S*)?$/.exec(image)?.[1];
  return tag ? VERSION.exec(tag)?.[1] : undefined;
}

/**
 * The release line an image's flavour implies when its tag is not literal: Elastic published the
 * `elasticsearch-platinum` flavour for 6.x only (the 6.0 and 6.2 "Install Elasticsearch with Docker" pages list
 * basic, platinum and oss flavours; 5.x had one image, and 7.x ships the default and oss images).
 */
export function flavourVersion(image: string): string | undefined {
  return /\/elasticsearch-platinum(?::|@|$)/.test(image.trim()) ? '6.x' : undefined;
}
