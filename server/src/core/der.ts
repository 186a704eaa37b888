// The one DER reader and writer of the engine: bounded TLV walking for the few places where exact bytes must be
// kept (an issuer name), read fast (a certificate's names in a CA bundle) or spliced. Structures are decoded
// with @peculiar/asn1-schema; this only finds where elements start and end.

export function derLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function derTlv(tag: number, content: Uint8Array): Uint8Array {
  return concatBytes([Uint8Array.of(tag), derLength(content.length), content]);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** One TLV inside a buffer: where its content starts and where the whole element ends. */
export interface DerElement {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

/**
 * Reads the element at `offset`, which must end by `limit` (its parent's end; the buffer's end by default).
 * Throws on truncated or indefinite-length input.
 */
export function readElement(buf: Uint8Array, offset: number, limit = buf.length): DerElement {
  if (offset + 2 > limit) throw new Error('truncated DER');
  const tag = buf[offset];
  let len = buf[offset + 1];
  let contentStart = offset + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 4 || contentStart + count > limit) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + buf[contentStart + i];
    contentStart += count;
  }
  const end = contentStart + len;
  if (end > limit) throw new Error('truncated DER');
  return { tag, start: offset, contentStart, end };
}

/** The children of a constructed element; each must end inside the parent. */
export function children(buf: Uint8Array, parent: DerElement): DerElement[] {
  const out: DerElement[] = [];
  for (let off = parent.contentStart; off < parent.end; ) {
    const el = readElement(buf, off, parent.end);
    out.push(el);
    off = el.end;
  }
  return out;
}

/** The content bytes of the single element `der` starts with, or undefined when it is malformed. */
export function elementContent(der: Uint8Array): Uint8Array | undefined {
  try {
    const el = readElement(der, 0);
    return der.subarray(el.contentStart, el.end);
  } catch {
    return undefined;
  }
}
