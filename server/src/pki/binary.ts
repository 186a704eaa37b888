// A bounds-checked cursor over a byte array, for the Java binary formats (JKS, JCEKS, the Elasticsearch
// keystore): big- and little-endian integers, Java's modified UTF-8 strings, length-prefixed byte arrays.
import { PkiError } from './errors';
import type { PkiErrorCode } from './errors';

/** Reads fields in order; any read past the end throws a typed error instead of returning garbage. */
export class ByteCursor {
  private pos = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly code: PkiErrorCode = 'BAD_DER',
    private readonly what = 'file',
  ) {}

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  /** The next `n` bytes (a view, not a copy). */
  take(n: number): Uint8Array {
    if (!Number.isSafeInteger(n) || n < 0 || n > this.remaining) throw this.truncated();
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  u8(): number {
    return this.take(1)[0];
  }

  u16be(): number {
    const b = this.take(2);
    return (b[0] << 8) | b[1];
  }

  i32be(): number {
    return Buffer.from(this.take(4)).readInt32BE(0);
  }

  i32le(): number {
    return Buffer.from(this.take(4)).readInt32LE(0);
  }

  /** A 64-bit big-endian integer as a number (JKS timestamps are milliseconds, well inside 2^53). */
  i64be(): number {
    return Number(Buffer.from(this.take(8)).readBigInt64BE(0));
  }

  /** A length (a non-negative int32) that must fit in what is left. */
  length(le = false): number {
    const n = le ? this.i32le() : this.i32be();
    if (n < 0 || n > this.remaining) throw this.truncated();
    return n;
  }

  /** Java's DataInput.readUTF: an unsigned 16-bit byte count, then modified UTF-8. */
  javaUtf(): string {
    return decodeModifiedUtf8(this.take(this.u16be()));
  }

  private truncated(): PkiError {
    return new PkiError(this.code, `The ${this.what} is truncated or malformed.`);
  }
}

/** Java's modified UTF-8 (0xC0 0x80 for NUL, surrogates encoded one by one) to a string. */
export function decodeModifiedUtf8(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i += 1;
    } else if ((c & 0xe0) === 0xc0 && i + 1 < b.length) {
      out += String.fromCharCode(((c & 0x1f) << 6) | (b[i + 1] & 0x3f));
      i += 2;
    } else if ((c & 0xf0) === 0xe0 && i + 2 < b.length) {
      out += String.fromCharCode(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f));
      i += 3;
    } else {
      out += '\ufffd';
      i += 1;
    }
  }
  return out;
}

/** The inverse of decodeModifiedUtf8, with the 16-bit length prefix (for test writers and the JKS digest). */
export function encodeJavaUtf(s: string): Buffer {
  const parts: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 1 && c < 0x80) parts.push(c);
    else if (c < 0x800) parts.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else parts.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  const out = Buffer.alloc(2 + parts.length);
  out.writeUInt16BE(parts.length, 0);
  Buffer.from(parts).copy(out, 2);
  return out;
}
