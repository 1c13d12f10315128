import type { FieldErrors } from './forms.js';

/** One line of the error summary: a full sentence, linking to its field when there is one. */
export interface SummaryItem {
  href: string | null;
  text: string;
}

/** "assigneeId" → "Assignee", "sourceUrl" → "Source url": a readable name when the page gave none. */
function labelOf(field: string): string {
  const words = field
    .split('.')
    .pop()!
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A message from the validator ("is required") made a sentence ("Verdict is required."); whole sentences stay as they are. */
export function sentenceFor(field: string, message: string, labels: Record<string, string> = {}): string {
  const text = /^[A-Z0-9“"]/.test(message) || field === 'form' || field === '' ? message : `${labels[field] ?? labelOf(field)} ${message}`;
  return /[.!?)”]$/.test(text) ? text : `${text}.`;
}

/**
 * The GOV.UK error summary's lines for a refused form: each a full sentence whose link moves
 * to the field (the element whose id is the field's name unless the form says otherwise); a message about the whole form has
 * no link.
 */
export function errorSummary(
  errors: FieldErrors,
  labels: Record<string, string> = {},
  fieldIds: Record<string, string> = {},
): SummaryItem[] {
  return Object.entries(errors).map(([field, message]) => ({
    href: field && field !== 'form' ? `#${fieldIds[field] ?? field.replaceAll('.', '-')}` : null,
    text: sentenceFor(field, message, labels),
  }));
}
