import { compileValidator } from '../http/validation.js';

/** "Reuse this review": which matched claim's review to copy, and the version the page showed. */
export interface ReuseInput {
  from: number;
  version: number;
}

const reuseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'version'],
  properties: {
    from: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
    version: { type: 'integer', minimum: 1 },
  },
};

export const validateReuseJson = compileValidator<ReuseInput>(reuseSchema, 'json');
export const validateReuseForm = compileValidator<ReuseInput>(reuseSchema, 'form');
