/**
 * Multi-word lexicon entries ("ayon sa", "prime minister", "higit sa") matched against the token
 * arrays, forwards from a token or backwards from one. Entries are tokenised with the same
 * tokeniser as the text, so "Dr." and "U.S." line up exactly.
 */
import { tokenize, type Tokens } from './tokens.js';

interface Entry {
  readonly words: string[];
  readonly text: string;
  /** An entry written with a capital ("General", "May") only matches a capitalised token. */
  readonly needsCapital: boolean;
  /** Suffixes its language may glue to a word, e.g. the Tagalog linker in "Pangulong". */
  readonly linkers: readonly string[];
  /** What a match of this entry reports: one shared, frozen object rather than one per match. */
  readonly match: PhraseMatch;
}

/** A list of phrases and the linker suffixes of the language they come from. */
export interface PhraseSource {
  readonly phrases: Iterable<string>;
  readonly linkers: readonly string[];
}

export interface PhraseMatch {
  /** Number of tokens matched. */
  readonly length: number;
  /** The lexicon entry as written in the data file. */
  readonly text: string;
}

export class PhraseIndex {
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly byLast = new Map<string, Entry[]>();
  // Set by register(): lets lookups skip tokens whose cue bits say no entry can match there.
  private owner: object | null = null;
  private mask = 0;

  constructor(sources: readonly PhraseSource[]) {
    for (const { phrases, linkers } of sources) {
      for (const text of phrases) {
        const tokens = tokenize(text);
        if (tokens.count === 0) continue;
        const words = tokens.lower;
        const needsCapital = tokens.cap[0] === 1;
        const entry: Entry = { words, text, needsCapital, linkers, match: Object.freeze({ length: words.length, text }) };
        add(this.byFirst, words[0]!, entry);
        add(this.byLast, words[words.length - 1]!, entry);
        // Linked spellings are keys too, so lookups never have to cut suffixes off the text.
        for (const l of linkers) {
          if (words.length === 1) add(this.byFirst, words[0]! + l, entry);
          add(this.byLast, words[words.length - 1]! + l, entry);
        }
      }
    }
    for (const map of [this.byFirst, this.byLast]) {
      for (const [key, list] of map)
        map.set(
          key,
          [...new Set(list)].sort((a, b) => b.words.length - a.words.length),
        );
    }
  }

  /** Longest entry starting at token i (a linker suffix on its last word is allowed). */
  matchAt(t: Tokens, i: number): PhraseMatch | null {
    return this.lookup(this.byFirst, t, i, 0);
  }

  /** Longest entry ending at token j. */
  matchEndingAt(t: Tokens, j: number): PhraseMatch | null {
    return j < 0 ? null : this.lookup(this.byLast, t, j, 1);
  }

  /** Gives this list a cue bit in `owner`'s cue table (see Tokens.cues). */
  register(owner: object, bit: number): void {
    this.owner = owner;
    this.mask = 1 << bit;
  }

  /** True when some entry starts with this token text (or, with a linker, is it). */
  startsAny(word: string): boolean {
    return this.byFirst.has(word);
  }

  /** Every token text some entry starts (or, with fromEnd, ends) with. */
  keys(fromEnd: 0 | 1): IterableIterator<string> {
    return (fromEnd ? this.byLast : this.byFirst).keys();
  }

  private lookup(map: Map<string, Entry[]>, t: Tokens, at: number, fromEnd: 0 | 1): PhraseMatch | null {
    const cues = t.cues;
    if (cues !== null && cues.owner === this.owner && ((fromEnd ? cues.last : cues.first)[at]! & this.mask) === 0) return null;
    const word = t.lower[at];
    return word === undefined ? null : scan(map.get(word), t, at, fromEnd);
  }

  /** Every entry's words, for building spelling dictionaries. */
  entries(): string[][] {
    return [...new Set([...this.byFirst.values()].flat())].map((e) => e.words);
  }
}

function scan(list: Entry[] | undefined, t: Tokens, at: number, fromEnd: 0 | 1): PhraseMatch | null {
  if (!list) return null;
  for (const e of list) {
    const i = fromEnd ? at - e.words.length + 1 : at;
    if (i < 0 || (e.needsCapital && t.cap[i] !== 1)) continue;
    if (matches(t, i, e)) return e.match;
  }
  return null;
}

function add(map: Map<string, Entry[]>, key: string, e: Entry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

/** True when `have` is `want` with one of the linker suffixes glued on. */
export function withLinker(have: string, want: string, linkers: readonly string[]): boolean {
  if (have.length <= want.length || !have.startsWith(want)) return false;
  for (const l of linkers) if (have.length === want.length + l.length && have.endsWith(l)) return true;
  return false;
}

function matches(t: Tokens, i: number, e: Entry): boolean {
  const words = e.words;
  if (i + words.length > t.count) return false;
  const sentence = t.sentence[i];
  for (let k = 0; k < words.length; k++) {
    const have = t.lower[i + k]!;
    if (t.sentence[i + k] !== sentence) return false;
    if (have === words[k]) continue;
    if (k === words.length - 1 && withLinker(have, words[k]!, e.linkers)) continue;
    return false;
  }
  return true;
}
