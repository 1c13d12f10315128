/**
 * Hands out one shared string per distinct token text, hashing the characters in place, so a
 * million tokens cost a few tens of thousands of strings instead of a million short-lived ones
 * (which is most of what the garbage collector would otherwise do on a large document).
 */

const EMPTY = -1;

export class Interner {
  private strings: string[] = [];
  private lowers: string[] = [];
  private lowerIds: number[] = [];
  private readonly lowerIndex = new Map<string, number>();
  private hashes: number[] = [];
  private slots: Int32Array;
  private mask: number;

  constructor(expected = 32) {
    let size = 64;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.mask = size - 1;
  }

  /** The id of the shared string equal to text.slice(start, end), adding it if new. */
  intern(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    let slot = h & this.mask;
    for (let id = this.slots[slot]!; id !== EMPTY; id = this.slots[slot]!) {
      if (this.hashes[id] === h && sameText(this.strings[id]!, text, start, end)) return id;
      slot = (slot + 1) & this.mask;
    }
    const id = this.strings.length;
    const s = text.slice(start, end);
    const lower = lowerCase(s);
    let lowerId = this.lowerIndex.get(lower);
    if (lowerId === undefined) {
      lowerId = this.lowerIndex.size;
      this.lowerIndex.set(lower, lowerId);
    }
    this.strings.push(s);
    this.lowers.push(lower);
    this.lowerIds.push(lowerId);
    this.hashes.push(h);
    this.slots[slot] = id;
    if (this.strings.length * 2 > this.slots.length) this.grow();
    return id;
  }

  /** The string with this id, as written. */
  text(id: number): string {
    return this.strings[id]!;
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
    return this.lowerIndex.get(lower) ?? -1;
  }

  /** Number of distinct strings, and of distinct lower-cased forms. */
  get size(): number {
    return this.strings.length;
  }
  get lowerSize(): number {
    return this.lowerIndex.size;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    this.hashes.forEach((h, id) => {
      let slot = h & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    });
    this.slots = slots;
    this.mask = mask;
  }
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
