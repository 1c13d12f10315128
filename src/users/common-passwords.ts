import { dictionary } from '@zxcvbn-ts/language-common';
import { invalid } from '../http/errors.js';

// The 49,000 most common passwords of @zxcvbn-ts/language-common (from leaked password lists),
// built into a Set once per process: a check is one or two lookups.
let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary.passwords.map((p) => p.toLowerCase())));

// "Password2024!" is "password" with the usual decoration: digits and symbols around a word.
const decoration = /^[\d\W_]+|[\d\W_]+$/g;

/** True when `password`, ignoring case, spaces and the digits and symbols around it, is on the common-password list. */
export function isCommonPassword(password: string): boolean {
  const plain = password.normalize('NFKC').toLowerCase();
  const squeezed = plain.replace(/\s+/g, '');
  const core = squeezed.replace(decoration, '');
  const list = commonPasswords();
  return list.has(plain) || list.has(squeezed) || (core.length >= 4 && list.has(core));
}

/** Refuses a new password that is on the common-password list (ASVS V2.1.7), naming the field. */
export function refuseCommonPassword(password: string, field = 'password'): void {
  if (isCommonPassword(password)) {
    throw invalid(
      field,
      'is one of the most common passwords (or one with digits or symbols added), which attackers try first; choose something less predictable, such as a few unrelated words',
    );
  }
}
