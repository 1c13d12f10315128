/**
 * Hands out one shared string per distinct token text, hashing the characters in place, so a
 * million tokens cost a few tens of thousands of strings instead of a million short-lived ones
 * (which is most of what the garbage collector would otherwise do on a large document). The
 * lower-cased forms get their own ids from a second table of the same kind: a Map keyed by the
 * new strings cost more than the rest of interning.
 */

const EMPTY = -1;

/** Open addressing over string hashes: ids in the order strings were first added. */
class StringTable {
  readonly strings: string[] = [];
  private hashes: number[] = [];
  private slots: Int32Array;
  private mask: number;

  constructor(expected: number) {
    let size = 64;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
  }

  /** The id of `s` (whose hash is `h`), or -1. */
  find(s: string, h: number): number {
    for (let slot = h & this.mask, id = this.slots[slot]!; id !== EMPTY; slot = (slot + 1) & this.mask, id = this.slots[slot]!) {
      if (this.hashes[id] === h && this.strings[id] === s) return id;
    }
    return EMPTY;
  }

  /** The id of the string equal to text.slice(start, end) (hash `h`), or -1. */
  findIn(text: string, start: number, end: number, h: number): number {
    for (let slot = h & this.mask, id = this.slots[slot]!; id !== EMPTY; slot = (slot + 1) & this.mask, id = this.slots[slot]!) {
      if (this.hashes[id] === h && sameText(this.strings[id]!, text, start, end)) return id;
    }
    return EMPTY;
  }

  /** Adds `s` (known to be absent) and returns its id. */
  add(s: string, h: number): number {
    const id = this.strings.length;
    this.strings.push(s);
    this.hashes.push(h);
    let slot = h & this.mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.slots[slot] = id;
    if (this.strings.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.hashes.length; id++) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

export class Interner {
  private readonly texts: StringTable;
  private readonly lowerTable: StringTable;
  private lowers: string[] = [];
  private lowerIds: number[] = [];

  constructor(expected = 32) {
    this.texts = new StringTable(expected);
    this.lowerTable = new StringTable(expected);
  }

  /** The id of the shared string equal to text.slice(start, end), adding it if new. */
  intern(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    const found = this.texts.findIn(text, start, end, h);
    if (found !== EMPTY) return found;
    const s = text.slice(start, end);
    const lower = lowerCase(s);
    // Most words have no capitals: their lower-cased form is the same string, with the same hash.
    const lh = lower === s ? h : hash(lower);
    let lowerId = this.lowerTable.find(lower, lh);
    if (lowerId === EMPTY) lowerId = this.lowerTable.add(lower, lh);
    this.lowers.push(lower);
    this.lowerIds.push(lowerId);
    return this.texts.add(s, h);
  }

  /** The string with this id, as written. */
  text(id: number): string {
    return this.texts.strings[id]!;
  }

  /** The string with this id, lower-cased (the same object when it has no capitals). */
  lower(id: number): string {
    return this.lowers[id]!;
  }

  /** One id per lower-cased form: "Iraq" and "IRAQ" share it. */
  lowerId(id: number): number {
    return this.lowerIds[id]!;
  }

  /** The id of a lower-cased form, or -1 when no token has it. */
  lowerIdOf(lower: string): number {
    return this.lowerTable.find(lower, hash(lower));
  }

  /** Number of distinct strings, and of distinct lower-cased forms. */
  get size(): number {
    return this.texts.strings.length;
  }
  get lowerSize(): number {
    return this.lowerTable.strings.length;
  }
}

// FNV-1a over UTF-16 code units, as intern() computes it in place.
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

function sameText(s: string, text: string, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

// toLowerCase allocates; most words are already lower case, so look before converting.
function lowerCase(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 128) return s.toLowerCase();
  }
  return s;
}
