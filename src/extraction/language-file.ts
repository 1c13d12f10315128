/**
 * Reads the per-language word lists in ./lexicon/*.json. A language is a file: dropping `xx.json`
 * next to tl.json and en.json adds it, and any list it leaves out is simply empty.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface LanguageFile {
  readonly language: string;
  readonly name: string;
  /** Other tags that mean this language, e.g. "fil" for Tagalog. */
  readonly aliases: readonly string[];
  readonly linkers: readonly string[];
  readonly stopwords: readonly string[];
  readonly abbreviations: readonly string[];
  readonly months: readonly (readonly string[])[];
  readonly weekdays: readonly string[];
  readonly datePrepositions: readonly string[];
  readonly ordinalPrefixes: readonly string[];
  readonly decadeWords: readonly string[];
  readonly dateLinkers: readonly string[];
  readonly numberWords: Readonly<Record<string, number>>;
  readonly multipliers: Readonly<Record<string, number>>;
  /** Words joining number words into one number ("apat na milyon", "two hundred and fifty"). */
  readonly numberJoiners: readonly string[];
  /** Suffixes making a number an ordinal ("20th"). */
  readonly ordinalSuffixes: readonly string[];
  readonly weakNumbers: readonly string[];
  readonly vagueNumbers: readonly string[];
  readonly units: readonly string[];
  readonly percentWords: readonly string[];
  readonly currencySymbols: readonly string[];
  readonly currencyWords: readonly string[];
  readonly quantityModifiers: readonly string[];
  readonly vagueQuantities: readonly string[];
  readonly absoluteQuantifiers: readonly string[];
  readonly titles: readonly string[];
  readonly titleModifiers: readonly string[];
  readonly speakerAfterVerbs: readonly string[];
  readonly speakerBeforeVerbs: readonly string[];
  /** Verbs whose speaker comes before them only with a subject marker ("X ang nagsabi"). */
  readonly markedSpeakerVerbs: readonly string[];
  readonly sourcePhrases: readonly string[];
  readonly agentMarkers: readonly string[];
  readonly subjectMarkers: readonly string[];
  readonly clauseBreaks: readonly string[];
  /** Function words that may join the words of a noun phrase ("ng", "mga", "of", "the"). */
  readonly nounJoiners: readonly string[];
  readonly nameParticles: readonly string[];
  readonly referenceWords: readonly string[];
  readonly referenceNumberMarkers: readonly string[];
  /** Words joining a list of document numbers ("678 and 687"). */
  readonly listJoiners: readonly string[];
  readonly documentLinkers: readonly string[];
  readonly documentNouns: readonly string[];
  readonly provisionWords: readonly string[];
  readonly affixes: { readonly prefixes: readonly string[]; readonly infixes: readonly string[]; readonly suffixes: readonly string[] };
  readonly rules: {
    readonly beforeDate: Readonly<Record<string, string>>;
    readonly markerClashes: Readonly<Record<string, string>>;
    /** A marker for one person's name and the one for a group (Tagalog "si" → "ang mga"). */
    readonly groupMarkers: Readonly<Record<string, string>>;
  };
}

const LIST_FIELDS = [
  'aliases',
  'linkers',
  'stopwords',
  'abbreviations',
  'months',
  'weekdays',
  'datePrepositions',
  'ordinalPrefixes',
  'decadeWords',
  'dateLinkers',
  'numberJoiners',
  'ordinalSuffixes',
  'weakNumbers',
  'vagueNumbers',
  'units',
  'percentWords',
  'currencySymbols',
  'currencyWords',
  'quantityModifiers',
  'vagueQuantities',
  'absoluteQuantifiers',
  'titles',
  'titleModifiers',
  'speakerAfterVerbs',
  'speakerBeforeVerbs',
  'markedSpeakerVerbs',
  'sourcePhrases',
  'agentMarkers',
  'subjectMarkers',
  'clauseBreaks',
  'nounJoiners',
  'nameParticles',
  'referenceWords',
  'referenceNumberMarkers',
  'listJoiners',
  'documentLinkers',
  'documentNouns',
  'provisionWords',
] as const;

const DIR = new URL('./lexicon/', import.meta.url);
const LANGUAGE_FILE = /^([a-z]{2,3})\.json$/;

/** Reads one JSON data file from the lexicon folder (or another folder, for tests). */
export function readDataFile(name: string, dir: URL = DIR): unknown {
  return JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
}

/** Loads every `<code>.json` language file in `dir`, filling absent lists with empty ones. */
export function loadLanguageFiles(dir: URL = DIR): LanguageFile[] {
  const files = readdirSync(dir)
    .filter((f) => LANGUAGE_FILE.test(f))
    .sort();
  return files.map((f) => normalise(readDataFile(f, dir), f.replace('.json', '')));
}

function normalise(data: unknown, code: string): LanguageFile {
  if (typeof data !== 'object' || data === null) throw new Error(`lexicon/${code}.json is not a JSON object`);
  const d = data as Record<string, unknown>;
  const out: Record<string, unknown> = { ...d, language: code, name: typeof d.name === 'string' ? d.name : code };
  for (const f of LIST_FIELDS) {
    const v = d[f];
    if (v !== undefined && !Array.isArray(v)) throw new Error(`lexicon/${code}.json: "${f}" must be a list`);
    out[f] = v ?? [];
  }
  out.numberWords = d.numberWords ?? {};
  out.multipliers = d.multipliers ?? {};
  const affixes = (d.affixes ?? {}) as Record<string, unknown>;
  out.affixes = { prefixes: affixes.prefixes ?? [], infixes: affixes.infixes ?? [], suffixes: affixes.suffixes ?? [] };
  const rules = (d.rules ?? {}) as Record<string, unknown>;
  out.rules = { beforeDate: rules.beforeDate ?? {}, markerClashes: rules.markerClashes ?? {}, groupMarkers: rules.groupMarkers ?? {} };
  return out as unknown as LanguageFile;
}
