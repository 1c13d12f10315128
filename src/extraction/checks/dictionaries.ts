/**
 * Hunspell dictionaries through nspell: English from the npm package dictionary-en, Tagalog from
 * Debian's myspell-tl (/usr/share/hunspell/tl.dic) when it is installed. Without tl.dic, Tagalog
 * text gets only the built-in spelling rules (../spelling.ts). Loaded on first use.
 */
import { existsSync, readFileSync } from 'node:fs';
import english from 'dictionary-en';
import nspell from 'nspell';

export interface Dictionaries {
  readonly en: ReturnType<typeof nspell>;
  /** Null when myspell-tl is not installed. */
  readonly tl: ReturnType<typeof nspell> | null;
}

export const TAGALOG_DIC = '/usr/share/hunspell/tl.dic';
let loaded: Dictionaries | undefined;

/** The dictionaries, parsed once per process (English takes about a second). */
export function dictionaries(): Dictionaries {
  loaded ??= {
    en: nspell({ aff: Buffer.from(english.aff), dic: Buffer.from(english.dic) }),
    tl: existsSync(TAGALOG_DIC)
      ? nspell({ aff: readFileSync(TAGALOG_DIC.replace(/\.dic$/, '.aff')), dic: readFileSync(TAGALOG_DIC) })
      : null,
  };
  return loaded;
}
