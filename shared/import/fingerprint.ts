/**
 * FNV-1a, 64-bit, over UTF-8 bytes, written as 16 hex digits: a pure, fast key for each imported
 * row (no Node crypto in shared/). 64 bits make an accidental collision among a decade of entries
 * vanishingly unlikely (about 1 in 10^8 for 500,000 rows).
 *
 * The 64-bit state is kept in four 16-bit limbs so that every product stays exact in a double.
 * Multiplying by the FNV prime 2^40 + 0x1b3 is a multiply by 0x1b3 plus a shift by 40 bits.
 * Fields are fed one by one, each followed by a separator byte, so no joined string is built.
 */
export class Fnv1a64 {
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  /** Back to the empty hash, so one instance serves every row of a file. */
  reset(): this {
    this.h0 = 0x2325;
    this.h1 = 0x8422;
    this.h2 = 0x9ce4;
    this.h3 = 0xcbf2;
    return this;
  }

  /** Feeds the text's UTF-8 bytes (a lone surrogate counts as its 3-byte code unit). */
  text(value: string): this {
    for (let index = 0; index < value.length; index++) {
      let code = value.charCodeAt(index);
      if (code < 0x80) {
        this.byte(code);
        continue;
      }
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < value.length) {
        const low = value.charCodeAt(index + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          index++;
        }
      }
      if (code < 0x800) {
        this.byte(0xc0 | (code >> 6));
      } else if (code < 0x10000) {
        this.byte(0xe0 | (code >> 12));
        this.byte(0x80 | ((code >> 6) & 0x3f));
      } else {
        this.byte(0xf0 | (code >> 18));
        this.byte(0x80 | ((code >> 12) & 0x3f));
        this.byte(0x80 | ((code >> 6) & 0x3f));
      }
      this.byte(0x80 | (code & 0x3f));
    }
    return this;
  }

  /** A field: its text, then a 0x1f unit separator so that ("ab", "c") and ("a", "bc") differ. */
  field(value: string | number): this {
    if (typeof value === 'number') this.integer(value);
    else this.text(value);
    this.byte(0x1f);
    return this;
  }

  /** A whole number's decimal digits, as `String(value)` would spell them, without building the string. */
  private integer(value: number): void {
    if (!Number.isSafeInteger(value)) {
      this.text(String(value));
      return;
    }
    if (value < 0) {
      this.byte(0x2d);
      value = -value;
    }
    let divisor = 1;
    while (divisor * 10 <= value) divisor *= 10;
    for (; divisor >= 1; divisor /= 10) {
      const digit = Math.floor(value / divisor);
      this.byte(0x30 + digit);
      value -= digit * divisor;
    }
  }

  byte(value: number): void {
    const h0 = this.h0 ^ value;
    const t0 = h0 * 0x1b3;
    const t1 = this.h1 * 0x1b3 + (t0 >>> 16);
    const t2 = this.h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
    const t3 = this.h3 * 0x1b3 + (this.h1 << 8) + (t2 >>> 16);
    this.h0 = t0 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h3 = t3 & 0xffff;
  }

  /** The low 53 bits as a number: a cheap Map key (the hex form is the stored key). */
  low53(): number {
    return (this.h3 & 0x1f) * 2 ** 48 + this.h2 * 2 ** 32 + this.h1 * 65_536 + this.h0;
  }

  hex(): string {
    const { h0, h1, h2, h3 } = this;
    return String.fromCharCode(
      HEX[h3 >>> 12]!, HEX[(h3 >>> 8) & 15]!, HEX[(h3 >>> 4) & 15]!, HEX[h3 & 15]!,
      HEX[h2 >>> 12]!, HEX[(h2 >>> 8) & 15]!, HEX[(h2 >>> 4) & 15]!, HEX[h2 & 15]!,
      HEX[h1 >>> 12]!, HEX[(h1 >>> 8) & 15]!, HEX[(h1 >>> 4) & 15]!, HEX[h1 & 15]!,
      HEX[h0 >>> 12]!, HEX[(h0 >>> 8) & 15]!, HEX[(h0 >>> 4) & 15]!, HEX[h0 & 15]!,
    );
  }
}

/** FNV-1a 64 of a whole string, as 16 hex digits. */
export function fnv1a64(text: string): string {
  return new Fnv1a64().text(text).hex();
}

/** Character codes of the hex digits 0–f. */
const HEX = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));

/**
 * Keeps identical rows of one file apart by their occurrence: the second copy of a row gets the
 * key of (its fingerprint, "#2"), so a file with two genuinely equal entries imports both, and
 * importing the same file again still matches each copy to itself.
 */
export class OccurrenceKeys {
  private readonly seen = new Map<number, number>();

  /** The key of a row whose fingerprint is `hash`, in this file. */
  keyOf(hash: Fnv1a64): string {
    const slot = hash.low53();
    const count = (this.seen.get(slot) ?? 0) + 1;
    this.seen.set(slot, count);
    const hex = hash.hex();
    // Sharing only the low 53 bits is a harmless false repeat: the key still derives from the full hash.
    return count === 1 ? hex : new Fnv1a64().field(hex).field(`#${count}`).hex();
  }
}
