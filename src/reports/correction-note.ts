import { readdirSync, readFileSync } from 'node:fs';
import type { ClaimKind } from '../claims/claim-vocabulary.js';
import { compileValidator } from '../http/validation.js';

type FactVerdict = 'inaccurate' | 'misleading' | 'needs_context';

/** One error as the note mentions it. */
export interface NoteError {
  verdict: FactVerdict | 'typo';
  kind: ClaimKind;
  /** What the article said: the claim's passage, or its whole sentence for a sentence-scope correction. */
  quote: string;
  correction: string | null;
  /** The sentence text around `quote` (empty for a sentence-scope correction), so the note can show the fix in context. */
  before: string;
  after: string;
}

/** The errors a note is written from: the first few of each kind, and how many there are in all. */
export interface NoteErrors {
  facts: NoteError[];
  factCount: number;
  /** Typos that carry a correction; listed only when the document asks for them (typos are fixed silently by default). */
  typos: NoteError[];
  typoCount: number;
  listTypos: boolean;
}

/** The kinds of fact a note tells apart: a claim's kind says which one was wrong. */
const factGroups = ['figure', 'date', 'quote', 'attribution', 'name', 'other'] as const;
type FactGroup = (typeof factGroups)[number];
const groupOfKind: Record<ClaimKind, FactGroup> = {
  statistic: 'figure',
  date: 'date',
  quote: 'quote',
  attribution: 'attribution',
  reference: 'name',
  spelling: 'name',
  event: 'other',
  other: 'other',
};

type Plural = { one: string; other: string };
interface NoteTemplate {
  name: string;
  labels: { correction: string; clarification: string };
  /** Placeholder values for the first error of a paragraph and for the ones after it. */
  positions: { first: Record<string, string>; next: Record<string, string> };
  what: Record<FactGroup, string>;
  facts: Record<FactVerdict, { said: string; now: Partial<Record<FactGroup, string>> & { other: string } }>;
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
const byGroup = (required: string[]) => ({
  type: 'object',
  additionalProperties: false,
  required,
  properties: Object.fromEntries(factGroups.map((g) => [g, text])),
});
const vars = { type: 'object', additionalProperties: { type: 'string' } };
const fact = {
  type: 'object',
  additionalProperties: false,
  required: ['said', 'now'],
  properties: { said: text, now: byGroup(['other']) },
};
const validateTemplate = compileValidator<NoteTemplate>({
  type: 'object',
  additionalProperties: false,
  required: [
    'name',
    'labels',
    'positions',
    'what',
    'facts',
    'moreFacts',
    'typos',
    'typosOnly',
    'typo',
    'typoRepeated',
    'listSeparator',
    'moreTypos',
  ],
  properties: {
    name: text,
    typo: text,
    typoRepeated: text,
    listSeparator: { type: 'string' },
    labels: {
      type: 'object',
      additionalProperties: false,
      required: ['correction', 'clarification'],
      properties: { correction: text, clarification: text },
    },
    positions: { type: 'object', additionalProperties: false, required: ['first', 'next'], properties: { first: vars, next: vars } },
    what: byGroup([...factGroups]),
    facts: {
      type: 'object',
      additionalProperties: false,
      required: ['inaccurate', 'misleading', 'needs_context'],
      properties: { inaccurate: fact, misleading: fact, needs_context: fact },
    },
    moreFacts: plural,
    typos: plural,
    typosOnly: plural,
    moreTypos: plural,
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
// The template closes the quotation with its own full stop, so the text's final one would double
// it; quotation marks inside the quoted text become single ones, as quotes within quotes do.
const quoted = (s: string) =>
  oneLine(s)
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"/g, "'")
    .replace(/[.。]+$/, '');
/** Words of context kept on each side of a fix: enough to read it in place, not the whole paragraph. */
const CONTEXT_WORDS = 12;
const lead = (s: string) => {
  const w = oneLine(s).split(' ').filter(Boolean);
  return w.length > CONTEXT_WORDS ? `…${w.slice(-CONTEXT_WORDS).join(' ')} ` : s.replace(/^\s+/, '');
};
const tail = (s: string) => {
  const w = oneLine(s).split(' ').filter(Boolean);
  return w.length > CONTEXT_WORDS ? ` ${w.slice(0, CONTEXT_WORDS).join(' ')}…` : s.replace(/\s+$/, '');
};

/** The fix in its place: the corrected passage with a few words of its sentence around it. */
export function inContext(e: Pick<NoteError, 'before' | 'after' | 'correction'>): string {
  return quoted(`${lead(e.before)}${e.correction ?? ''}${tail(e.after)}`);
}

function factSentences(t: NoteTemplate, errors: readonly NoteError[]): string[] {
  return errors.flatMap((e, i) => {
    const forms = t.facts[e.verdict as FactVerdict];
    const group = groupOfKind[e.kind];
    const values = { ...(i === 0 ? t.positions.first : t.positions.next), what: t.what[group], quote: quoted(e.quote) };
    const said = fill(forms.said, values);
    if (e.correction === null) return [said];
    // A cut-off context ends in an ellipsis, which takes the place of the full stop.
    return [said, fill(forms.now[group] ?? forms.now.other, { corrected: inContext(e) }).replace('….', '…')];
  });
}

/**
 * A correction note ready to publish, in the document's language (English when there is no
 * template for it), following AP's corrections practice (docs/REPORTS.md): a "Correction:"
 * paragraph for inaccurate facts and a "Clarification:" paragraph for misleading ones and missing
 * context, each sentence saying which kind of fact was wrong and showing the right one in place.
 * Typos are fixed silently unless the document lists them. Null when there is nothing to publish.
 */
export function generateCorrectionNote(language: string, errors: NoteErrors): string | null {
  const code = templateLanguage(language);
  const t = noteTemplates.get(code)!;
  const count = (n: number) => new Intl.NumberFormat(code).format(n);
  const pick = (p: Plural, n: number) => fill(n === 1 ? p.one : p.other, { count: count(n) });
  const corrections = errors.facts.filter((e) => e.verdict === 'inaccurate');
  const clarifications = errors.facts.filter((e) => e.verdict === 'misleading' || e.verdict === 'needs_context');
  const paragraphs: string[][] = [];
  if (corrections.length) paragraphs.push([t.labels.correction, ...factSentences(t, corrections)]);
  if (clarifications.length) paragraphs.push([t.labels.clarification, ...factSentences(t, clarifications)]);
  if (errors.factCount > errors.facts.length) paragraphs.at(-1)?.push(pick(t.moreFacts, errors.factCount - errors.facts.length));
  if (errors.listTypos && errors.typoCount > 0) paragraphs.push([typoLine(t, errors, paragraphs.length > 0, count, pick)]);
  return paragraphs.length ? paragraphs.map((p) => p.join(' ')).join('\n\n') : null;
}

function typoLine(
  t: NoteTemplate,
  errors: NoteErrors,
  afterFacts: boolean,
  count: (n: number) => string,
  pick: (p: Plural, n: number) => string,
): string {
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
  const listed = [...groups.values()].map((g) =>
    fill(g.times === 1 ? t.typo : t.typoRepeated, { quote: g.quote, correction: g.correction, count: count(g.times) }),
  );
  const more = errors.typoCount > errors.typos.length ? pick(t.moreTypos, errors.typoCount - errors.typos.length) : '';
  const line = afterFacts ? t.typos : t.typosOnly;
  return fill(line[errors.typoCount === 1 ? 'one' : 'other'], {
    count: count(errors.typoCount),
    list: listed.join(t.listSeparator) + more,
  });
}
