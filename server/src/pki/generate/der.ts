/** Minimal DER helpers for the few places where exact bytes must be kept (an issuer name) or spliced. */

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

/** Reads the element at `offset`; throws on truncated or indefinite-length input. */
export function readElement(buf: Uint8Array, offset: number): DerElement {
  if (offset + 2 > buf.length) throw new Error('truncated DER');
  const tag = buf[offset];
  let len = buf[offset + 1];
  let contentStart = offset + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 4) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + buf[contentStart + i];
    contentStart += count;
  }
  const end = contentStart + len;
  if (end > buf.length) throw new Error('truncated DER');
  return { tag, start: offset, contentStart, end };
}

/** The children of a constructed element. */
export function children(buf: Uint8Array, parent: DerElement): DerElement[] {
  const out: DerElement[] = [];
  for (let off = parent.contentStart; off < parent.end; ) {
    const el = readElement(buf, off);
    out.push(el);
    off = el.end;
  }
  return out;
}

/** The exact bytes of a certificate's subject Name (so an issued certificate's issuer matches it byte for byte). */
export function certificateSubjectBytes(certDer: Uint8Array): Uint8Array {
  const cert = readElement(certDer, 0);
  const tbs = children(certDer, cert)[0];
  const fields = children(certDer, tbs);
  const skip = fields[0].tag === 0xa0 ? 1 : 0; // optional explicit version
  const subject = fields[skip + 4];
  return certDer.slice(subject.start, subject.end);
}
