/**
 * Attribution candidates: a titled person or office ("American President George H. W. Bush",
 * "Pangulong Marcos", "President of the Philippines"), a source phrase ("ayon sa …",
 * "according to …") and a speech verb with its speaker on either side ("sinabi ng …",
 * "… ang nagsasabing", "… said", "said John Smith").
 */
import { candidate, nameRunEnd, nounPhraseEnd, nounPhraseStart, type Scan } from './scan.js';
import { signal } from './score.js';
import { PUNCT } from './tokens.js';
import type { RawCandidate, Signal } from './types.js';

/** Finds attributions; each covers the speaker and the cue that makes it an attribution. */
export function findAttributions(s: Scan): RawCandidate[] {
  const out: RawCandidate[] = [];
  for (let i = 0; i < s.t.count; i++) {
    const found = titled(s, i) ?? sourced(s, i) ?? spoken(s, i);
    if (found) {
      out.push(found.candidate);
      i = Math.max(i, found.end);
    }
  }
  return out;
}

interface Found {
  readonly candidate: RawCandidate;
  /**
   * Where scanning resumes: after a title's name, but after a verb or source phrase only, so
   * that a titled speaker inside the span ("sinabi ni Pangulong …") is still read as one.
   */
  readonly end: number;
}

function titled(s: Scan, i: number): Found | null {
  const t = s.t;
  const title = s.lex.titles.matchAt(t, i);
  if (!title) return null;
  let end = i + title.length - 1;
  const linker = s.lex.documentLinkers.matchAt(t, end + 1);
  if (linker && t.cap[end + 1 + linker.length] === 1) end = nameRunEnd(s, end + 1 + linker.length);
  const name = t.cap[end + 1] === 1 && t.sentence[end + 1] === t.sentence[i] ? nameRunEnd(s, end + 1) : end;
  if (name === i + title.length - 1) return null;
  let first = i;
  // Qualifiers in front of the title: "dating", "former", "American", "U.S.".
  for (let k = i - 1; k >= 0 && i - k <= 2 && t.sentence[k] === t.sentence[i]; k--) {
    const known = s.names.words.has(t.lower[k]!);
    if (s.lex.titleModifiers.has(t.lower[k]!) || (t.cap[k] === 1 && (!t.initial[k] || known))) first = k;
    else break;
  }
  const signals = [signal('namedPerson'), signal('title', title.text)];
  return { candidate: candidate(s, 'attribution', first, name, signals), end: name };
}

function sourced(s: Scan, i: number): Found | null {
  const cue = s.lex.sourcePhrases.matchAt(s.t, i);
  if (!cue) return null;
  const end = nounPhraseEnd(s, i + cue.length, 4, 8);
  if (end < i + cue.length) return null;
  const found = make(s, i, end, i + cue.length - 1, [signal('source', cue.text)]);
  // An unnamed source set before its clause ("Ayon sa pag-aaral, umaabot sa 655,000 …") has
  // nothing to check on its own: the claim is that a study says so, so it covers what it says.
  if (found.named || s.t.raw[end + 1] !== ',' || s.t.sentence[end + 1] !== s.t.sentence[i]) return found;
  const last = attributedClauseEnd(s, end + 2);
  return last > end + 1 ? { candidate: { ...found.candidate, end: s.t.end[last]! }, end: found.end } : found;
}

// The last token of the clause starting at i: up to the next comma, semicolon, colon or full stop
// in the sentence, or before another speaker or source, at most MAX_CLAUSE tokens.
const MAX_CLAUSE = 40;
const CLAUSE_END = new Set([',', ';', ':', '.', '!', '?']);
function attributedClauseEnd(s: Scan, i: number): number {
  const t = s.t;
  let last = i - 1;
  for (let k = i; k < t.count && k - i < MAX_CLAUSE && t.sentence[k] === t.sentence[i]; k++) {
    if (
      CLAUSE_END.has(t.raw[k]!) ||
      s.lex.sourcePhrases.matchAt(t, k) ||
      s.lex.titles.matchAt(t, k) ||
      s.lex.speakerAfterVerbs.matchAt(t, k)
    )
      break;
    last = k;
  }
  return last;
}

function spoken(s: Scan, i: number): Found | null {
  const t = s.t;
  const after = s.lex.speakerAfterVerbs.matchAt(t, i);
  if (after) {
    const verbEnd = i + after.length - 1;
    const marker = s.lex.agentMarkers.matchAt(t, verbEnd + 1);
    if (marker) {
      const end = nounPhraseEnd(s, verbEnd + 1 + marker.length, 4, 8);
      if (end > verbEnd + marker.length) return make(s, i, end, verbEnd, [signal('speechVerb', after.text)]);
    } else if (t.cap[verbEnd + 1] === 1 && t.sentence[verbEnd + 1] === t.sentence[i]) {
      // "…," said John Smith — a bare name after the verb must be two words or end the clause.
      const end = nameRunEnd(s, verbEnd + 1);
      if (end > verbEnd + 1 || t.type[end + 1] === PUNCT) return make(s, i, end, verbEnd, [signal('speechVerb', after.text)]);
    }
  }
  // "X said" / "X ang nagsabi": the marked verbs need the subject marker between.
  const subject = s.lex.subjectMarkers.matchEndingAt(t, i - 1);
  const before = s.lex.speakerBeforeVerbs.matchAt(t, i) ?? (subject ? s.lex.markedSpeakerVerbs.matchAt(t, i) : null);
  if (!before) return null;
  const verbEnd = i + before.length - 1;
  const speakerEnd = subject ? i - 1 - subject.length : i - 1;
  if (speakerEnd < 0 || t.sentence[speakerEnd] !== t.sentence[i]) return null;
  const first = nounPhraseStart(s, speakerEnd, 5);
  if (first > speakerEnd) return null;
  return make(s, first, verbEnd, verbEnd, [signal('speechVerb', before.text)]);
}

// Named when some word other than the sentence's first is capitalised; otherwise vague.
function make(s: Scan, first: number, last: number, resume: number, signals: Signal[]): Found & { named: boolean } {
  let named = false;
  for (let k = first; k <= last && !named; k++) named = s.t.cap[k] === 1 && !s.t.initial[k];
  signals.unshift(signal(named ? 'namedBody' : 'vagueSource'));
  return { candidate: candidate(s, 'attribution', first, last, signals), end: resume, named };
}
