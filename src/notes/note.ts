import { compileValidator } from '../http/validation.js';

export interface Note {
  id: number;
  claimId: number;
  authorId: number | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  version: number;
}

export interface NoteInput {
  body: string;
}
export interface NoteEdit {
  body: string;
  version: number;
}

const body = { type: 'string', minLength: 1, maxLength: 20_000 };
export const validateNoteJson = compileValidator<NoteInput>(
  { type: 'object', additionalProperties: false, required: ['body'], properties: { body } },
  'json',
);
export const validateNoteForm = compileValidator<NoteInput>(
  { type: 'object', additionalProperties: false, required: ['body'], properties: { body } },
  'form',
);
const editSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['body', 'version'],
  properties: { body, version: { type: 'integer', minimum: 1 } },
};
export const validateNoteEditJson = compileValidator<NoteEdit>(editSchema, 'json');
export const validateNoteEditForm = compileValidator<NoteEdit>(editSchema, 'form');
