import { compileValidator } from '../http/validation.js';

/** An edit of a document's correction note, made from the document `version` the editor saw. */
export interface NoteEditInput {
  /** The note to publish; null (or an empty box on the form) goes back to the generated draft. */
  note?: string | null;
  version: number;
}

export const MAX_NOTE_LENGTH = 20_000;

const properties = {
  note: { type: ['string', 'null'], maxLength: MAX_NOTE_LENGTH },
  version: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
};

// The API says what it means (`"note": null` to clear); the form leaves the box empty instead.
export const validateNoteEditJson = compileValidator<NoteEditInput>(
  { type: 'object', additionalProperties: false, required: ['note', 'version'], properties },
  'json',
);
export const validateNoteEditForm = compileValidator<NoteEditInput>(
  { type: 'object', additionalProperties: false, required: ['version'], properties },
  'form',
);
