/**
 * The dictionary word one edit away from a misspelling: a swap of two neighbouring letters
 * ("recieve"), a missing or extra letter ("Goverment"), or one wrong letter ("seperate"), in
 * that order of likelihood. nspell's own suggest() also tries two edits and takes over a second
 * per word; one edit checked with correct() costs a few hundred lookups.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The first one-edit neighbour of `word` (lower case) that `known` accepts, or null. */
export function nearestWord(word: string, known: (w: string) => boolean): string | null {
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    const w = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (known(w)) return w;
  }
  for (let i = 0; i <= word.length; i++) {
    for (const c of LETTERS) {
      const w = word.slice(0, i) + c + word.slice(i);
      if (known(w)) return w;
    }
  }
  for (let i = 0; i < word.length; i++) {
    const w = word.slice(0, i) + word.slice(i + 1);
    if (w.length >= 3 && known(w)) return w;
  }
  for (let i = 0; i < word.length; i++) {
    for (const c of LETTERS) {
      if (c === word[i]) continue;
      const w = word.slice(0, i) + c + word.slice(i + 1);
      if (known(w)) return w;
    }
  }
  return null;
}
