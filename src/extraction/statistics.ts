/**
 * Statistic candidates: a number with what it counts ("500,000 batang Iraqi", "10 %",
 * "₱95.5 bilyon", "16 million people"), plus figures without digits that still make a
 * checkable quantitative claim ("libu-libo", "mas kaunti", "lahat ng …").
 */
import { candidate, continues, nounPhraseEnd, type Scan } from './scan.js';
import { readNumber, type NumberPhrase } from './numbers.js';
import type { PhraseIndex } from './phrases.js';
import { signal } from './score.js';
import { dictionaries } from './checks/dictionaries.js';
import { WORD } from './tokens.js';
import type { RawCandidate, Signal } from './types.js';

/** Finds statistic candidates among the tokens not already claimed as dates or references. */
export function findStatistics(s: Scan): RawCandidate[] {
  const out: RawCandidate[] = [];
  const t = s.t;
  for (let i = 0; i < t.count; i++) {
    if (s.claimed[i]) continue;
    const num = readNumber(s, i);
    if (num && !num.weakOnly && !inName(s, i, num)) {
      out.push(figure(s, i, num));
      i = num.end;
      continue;
    }
    const vague = vagueFigure(s, i);
    if (vague) {
      out.push(vague.candidate);
      i = vague.end;
    }
  }
  return out;
}

function figure(s: Scan, i: number, num: NumberPhrase): RawCandidate {
  const t = s.t;
  const signals: Signal[] = [signal('figure')];
  let first = i;
  let last = num.end;
  let money = false;
  if (i > 0 && s.lex.currencySymbols.has(t.raw[i - 1]!) && t.sentence[i - 1] === t.sentence[i]) {
    first = i - 1;
    money = true;
  }
  const modifier = s.lex.quantityModifiers.matchEndingAt(t, first - 1);
  if (modifier && t.sentence[first - 1] === t.sentence[i]) {
    first -= modifier.length;
    signals.push(signal('approximate', modifier.text));
  }
  const percent = t.raw[last + 1] === '%' ? 1 : (s.lex.percentWords.matchAt(t, last + 1)?.length ?? 0);
  const unit = percent ? null : s.lex.units.matchAt(t, last + 1);
  if (percent && t.sentence[last + 1] === t.sentence[i]) {
    last += percent;
    signals.push(signal('percentage'));
  } else if (unit && continues(s, i, last + 1)) {
    last += unit.length;
    signals.push(signal('unit'));
    // A unit with a linker goes on to its modifier: "batang Iraqi", "katao na …".
    if (s.lex.linkers.some((l) => t.lower[last]!.endsWith(l) && !unit.text.endsWith(l))) {
      last = Math.max(last, nounPhraseEnd(s, last + 1, 1));
    }
    money ||= s.lex.currencyWords.has(unit.text.toLowerCase());
  } else {
    const noun = nounPhraseEnd(s, last + 1, 2);
    if (noun > last) {
      last = noun;
      signals.push(signal('unit'));
    } else if (num.value < 10 && !money) {
      signals.push(signal('smallNumber'));
    }
  }
  if (money) signals.push(signal('money'));
  if (num.value >= 1000) signals.push(signal('largeNumber'));
  if (num.hasWords) signals.push(signal('numberWords'));
  return candidate(s, 'statistic', first, last, signals);
}

// Quantities without digits: vague large numbers, comparatives and absolute claims, each
// followed by the thing quantified; an absolute word with nothing after it ("at all") is skipped.
// Absolute quantifiers without a number ("lahat ng …", "bawat sibilyan", "every …") claim no
// figure: reviewers found them statistic candidates that never were (issue 18).
function vagueFigure(s: Scan, i: number): { candidate: RawCandidate; end: number } | null {
  // Two calls rather than a loop over a list of cues: this runs for every token.
  return vagueCue(s, i, 'vagueNumber', s.lex.vagueNumbers) ?? vagueCue(s, i, 'vagueQuantity', s.lex.vagueQuantities);
}

function vagueCue(s: Scan, i: number, key: 'vagueNumber' | 'vagueQuantity', index: PhraseIndex) {
  const m = index.matchAt(s.t, i);
  if (!m) return null;
  const cueEnd = i + m.length - 1;
  const noun = nounPhraseEnd(s, cueEnd + 1, 1);
  const end = Math.max(cueEnd, noun);
  return { candidate: candidate(s, 'statistic', i, end, [signal(key, m.text)]), end };
}

// "Apollo 11", "Boeing 747"-like names: a short bare number right after a capitalised word of
// the sentence, with nothing counted after it, is part of the name, not a figure. At the start of
// a sentence every word has a capital, so there the word must be one no word list knows ("Apollo
// 13 returned", not "Some 300 died"). Numbered legal texts ("Resolution 1441") are references.
function inName(s: Scan, i: number, num: NumberPhrase): boolean {
  const t = s.t;
  if (!num.hasDigits || num.hasWords || num.value >= 1000 || i === 0 || t.sentence[i - 1] !== t.sentence[i]) return false;
  const before = t.lower[i - 1]!;
  if (t.cap[i - 1] !== 1 || s.lex.stopwords.has(before)) return false;
  if (t.initial[i - 1] === 1 && (t.type[i - 1] !== WORD || s.lex.vocabulary.has(before) || commonWord(before))) return false;
  const next = num.end + 1;
  return !(
    t.raw[next] === '%' ||
    s.lex.percentWords.matchAt(t, next) ||
    s.lex.units.matchAt(t, next) ||
    s.lex.multipliers.has(t.lower[next] ?? '')
  );
}

// A word a dictionary knows in lower case ("exactly", "halos") is an ordinary word, not a name.
function commonWord(lower: string): boolean {
  const d = dictionaries();
  return d.en.correct(lower) || (d.tl?.correct(lower) ?? false);
}
