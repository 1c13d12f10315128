/**
 * Assembles a Lexicon from the language files: word lists become sets, maps and phrase indexes,
 * and each phrase index gets its bit in the cue table.
 */
import { registerCueLists } from './cues.js';
import type { LanguageFile } from './language-file.js';
import type { Lexicon } from './lexicon.js';
import { PhraseIndex } from './phrases.js';

/**
 * Builds the lexicon for `language` from all language files: their vocabularies merged with the
 * language's own file first, and only that file's grammar rules (none if it has no file).
 */
export function buildLexicon(all: readonly LanguageFile[], language: string): Lexicon {
  const primary = all.find((f) => f.language === language);
  const files = primary ? [primary, ...all.filter((f) => f !== primary)] : [...all];
  const words = (pick: (f: LanguageFile) => readonly string[]) => files.flatMap(pick);
  const set = (pick: (f: LanguageFile) => readonly string[]) => new Set(words(pick).map((w) => w.toLowerCase()));
  const phrases = (pick: (f: LanguageFile) => readonly string[]) =>
    new PhraseIndex(files.map((f) => ({ phrases: pick(f), linkers: f.linkers })));
  // Number words are also stored with each linker glued on ("dalawang", "milyong").
  const numbers = (pick: (f: LanguageFile) => Readonly<Record<string, number>>) =>
    new Map(
      files.flatMap((f) =>
        Object.entries(pick(f)).flatMap(([k, v]) => [k, ...f.linkers.map((l) => k + l)].map((w) => [w.toLowerCase(), v] as const)),
      ),
    );

  // Abbreviations ("Oct.") are matched as months but never suggested as corrections.
  const monthForms = files.flatMap((f) =>
    f.months.flatMap((forms) => forms.filter((form) => !form.endsWith('.')).map((form) => ({ form, preferred: forms[0] ?? form }))),
  );
  const clashes = primary ? primary.rules.markerClashes : {};
  const lex: Omit<Lexicon, 'vocabulary' | 'keyWords'> = {
    language,
    linkers: [...new Set(words((f) => f.linkers))],
    stopwords: set((f) => f.stopwords),
    abbreviations: set((f) => f.abbreviations),
    months: phrases((f) => f.months.flat()),
    monthForms,
    weekdays: phrases((f) => f.weekdays),
    datePrepositions: phrases((f) => f.datePrepositions),
    ordinalPrefixes: words((f) => f.ordinalPrefixes).sort((a, b) => b.length - a.length),
    decadeWords: phrases((f) => f.decadeWords),
    dateLinkers: set((f) => f.dateLinkers),
    numberWords: numbers((f) => f.numberWords),
    multipliers: numbers((f) => f.multipliers),
    numberJoiners: set((f) => f.numberJoiners),
    ordinalSuffixes: words((f) => f.ordinalSuffixes),
    weakNumbers: set((f) => f.weakNumbers.flatMap((w) => [w, ...f.linkers.map((l) => w + l)])),
    vagueNumbers: phrases((f) => f.vagueNumbers),
    units: phrases((f) => f.units),
    percentWords: phrases((f) => f.percentWords),
    currencySymbols: new Set(words((f) => f.currencySymbols)),
    currencyWords: set((f) => f.currencyWords),
    quantityModifiers: phrases((f) => f.quantityModifiers),
    vagueQuantities: phrases((f) => f.vagueQuantities),
    absoluteQuantifiers: phrases((f) => f.absoluteQuantifiers),
    titles: phrases((f) => f.titles),
    titleModifiers: set((f) => f.titleModifiers),
    speakerAfterVerbs: phrases((f) => f.speakerAfterVerbs),
    speakerBeforeVerbs: phrases((f) => f.speakerBeforeVerbs),
    markedSpeakerVerbs: phrases((f) => f.markedSpeakerVerbs),
    sourcePhrases: phrases((f) => f.sourcePhrases),
    agentMarkers: phrases((f) => f.agentMarkers),
    subjectMarkers: phrases((f) => f.subjectMarkers),
    clauseBreaks: set((f) => f.clauseBreaks),
    nounJoiners: set((f) => f.nounJoiners.flatMap((j) => j.split(/\s+/))),
    nameParticles: set((f) => f.nameParticles),
    referenceWords: phrases((f) => f.referenceWords),
    referenceNumberMarkers: set((f) => f.referenceNumberMarkers),
    listJoiners: set((f) => f.listJoiners),
    documentLinkers: phrases((f) => f.documentLinkers),
    documentNouns: phrases((f) => f.documentNouns),
    provisionWords: phrases((f) => f.provisionWords),
    affixes: {
      prefixes: words((f) => f.affixes.prefixes),
      infixes: words((f) => f.affixes.infixes),
      suffixes: words((f) => f.affixes.suffixes),
    },
    beforeDate: new Map(Object.entries(primary ? primary.rules.beforeDate : {})),
    markerClashes: new PhraseIndex([{ phrases: Object.keys(clashes), linkers: [] }]),
    clashFixes: new Map(Object.entries(clashes)),
    groupMarkers: new Map(Object.entries(primary ? primary.rules.groupMarkers : {})),
  };
  const built: Lexicon = { ...lex, ...vocabularies(files) };
  registerCueLists(
    built,
    Object.values(built).filter((v): v is PhraseIndex => v instanceof PhraseIndex),
  );
  return built;
}

function vocabularies(files: readonly LanguageFile[]): Pick<Lexicon, 'vocabulary' | 'keyWords'> {
  const vocabulary = new Set<string>();
  const keyWords = new Set<string>();
  const splitWords = (phrase: string) =>
    phrase
      .toLowerCase()
      .split(/[\s.]+/)
      .filter((w) => w.length > 0);
  for (const f of files) {
    const all = Object.values(f).flatMap((v: unknown) => flattenStrings(v));
    for (const w of all.flatMap(splitWords)) vocabulary.add(w);
    const key = [
      ...f.months.flat(),
      ...f.referenceWords,
      ...f.documentNouns,
      ...f.provisionWords,
      ...f.titles,
      ...f.speakerAfterVerbs,
      ...f.speakerBeforeVerbs,
      ...f.units,
      ...Object.keys(f.numberWords),
      ...Object.keys(f.multipliers),
      ...f.weekdays,
    ];
    for (const w of key.flatMap(splitWords)) if (w.length >= 4 && /^\p{L}+$/u.test(w)) keyWords.add(w);
  }
  return { vocabulary, keyWords };
}

function flattenStrings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(flattenStrings);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...flattenStrings(x)]);
  return [];
}
