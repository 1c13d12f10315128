/**
 * Where a token that starts at i ends, for the three shapes that are more than one character:
 * dotted acronyms, numbers and words. Each loop only moves forward, so tokenising stays linear.
 */
import { isDigitCode, isLetterAt, isUpperAt, isWordCharAt, widthAt } from './char-classes.js';

/** End of dotted capitals ("U.S.", "U.N.": a capital and a full stop, twice or more), or i. */
export function acronymEnd(text: string, i: number): number {
  let e = i;
  while (isUpperAt(text, e) && text.charCodeAt(e + 1) === 46 && widthAt(text, e) === 1) e += 2;
  return e - i >= 4 ? e : i;
}

/** End of digits with thousands or decimal groups ("500,000", "95.5") and glued letters ("1900s"). */
export function numberEnd(text: string, i: number): number {
  let e = i;
  while (isDigitCode(text.charCodeAt(e))) e++;
  while ((text[e] === '.' || text[e] === ',') && isDigitCode(text.charCodeAt(e + 1))) {
    e++;
    while (isDigitCode(text.charCodeAt(e))) e++;
  }
  const apostrophe = text[e] === "'" || text[e] === '’' ? 1 : 0;
  if (isLetterAt(text, e + apostrophe) && e + apostrophe < text.length) {
    e += apostrophe;
    while (e < text.length && isLetterAt(text, e)) e += widthAt(text, e);
  }
  return e;
}

/** End of letters, marks and digits joined by single apostrophes or hyphens ("no-fly", "ika-20"). */
export function wordEnd(text: string, i: number): number {
  let e = i;
  for (;;) {
    for (;;) {
      const c = text.charCodeAt(e);
      // ASCII letters and digits inline; anything else asks the Unicode classes.
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) e++;
      else if (c >= 128 && isWordCharAt(text, e)) e += widthAt(text, e);
      else break;
    }
    const joiner = text[e];
    if ((joiner === '-' || joiner === "'" || joiner === '’') && e + 1 < text.length && isWordCharAt(text, e + 1)) e++;
    else return e;
  }
}
