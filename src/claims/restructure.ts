import { compileValidator } from '../http/validation.js';

/** Merge a claim with the claim just before or after it in text order. */
export interface MergeInput {
  with: 'next' | 'prev';
  version: number;
  /** The neighbour the editor saw, and its version: a merge never absorbs a claim the editor did not see as it is. */
  withId: number;
  withVersion: number;
}

/** Split a claim at a document offset strictly inside its span. */
export interface SplitInput {
  at: number;
  version: number;
}

export interface DismissInput {
  version: number;
}

const version = { type: 'integer', minimum: 1 };
const mergeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['with', 'version', 'withId', 'withVersion'],
  properties: {
    with: { enum: ['next', 'prev'] },
    version,
    withId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    withVersion: version,
  },
};
const splitSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['at', 'version'],
  properties: { at: { type: 'integer', minimum: 1 }, version },
};
const dismissSchema = { type: 'object', additionalProperties: false, required: ['version'], properties: { version } };

export const validateMergeJson = compileValidator<MergeInput>(mergeSchema, 'json');
export const validateMergeForm = compileValidator<MergeInput>(mergeSchema, 'form');
export const validateSplitJson = compileValidator<SplitInput>(splitSchema, 'json');
export const validateSplitForm = compileValidator<SplitInput>(splitSchema, 'form');
export const validateDismissForm = compileValidator<DismissInput>(dismissSchema, 'form');
