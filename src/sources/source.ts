import type { Stance } from '../claims/claim-vocabulary.js';
import { stances } from '../claims/claim-vocabulary.js';
import { compileValidator } from '../http/validation.js';

export interface Source {
  id: number;
  claimId: number;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedOn: string | null;
  excerpt: string | null;
  stance: Stance;
  addedById: number | null;
  addedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface SourceInput {
  url: string;
  title?: string;
  publisher?: string;
  publishedOn?: string;
  excerpt?: string;
  stance: Stance;
}

/** An edit: absent keys stay as they are; `null` clears an optional field (a form's emptied input). */
export type SourceEdit = Partial<Pick<SourceInput, 'url' | 'stance'>> & {
  [K in 'title' | 'publisher' | 'publishedOn' | 'excerpt']?: string | null;
} & { version: number };

const fields = {
  url: {
    type: 'string',
    minLength: 1,
    maxLength: 2000,
    pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s<>"]+$',
    description: 'must be a full http(s) URL',
  },
  title: { type: 'string', maxLength: 500 },
  publisher: { type: 'string', maxLength: 300 },
  publishedOn: { type: 'string', format: 'date' },
  excerpt: { type: 'string', maxLength: 10_000 },
  stance: { enum: [...stances] },
};

const inputSchema = { type: 'object', additionalProperties: false, required: ['url', 'stance'], properties: fields };
const editSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    ...fields,
    title: { ...fields.title, type: ['string', 'null'] },
    publisher: { ...fields.publisher, type: ['string', 'null'] },
    publishedOn: { ...fields.publishedOn, type: ['string', 'null'] },
    excerpt: { ...fields.excerpt, type: ['string', 'null'] },
    version: { type: 'integer', minimum: 1 },
  },
};

export const validateSourceJson = compileValidator<SourceInput>(inputSchema, 'json');
export const validateSourceForm = compileValidator<SourceInput>(inputSchema, 'form');
export const validateSourceEditJson = compileValidator<SourceEdit>(editSchema, 'json');
export const validateSourceEditForm = compileValidator<SourceEdit>(editSchema, 'form');
