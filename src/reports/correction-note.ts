import { readdirSync, readFileSync } from 'node:fs';
import { compileValidator } from '../http/validation.js';

/** One error as the note mentions it. */
export interface NoteError {
  verdict: 'inaccurate' | 'misleading' | 'needs_context' | 'typo';
  quote: string;
  correction: string | null;
}

/** The errors a note is written from: the first few of each kind, and how many there are in all. */
export interface NoteErrors {
  facts: NoteError[];
  factCount: number;
  /** Typos that carry a correction (a typo fixed inside a larger correction is covered by it). */
  typos: NoteError[];
  typoCount: number;
}

type Plural = { one: string; other: string };
interface NoteTemplate {
  name: string;
  opening: string;
  also: string;
  facts: Record<'inaccurate' | 'misleading' | 'needs_context', { withCorrection: string; withoutCorrection: string }>;
  moreFacts: Plural;
  typos: Plural;
  typosOnly: Plural;
  typo: string;
  typoRepeated: string;
  listSeparator: string;
  moreTypos: Plural;
}

/** How many errors of each kind a note names; the rest are counted and left to the full report. */
export const NOTE_LIMITS = { facts: 20, typos: 30 } as const;

const text = { type: 'string', minLength: 1 };
const plural = { type: 'object', additionalProperties: false, required: ['one', 'other'], properties: { one: text, other: text } };
const pair = { type: 'object', additionalProperties: false, required: ['withCorrection', 'withoutCorrection'], properties: { withCorrection: text, withoutCorrection: text } };
const validateTemplate = compileValidator<NoteTemplate>({
  type: 'object',
  additionalProperties: false,
  required: ['name', 'opening', 'also', 'facts', 'moreFacts', 'typos', 'typosOnly', 'typo', 'typoRepeated', 'listSeparator', 'moreTypos'],
  properties: {
    name: text, opening: text, also: text, typo: text, typoRepeated: text, listSeparator: { type: 'string' },
    facts: { type: 'object', additionalProperties: false, required: ['inaccurate', 'misleading', 'needs_context'], properties: { inaccurate: pair, misleading: pair, needs_context: pair } },
    moreFacts: plural, typos: plural, typosOnly: plural, moreTypos: plural,
  },
});

// Templates are data: every notes/<language>.json is loaded and checked at start-up, so adding a
// language is adding a file, and a broken file stops the app instead of producing a broken note.
const dir = new URL('./notes/', import.meta.url);
export const noteTemplates: ReadonlyMap<string, NoteTemplate> = new Map(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      try {
        return [f.slice(0, -5), validateTemplate(JSON.parse(readFileSync(new URL(f, dir), 'utf8')))] as const;
      } catch (err) {
        throw new Error(`src/reports/notes/${f}: ${(err as Error).message}`);
      }
    }),
);

/** The template for a BCP 47 tag: `tl-PH` → tl-PH, then tl, then English. */
export function templateLanguage(language: string): string {
  const tag = language.toLowerCase();
  if (noteTemplates.has(tag)) return tag;
  const primary = tag.split('-')[0]!;
  return noteTemplates.has(primary) ? primary : 'en';
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
// The template closes its own sentence, so a correction's final full stop would double it.
const clauseText = (s: string) => oneLine(s).replace(/[.。]+$/, '');

/**
 * A correction note ready to publish, in the document's language (English when there is no
 * template for it): one sentence per factual error, then one paragraph for all the typos
 * together. Null when nothing needs correcting.
 */
export function generateCorrectionNote(language: string, errors: NoteErrors): string | null {
  const code = templateLanguage(language);
  const t = noteTemplates.get(code)!;
  const count = (n: number) => new Intl.NumberFormat(code).format(n);
  const pick = (p: Plural, n: number) => fill(n === 1 ? p.one : p.other, { count: count(n) });
  const sentences = errors.facts.map((e, i) => {
    const forms = t.facts[e.verdict as keyof NoteTemplate['facts']];
    const clause = fill(e.correction ? forms.withCorrection : forms.withoutCorrection, { quote: oneLine(e.quote), correction: clauseText(e.correction ?? '') });
    return `${i === 0 ? t.opening : t.also} ${clause}`;
  });
  if (errors.factCount > errors.facts.length) sentences.push(pick(t.moreFacts, errors.factCount - errors.facts.length));
  const paragraphs = sentences.length ? [sentences.join(' ')] : [];
  if (errors.typoCount > 0) {
    // The same slip fixed three times is one entry with its count, not three.
    const groups = new Map<string, { quote: string; correction: string; times: number }>();
    for (const e of errors.typos) {
      const quote = oneLine(e.quote);
      const correction = oneLine(e.correction ?? '');
      const key = `${quote}\u0000${correction}`;
      const group = groups.get(key) ?? { quote, correction, times: 0 };
      group.times += 1;
      groups.set(key, group);
    }
    const listed = [...groups.values()].map((g) => fill(g.times === 1 ? t.typo : t.typoRepeated, { quote: g.quote, correction: g.correction, count: count(g.times) }));
    const more = errors.typoCount > errors.typos.length ? pick(t.moreTypos, errors.typoCount - errors.typos.length) : '';
    const line = paragraphs.length ? t.typos : t.typosOnly;
    paragraphs.push(fill(line[errors.typoCount === 1 ? 'one' : 'other'], { count: count(errors.typoCount), list: listed.join(t.listSeparator) + more }));
  }
  return paragraphs.length ? paragraphs.join('\n\n') : null;
}
