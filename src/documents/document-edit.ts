import { compileValidator, noBidiControls } from '../http/validation.js';
import { languagePattern } from './document.js';

/**
 * A change to a document's metadata, made from the version the editor read. `sourceUrl: null`
 * clears the link; absent keys stay as they are. The text itself is never edited in place:
 * claims point into it by offset.
 */
export interface DocumentEdit {
  version: number;
  title?: string;
  sourceUrl?: string | null;
  language?: string;
}

const editSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
    title: { type: 'string', minLength: 1, maxLength: 300, allOf: [{ pattern: '\\S', description: 'must not be blank' }, noBidiControls] },
    sourceUrl: { type: ['string', 'null'], maxLength: 2000, pattern: '^https?://[^\\s]+$', description: 'must be a full http(s) URL' },
    language: { type: 'string', pattern: languagePattern, maxLength: 35, description: 'must be a BCP 47 language tag such as tl or en' },
  },
};

export const validateDocumentEditJson = compileValidator<DocumentEdit>(editSchema, 'json');
export const validateDocumentEditForm = compileValidator<DocumentEdit>(editSchema, 'form');
