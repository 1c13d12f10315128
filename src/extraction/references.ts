/**
 * Reference candidates: numbered legal and official documents ("resolusyon 687", "Chapter VII
 * ng United Nations Charter", "Resolutions 678 and 687"), named documents ("Geneva
 * Conventions") and the clauses that say what a provision or agreement requires.
 */
import { distance } from 'fastest-levenshtein';
import { candidate, nameRunEnd, type Scan } from './scan.js';
import { signal } from './score.js';
import { NUMBER, NUMWORD, PUNCT, WORD } from './tokens.js';
import type { RawCandidate } from './types.js';

const ROMAN = /^[IVXLCDM]{2,7}$/;
// Marks that join a list of numbers in any language; the words ("and", "at") are in the lexicon.
const LIST_MARKS = new Set([',', '&', '-', '–']);
// Provision clauses run to the next punctuation mark, but no further than this.
const MAX_PROVISION_TOKENS = 15;

/** Finds document references, claiming their numbers so they are not read as statistics. */
export function findReferences(s: Scan): RawCandidate[] {
  const out: RawCandidate[] = [];
  const singleWords = s.lex.referenceWords
    .entries()
    .filter((w) => w.length === 1)
    .map((w) => w[0]!);
  for (let i = 0; i < s.t.count; i++) {
    const word = s.lex.referenceWords.matchAt(s.t, i);
    const near = word ? null : nearReferenceWord(s, i, singleWords);
    if (word || near) {
      const last = numbered(s, i + (word?.length ?? 1));
      if (last >= 0) {
        const end = documentName(s, last);
        const label = s.t.text.slice(s.t.start[i]!, s.t.end[last]!);
        out.push(candidate(s, 'reference', i, end, [signal('numberedDocument', label)]));
        s.claimed.fill(1, i, end + 1);
        i = end;
        continue;
      }
    }
    const doc = namedDocument(s, i);
    if (doc) {
      out.push(doc.candidate);
      i = doc.end;
      continue;
    }
    const provision = s.lex.provisionWords.matchAt(s.t, i);
    if (provision) {
      let end = i + provision.length - 1;
      while (end - i < MAX_PROVISION_TOKENS && inClause(s, i, end + 1)) end++;
      out.push(candidate(s, 'reference', i, end, [signal('provision', provision.text)]));
    }
  }
  return out;
}

// Token k continues token i's clause: same sentence, not punctuation. (A function, not a closure
// in the loop: a closure over the loop's `i` costs a context object for every token.)
function inClause(s: Scan, i: number, k: number): boolean {
  return k < s.t.count && s.t.type[k] !== PUNCT && s.t.sentence[k] === s.t.sentence[i];
}

// A misspelt reference word directly before a number ("reolusyon 678").
function nearReferenceWord(s: Scan, i: number, words: readonly string[]): boolean {
  const w = s.t.lower[i]!;
  if (s.t.type[i + 1] !== NUMBER || s.t.type[i] !== WORD || w.length < 6 || s.lex.vocabulary.has(w)) return false;
  for (const r of words) if (r.length >= 6 && Math.abs(r.length - w.length) <= 1 && distance(r, w) === 1) return true;
  return false;
}

// Identifiers after a reference word: "687", "No. 5", "VII", "678 at 687". Returns the last token or -1.
function numbered(s: Scan, k: number): number {
  const t = s.t;
  if (s.lex.referenceNumberMarkers.has(t.lower[k] ?? '')) k += t.raw[k + 1] === '.' ? 2 : 1;
  if (!isIdentifier(s, k)) return -1;
  let last = k;
  const joins = (w: string) => LIST_MARKS.has(w) || s.lex.listJoiners.has(w);
  while (joins(t.lower[last + 1] ?? '') && isIdentifier(s, last + 2)) last += 2;
  return last;
}

function isIdentifier(s: Scan, k: number): boolean {
  const t = s.t;
  if (k >= t.count || t.sentence[k] !== t.sentence[k - 1]) return false;
  if (t.type[k] === NUMBER) return !t.raw[k]!.includes('.');
  if (t.type[k] === NUMWORD) return /^\d+[a-z]?$/i.test(t.raw[k]!);
  return t.type[k] === WORD && ROMAN.test(t.raw[k]!);
}

// "… ng United Nations Charter", "… of the Geneva Conventions" after a numbered reference.
function documentName(s: Scan, last: number): number {
  const linker = s.lex.documentLinkers.matchAt(s.t, last + 1);
  if (!linker) return last;
  const first = last + 1 + linker.length;
  if (s.t.cap[first] !== 1 || s.t.sentence[first] !== s.t.sentence[last]) return last;
  const end = nameRunEnd(s, first);
  // "Section 21 of Republic Act 10121": the named document may carry its own number.
  return isIdentifier(s, end + 1) ? numbered(s, end + 1) : end;
}

// A capitalised document noun, with the name in front of it ("United Nations Charter") and
// after it ("Convention on the Rights of the Child").
function namedDocument(s: Scan, i: number): { candidate: RawCandidate; end: number } | null {
  const t = s.t;
  const noun = s.lex.documentNouns.matchAt(t, i);
  if (!noun) return null;
  let first = i;
  while (first > 0 && t.sentence[first - 1] === t.sentence[i] && t.cap[first - 1] === 1 && !t.initial[first - 1]) first--;
  if (first > 0 && t.cap[first - 1] === 1 && t.initial[first - 1] && !s.lex.stopwords.has(t.lower[first - 1]!)) first--;
  if (first === i && t.initial[i]) return null;
  const end = documentName(s, i + noun.length - 1);
  const label = t.text.slice(t.start[first]!, t.end[end]!);
  return { candidate: candidate(s, 'reference', first, end, [signal('namedDocument', label)]), end };
}
