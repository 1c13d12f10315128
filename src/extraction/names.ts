/**
 * Well-known names from lexicon/names.json (countries, international bodies, people, places),
 * indexed for exact phrase matches and for near-miss lookups ("United Sates", "Afganistan").
 */
import { readDataFile } from './language-file.js';
import { PhraseIndex } from './phrases.js';
import { DeletionIndex } from './deletion-index.js';
import { PUNCT, tokenize, WORD } from './tokens.js';

export interface KnownName {
  readonly text: string;
  /** Lower-cased word tokens, punctuation left out ("George H. W. Bush" → george h w bush). */
  readonly words: readonly string[];
}

export interface NameBook {
  readonly phrases: PhraseIndex;
  /** Lower-cased words that occur in any name. */
  readonly words: ReadonlySet<string>;
  /** One-word names by lower-cased form, for single-token near misses. */
  readonly single: ReadonlyMap<string, string>;
  readonly singleIndex: DeletionIndex;
  /** Multi-word names indexed by their first and by their second word. */
  readonly byFirst: ReadonlyMap<string, readonly KnownName[]>;
  readonly bySecond: ReadonlyMap<string, readonly KnownName[]>;
  /** Plural names of peoples ("muslims" → "Muslim"): a demonym ending in s whose stem is one too. */
  readonly peoples: ReadonlyMap<string, string>;
}

let book: NameBook | undefined;

/** The bundled name lists, loaded on first use. */
export function nameBook(): NameBook {
  book ??= build(readDataFile('names.json'));
  return book;
}

function build(data: unknown): NameBook {
  if (typeof data !== 'object' || data === null) throw new Error('lexicon/names.json is not a JSON object');
  const all = Object.values(data as Record<string, unknown>).flatMap((v) => (Array.isArray(v) ? v : []));
  const texts = [...new Set(all.filter((v): v is string => typeof v === 'string'))];
  const words = new Set<string>();
  const single = new Map<string, string>();
  const byFirst = new Map<string, KnownName[]>();
  const bySecond = new Map<string, KnownName[]>();
  for (const text of texts) {
    const t = tokenize(text);
    const name: KnownName = { text, words: t.lower.filter((_, i) => t.type[i] !== PUNCT) };
    for (const w of name.words) words.add(w);
    if (name.words.length === 1 && t.type[0] === WORD) single.set(name.words[0]!, text);
    if (name.words.length >= 2) {
      push(byFirst, name.words[0]!, name);
      push(bySecond, name.words[1]!, name);
    }
  }
  const demonyms = new Set(
    ((data as Record<string, unknown>).demonyms as unknown[] | undefined)?.filter((v): v is string => typeof v === 'string') ?? [],
  );
  const peoples = new Map(
    [...demonyms].filter((d) => d.endsWith('s') && demonyms.has(d.slice(0, -1))).map((d) => [d.toLowerCase(), d.slice(0, -1)] as const),
  );
  return {
    phrases: new PhraseIndex([{ phrases: texts, linkers: [] }]),
    peoples,
    words,
    single,
    singleIndex: new DeletionIndex(single.keys()),
    byFirst,
    bySecond,
  };
}

function push(map: Map<string, KnownName[]>, key: string, name: KnownName): void {
  const list = map.get(key);
  if (list) list.push(name);
  else map.set(key, [name]);
}
