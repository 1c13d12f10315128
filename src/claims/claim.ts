import type { Finding } from '../extraction/index.js';
import { compileValidator } from '../http/validation.js';
import {
  claimKinds,
  claimStatuses,
  correctionScopes,
  verdicts,
  type ClaimKind,
  type ClaimStatus,
  type CorrectionScope,
  type Verdict,
} from './claim-vocabulary.js';

/** A correction replaces a passage or a sentence; anything longer is a rewrite, not a correction. */
export const MAX_CORRECTION_LENGTH = 2000;
/** ClaimReview's claimReviewed is a short sentence (Google recommends under 75 characters). */
export const MAX_CLAIM_STATEMENT_LENGTH = 300;

export interface Claim {
  id: number;
  documentId: number;
  start: number;
  end: number;
  quote: string;
  sentenceIndex: number;
  kind: ClaimKind;
  score: number;
  reasons: string[];
  suggestion: string | null;
  /** What the pre-checks found probably wrong (empty when nothing); never a verdict. */
  findings: Finding[];
  origin: 'extracted' | 'manual';
  status: ClaimStatus;
  verdict: Verdict | null;
  /** What a reviewer proposes; the editor confirms it as `verdict` when resolving. */
  proposedVerdict: Verdict | null;
  correction: string | null;
  /** What the correction replaces: the claim's span (passage) or its whole sentence. */
  correctionScope: CorrectionScope;
  /** What was claimed, as a short sentence for ClaimReview; null uses the claim's sentence. */
  claimStatement: string | null;
  explanation: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  resolvedById: number | null;
  resolvedByName: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A change to a claim's review fields. `null` clears a field; an absent key leaves it alone. */
export interface ClaimPatch {
  version: number;
  status?: ClaimStatus;
  verdict?: Verdict | null;
  proposedVerdict?: Verdict | null;
  correction?: string | null;
  correctionScope?: CorrectionScope;
  claimStatement?: string | null;
  explanation?: string | null;
  assigneeId?: number | null;
  kind?: ClaimKind;
}

export interface NewClaimInput {
  kind: ClaimKind;
  /** Either a span… */
  start?: number;
  end?: number;
  /** …or the exact passage and which occurrence of it (1-based) when it appears more than once. */
  quote?: string;
  occurrence?: number;
}

const nullableText = (max: number) => ({ type: ['string', 'null'], maxLength: max });

const patchSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: { type: 'integer', minimum: 1 },
    status: { enum: [...claimStatuses] },
    verdict: { enum: [...verdicts, null] },
    proposedVerdict: { enum: [...verdicts, null] },
    correction: nullableText(MAX_CORRECTION_LENGTH),
    correctionScope: { enum: [...correctionScopes] },
    claimStatement: nullableText(MAX_CLAIM_STATEMENT_LENGTH),
    explanation: nullableText(20_000),
    assigneeId: { type: ['integer', 'null'], minimum: 1 },
    kind: { enum: [...claimKinds] },
  },
};

const newClaimSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    kind: { enum: [...claimKinds] },
    start: { type: 'integer', minimum: 0 },
    end: { type: 'integer', minimum: 1 },
    quote: { type: 'string', minLength: 1, maxLength: 5000 },
    occurrence: { type: 'integer', minimum: 1, maximum: 100000 },
  },
};

export const validateClaimPatchJson = compileValidator<ClaimPatch>(patchSchema, 'json');
export const validateClaimPatchForm = compileValidator<ClaimPatch>(patchSchema, 'form');
export const validateNewClaimJson = compileValidator<NewClaimInput>(newClaimSchema, 'json');
export const validateNewClaimForm = compileValidator<NewClaimInput>(newClaimSchema, 'form');

/** The claim page's query: `useSuggestion` pre-fills the correction (other parameters are the page's own and ignored). */
export const validateSuggestionQuery = compileValidator<{ useSuggestion?: string }>(
  { type: 'object', properties: { useSuggestion: { type: 'string', maxLength: MAX_CORRECTION_LENGTH } } },
  'form',
);
