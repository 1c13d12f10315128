import { compileValidator, noBidiControls } from '../http/validation.js';

export interface DocumentSummary {
  id: number;
  title: string;
  language: string;
  sourceUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  claimCount: number;
  resolvedCount: number;
  dismissedCount: number;
  errorCount: number;
  archivedAt: Date | null;
}

export interface Document {
  id: number;
  title: string;
  language: string;
  sourceUrl: string | null;
  text: string;
  contentHash: string;
  sentenceStarts: number[];
  correctionNote: string | null;
  author: string | null;
  publisher: string | null;
  publishedAt: Date | null;
  /** Whether the published correction note lists typos (they are fixed silently by default). */
  noteListsTypos: boolean;
  /** Set while the document is archived: hidden from lists and the queue, restorable. */
  archivedAt: Date | null;
  archivedBy: number | null;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface ImportDocumentInput {
  title: string;
  text: string;
  language?: string;
  sourceUrl?: string;
  /** Imports a text even when a document with the identical text exists (otherwise 409 naming it). */
  allowDuplicate?: boolean;
}

export const languagePattern = '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$';

const importSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'text'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 300, ...noBidiControls },
    text: { type: 'string', minLength: 1 },
    language: { type: 'string', pattern: languagePattern, maxLength: 35, description: 'must be a BCP 47 language tag such as tl or en' },
    sourceUrl: { type: 'string', maxLength: 2000, pattern: '^https?://[^\\s]+$', description: 'must be a full http(s) URL' },
    allowDuplicate: { type: 'boolean' },
  },
};

export const validateImportJson = compileValidator<ImportDocumentInput>(importSchema, 'json');
export const validateImportForm = compileValidator<ImportDocumentInput>(importSchema, 'form');
