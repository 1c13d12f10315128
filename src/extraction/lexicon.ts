/**
 * The word lists the detectors consult, built once per language from the data files.
 *
 * Vocabulary (months, number words, titles, speech verbs…) is the union of every language file,
 * the requested language first: articles mix languages ("140,000 Coalition troops" in Tagalog
 * prose), and a month name means the same thing whatever the sentence around it. Grammar rules
 * ("noon" → "noong" before a date, clashing case markers) come from the requested language only.
 */
import { loadLanguageFiles, type LanguageFile } from './language-file.js';
import { buildLexicon } from './lexicon-build.js';
import type { PhraseIndex } from './phrases.js';

export interface Lexicon {
  readonly language: string;
  readonly linkers: readonly string[];
  readonly stopwords: ReadonlySet<string>;
  readonly abbreviations: ReadonlySet<string>;
  readonly months: PhraseIndex;
  /** Every month spelling with the language's preferred form, for near-miss suggestions. */
  readonly monthForms: readonly { readonly form: string; readonly preferred: string }[];
  readonly weekdays: PhraseIndex;
  readonly datePrepositions: PhraseIndex;
  readonly ordinalPrefixes: readonly string[];
  readonly decadeWords: PhraseIndex;
  readonly dateLinkers: ReadonlySet<string>;
  readonly numberWords: ReadonlyMap<string, number>;
  readonly multipliers: ReadonlyMap<string, number>;
  readonly numberJoiners: ReadonlySet<string>;
  readonly ordinalSuffixes: readonly string[];
  readonly weakNumbers: ReadonlySet<string>;
  readonly vagueNumbers: PhraseIndex;
  readonly units: PhraseIndex;
  readonly percentWords: PhraseIndex;
  readonly currencySymbols: ReadonlySet<string>;
  readonly currencyWords: ReadonlySet<string>;
  readonly quantityModifiers: PhraseIndex;
  readonly vagueQuantities: PhraseIndex;
  readonly absoluteQuantifiers: PhraseIndex;
  readonly titles: PhraseIndex;
  readonly titleModifiers: ReadonlySet<string>;
  readonly speakerAfterVerbs: PhraseIndex;
  readonly speakerBeforeVerbs: PhraseIndex;
  readonly markedSpeakerVerbs: PhraseIndex;
  readonly sourcePhrases: PhraseIndex;
  readonly agentMarkers: PhraseIndex;
  readonly subjectMarkers: PhraseIndex;
  readonly clauseBreaks: ReadonlySet<string>;
  readonly nounJoiners: ReadonlySet<string>;
  readonly nameParticles: ReadonlySet<string>;
  readonly referenceWords: PhraseIndex;
  readonly referenceNumberMarkers: ReadonlySet<string>;
  readonly listJoiners: ReadonlySet<string>;
  readonly documentLinkers: PhraseIndex;
  readonly documentNouns: PhraseIndex;
  readonly provisionWords: PhraseIndex;
  readonly affixes: { readonly prefixes: readonly string[]; readonly infixes: readonly string[]; readonly suffixes: readonly string[] };
  readonly beforeDate: ReadonlyMap<string, string>;
  readonly markerClashes: PhraseIndex;
  readonly clashFixes: ReadonlyMap<string, string>;
  /** Personal-name markers and the group marker to write before a people ("si" → "ang mga"). */
  readonly groupMarkers: ReadonlyMap<string, string>;
  /** Every single word named anywhere in the lists (lower-cased): never a misspelling. */
  readonly vocabulary: ReadonlySet<string>;
  /** Content words worth correcting towards ("resolusyon", "Oktubre"), at least four letters. */
  readonly keyWords: ReadonlySet<string>;
}

const FILES: readonly LanguageFile[] = loadLanguageFiles();
const cache = new Map<string, Lexicon>();

/** Language codes that have a data file. */
export const languageCodes: readonly string[] = Object.freeze(FILES.map((f) => f.language));

/**
 * The supported language a BCP 47 tag names ("en-US" → "en", "fil" → "tl" via the file's
 * aliases), or null when no data file covers it.
 */
export function resolveLanguage(tag: string): string | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const file = FILES.find((f) => f.language === primary || f.aliases.includes(primary));
  return file ? file.language : null;
}

/** Each language's stopwords, for language detection. */
export function stopwordsByLanguage(): { readonly language: string; readonly stopwords: ReadonlySet<string> }[] {
  return FILES.map((f) => ({ language: f.language, stopwords: new Set(f.stopwords.map((w) => w.toLowerCase())) }));
}

/**
 * The lexicon for a language tag. Tags without a data file share one lexicon: the union of all
 * files with no grammar rules (so arbitrary tags cannot grow the cache).
 */
export function lexiconFor(language: string): Lexicon {
  const code = resolveLanguage(language) ?? UNDETERMINED;
  let lex = cache.get(code);
  if (!lex) {
    lex = buildLexicon(FILES, code);
    cache.set(code, lex);
  }
  return lex;
}

// The tag for "no particular language": every file's vocabulary, no file's grammar rules.
const UNDETERMINED = 'und';
