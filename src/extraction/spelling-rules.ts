/**
 * Rule-based spelling findings: a language's word-before-a-date rule (Tagalog "noon 1993" →
 * "noong 1993"), clashing or doubled markers ("ng ang", "the the"), and a name capitalised one
 * way in most of the text and another way once ("Iraq Body Count" / "Iraq body count").
 */
import { startsDate } from './dates.js';
import type { Scan } from './scan.js';
import { signal } from './score.js';
import type { Spellings } from './spellings.js';
import { WORD } from './tokens.js';

// Capitalised names are compared two to four words at a time.
const MIN_NAME_WORDS = 2;
const MAX_NAME_WORDS = 4;

/** Applies the language's grammar rules from its data file. */
export function findGrammarSlips(s: Scan, found: Spellings): void {
  const t = s.t;
  for (let i = 0; i < t.count; i++) {
    const fix = s.lex.beforeDate.get(t.lower[i]!);
    if (fix !== undefined && t.sentence[i + 1] === t.sentence[i] && startsDate(s, i + 1)) {
      const suggestion = t.cap[i] === 1 ? fix[0]!.toUpperCase() + fix.slice(1) : fix;
      found.add(i, i, suggestion, signal('grammarRule', `'${t.lower[i]}' before a date should be '${fix}'`));
      continue;
    }
    const group = groupSlip(s, i);
    if (group) {
      found.add(
        i,
        group.last,
        group.suggestion,
        signal('grammarRule', `'${t.lower[i]}' marks one person's name; before a people write '${group.marker}'`),
      );
      i = group.last;
      continue;
    }
    const clash = s.lex.markerClashes.matchAt(t, i);
    if (clash) {
      const replacement = s.lex.clashFixes.get(clash.text) ?? '';
      const why = signal('grammarRule', `'${clash.text}': doubled or clashing words, write '${replacement}'`);
      found.add(i, i + clash.length - 1, replacement, why);
      i += clash.length - 1;
    }
  }
}

// A personal-name marker before a people ("sumali si Shia Muslims"): the capitalised words after
// it end in a plural demonym. The suggestion is the group marker with the singular ("ang mga Shia Muslim").
function groupSlip(s: Scan, i: number): { last: number; suggestion: string; marker: string } | null {
  const t = s.t;
  const marker = s.lex.groupMarkers.get(t.lower[i]!);
  if (marker === undefined) return null;
  for (let k = i + 1; k <= i + 3 && k < t.count && t.sentence[k] === t.sentence[i] && t.type[k] === WORD && t.cap[k] === 1; k++) {
    const singular = s.names.peoples.get(t.lower[k]!);
    if (singular === undefined) continue;
    const words = [...t.raw.slice(i + 1, k), singular].join(' ');
    return { last: k, suggestion: `${t.cap[i] === 1 ? marker[0]!.toUpperCase() + marker.slice(1) : marker} ${words}`, marker };
  }
  return null;
}

/** Flags a name written with different capitals than its usual form in the same text. */
export function findCasingSlips(s: Scan, found: Spellings): void {
  const t = s.t;
  const names = new Map<string, string>();
  const firstWords = new Set<string>();
  // A slip is a name read again with its second word in lower case, so a name whose second word
  // the text never writes in lower case can have none: it is not recorded (most names, and the
  // Map of every name was most of this rule's cost).
  const writtenLower = new Uint8Array(t.distinctLowers);
  for (let i = 0; i < t.count; i++) if (t.type[i] === WORD && t.cap[i] !== 1) writtenLower[t.lowerId[i]!] = 1;
  for (let i = 0; i < t.count; i++) {
    if (t.cap[i] !== 1 || t.type[i] !== WORD || (t.initial[i] && s.lex.stopwords.has(t.lower[i]!))) continue;
    let j = i;
    while (j + 1 < t.count && t.cap[j + 1] === 1 && t.type[j + 1] === WORD && t.sentence[j + 1] === t.sentence[i]) j++;
    const words = j - i + 1;
    if (words >= MIN_NAME_WORDS && words <= MAX_NAME_WORDS && writtenLower[t.lowerId[i + 1]!] === 1) {
      const key = t.lower.slice(i, j + 1).join(' ');
      if (!names.has(key)) names.set(key, t.raw.slice(i, j + 1).join(' '));
      firstWords.add(t.lower[i]!);
    }
    i = j;
  }
  if (names.size === 0) return;
  for (let i = 0; i + 1 < t.count; i++) {
    if (t.cap[i] !== 1 || t.type[i + 1] !== WORD || t.cap[i + 1] === 1 || !firstWords.has(t.lower[i]!)) continue;
    for (let n = MAX_NAME_WORDS; n >= MIN_NAME_WORDS; n--) {
      const last = i + n - 1;
      if (last >= t.count || t.sentence[last] !== t.sentence[i]) continue;
      const usual = names.get(t.lower.slice(i, last + 1).join(' '));
      if (usual === undefined) continue;
      found.add(i, last, usual, signal('casing', usual));
      i = last;
      break;
    }
  }
}
