import { compileValidator } from '../http/validation.js';

/** Who wrote and published an article, and when: what ClaimReview's itemReviewed and NewsArticle need. */
export interface Publication {
  author: string | null;
  publisher: string | null;
  publishedAt: Date | null;
  /** Whether the published correction note lists typos (they are fixed silently by default). */
  noteListsTypos: boolean;
}

/** A change to a document's publication details, from the document `version` the editor saw. */
export interface PublicationInput {
  author?: string | null;
  publisher?: string | null;
  /** An ISO 8601 date (2002-01-29) or date-time. */
  publishedAt?: string | null;
  noteListsTypos?: boolean;
  version: number;
}

const name = { type: ['string', 'null'], maxLength: 300 };
const properties = {
  author: name,
  publisher: name,
  publishedAt: {
    type: ['string', 'null'],
    maxLength: 40,
    pattern: '^$|^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
    description: 'must be a date such as 2002-01-29 or a date-time such as 2002-01-29T21:00:00-05:00',
  },
  noteListsTypos: { type: 'boolean' },
  version: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
};
const schema = { type: 'object', additionalProperties: false, required: ['version'], properties };
export const validatePublicationJson = compileValidator<PublicationInput>(schema, 'json');
export const validatePublicationForm = compileValidator<PublicationInput>(schema, 'form');

export const publicationJson = (p: Publication) => ({
  author: p.author,
  publisher: p.publisher,
  publishedAt: p.publishedAt?.toISOString() ?? null,
  noteListsTypos: p.noteListsTypos,
});
