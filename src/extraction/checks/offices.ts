/**
 * Office at a date: a title with a name ("President George H. W. Bush", "Pangulong Joseph
 * Estrada") and a date in the same sentence or the one before, checked against the terms of
 * office in ../offices/. A name the data does not know, a title it does not hold, or a date it
 * does not cover gives no finding: silence, never an error.
 */
import { datesBySentence, readableDay, sentenceOf, type CheckInput, type PlacedFinding } from './check-input.js';
import { normaliseName, officeBook, type Holder, type Office, type OfficeBook } from './office-data.js';
import type { DateValue } from '../date-values.js';

// Words before a title that make the sentence not about holding the office at that date.
const NOT_IN_OFFICE = new Set(['former', 'dating', 'ex', 'late', 'yumaong', 'vice', 'bise', 'pangalawang', 'deputy', 'acting']);
const NAME_WORD = /^(?:[\p{Lu}][\p{L}\p{M}'’.-]*|(?:al|ar|an|as|el)-[\p{L}\p{M}'’-]+|de|del|dela|bin|ibn)(?=[\s,;:!?)"”]|$)/u;

// Titles by their first word, each with a sticky pattern for the whole title (and a linker).
let titleStarts: Map<string, { title: string; re: RegExp }[]> | undefined;

function titlesByFirstWord(book: OfficeBook): Map<string, { title: string; re: RegExp }[]> {
  const out = new Map<string, { title: string; re: RegExp }[]>();
  for (const title of [...book.titles].sort((a, b) => b.length - a.length)) {
    const first = title.split(' ')[0]!;
    const list = out.get(first) ?? [];
    list.push({ title, re: new RegExp(`${escapeTitle(title)}(?:ng|g)?(?=\\s)`, 'iuy') });
    out.set(first, list);
  }
  return out;
}

/** Findings for titled names whose holder at the sentence's date is someone else. */
export function checkOffices(input: CheckInput): PlacedFinding[] {
  const book = officeBook();
  titleStarts ??= titlesByFirstWord(book);
  const starts = titleStarts;
  const byDate = datesBySentence(input.dates);
  const out: PlacedFinding[] = [];
  const t = input.scan.t;
  // Titles are found from the tokens, not by a regex over every character; each distinct word is
  // looked up once per text (the linker and hyphen forms cost a string each, so not per token).
  const memo: ({ title: string; re: RegExp }[] | null | undefined)[] = new Array(t.distinctLowers);
  for (let i = 0; i < t.count; i++) {
    const id = t.lowerId[i]!;
    let options = memo[id];
    if (options === undefined) {
      const w = t.lower[i]!;
      // The linker and hyphen forms only for words that have them: most words have neither.
      options =
        starts.get(w) ??
        (w.endsWith('g') ? starts.get(w.replace(/n?g$/, '')) : undefined) ??
        (w.includes('-') ? starts.get(w.split('-')[0]!) : undefined) ??
        null;
      memo[id] = options;
    }
    if (!options) continue;
    const at = t.start[i]!;
    const hit = titleAt(input.text, at, options);
    if (!hit) continue;
    // The cheap test first: most titled names have no date in their sentence or the one before.
    const sentence = sentenceOf(input.sentences, at);
    const dates = byDate.get(sentence) ?? byDate.get(sentence - 1) ?? [];
    if (dates.length === 0) continue;
    const title = hit.title;
    const name = readName(input.text, hit.re.lastIndex);
    if (!name || NOT_IN_OFFICE.has(previousWord(input.text, at))) continue;
    const found = judge(book, title, name.words, input.text, at, dates);
    if (found) out.push({ start: name.start, end: name.end, kind: 'attribution', finding: found });
  }
  return out;
}

// The longest title starting at `at` (options are longest first); its pattern's lastIndex is
// left after the title. A loop, not find() with a closure: a closure over `at` in the token loop
// costs a context object for every token.
function titleAt(text: string, at: number, options: readonly { title: string; re: RegExp }[]) {
  for (const o of options) {
    o.re.lastIndex = at;
    if (o.re.test(text)) return o;
  }
  return undefined;
}

function judge(book: OfficeBook, title: string, words: readonly string[], text: string, at: number, dates: readonly DateValue[]) {
  const terms = knownTerms(book, title, words);
  if (terms.length === 0) return null;
  // A country named before the title ("American President") picks its offices. Read only for a
  // name the data knows: most titled names in a text are not in it.
  const before = placesBefore(text, at);
  const named = terms.filter((x) => [...x.office.places].some((p) => before.includes(` ${p} `) || before.includes(` ${p}ng `)));
  const pool = named.length > 0 ? named : terms;
  const office = pool[0]!.office;
  const mine = pool.filter((x) => x.office === office).map((x) => x.holder);
  const covered = dates.filter((d) => d.from! >= office.coveredFrom);
  if (covered.length === 0 || covered.some((d) => mine.some((h) => overlaps(h, d)))) return null;
  const date = covered[0]!;
  const actual = office.holders.filter((h) => overlaps(h, date));
  if (actual.length === 0) return null;
  const who = [...new Set(actual.map((h) => h.name))].join(' or ');
  const when = date.from === date.to ? `on ${readableDay(date.from!)}` : `in ${date.from!.slice(0, 4)}${date.decade !== null ? 's' : ''}`;
  const term = (h: Holder) => `${h.name}: ${h.from} to ${h.to ?? 'present'}`;
  return {
    code: 'office-holder',
    message: `${mine[0]!.name} was not ${office.office} ${when}; ${who} was.`,
    suggestion: who,
    evidence: `${[...actual, ...mine].map(term).join('; ')} (source: ${office.source})`,
  };
}

// The terms a titled name can mean, longest matching name first ("George H. W." before "George").
function knownTerms(book: OfficeBook, title: string, words: readonly string[]) {
  const offices = new Set<Office>(book.byTitle.get(title) ?? []);
  for (let n = words.length; n > 0; n--) {
    const hits = (book.byName.get(normaliseName(words.slice(0, n).join(' '))) ?? []).filter((x) => offices.has(x.office));
    if (hits.length > 0) return hits;
  }
  return [];
}

function overlaps(h: Holder, d: DateValue): boolean {
  return h.from <= d.to! && (h.to ?? '9999-12-31') >= d.from!;
}

// The capitalised words (and initials, particles, "Jr.") right after a title.
function readName(text: string, at: number): { start: number; end: number; words: string[] } | null {
  const words: string[] = [];
  let pos = at;
  let start = -1;
  let end = -1;
  while (words.length < 6) {
    const gap = /^\s{1,2}/.exec(text.slice(pos, pos + 3));
    if (!gap) break;
    const m = NAME_WORD.exec(text.slice(pos + gap[0].length, pos + gap[0].length + 40));
    if (!m) break;
    let word = m[0].replace(/['’]s$/, '');
    // A full stop ends the name unless it closes an initial or "Jr."/"Sr.".
    if (word.endsWith('.') && !/^(?:\p{Lu}|Jr|Sr)\.$/u.test(word)) word = word.slice(0, -1);
    if (start < 0) start = pos + gap[0].length;
    end = pos + gap[0].length + word.length;
    words.push(word);
    pos = pos + gap[0].length + m[0].length;
  }
  return words.length > 0 && /^\p{Lu}/u.test(words[0]!) ? { start, end, words } : null;
}

function previousWord(text: string, at: number): string {
  const m = /([\p{L}-]+)[\s]*$/u.exec(text.slice(Math.max(0, at - 20), at));
  return (m?.[1] ?? '').toLowerCase().replace(/-$/, '');
}

function placesBefore(text: string, at: number): string {
  return ` ${text
    .slice(Math.max(0, at - 40), at)
    .toLowerCase()
    .replace(/[,;:]/g, ' ')} `;
}

function escapeTitle(title: string): string {
  return title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-\s]+/g, '[-\\s]+');
}
