/** The closed vocabularies of a claim, shared by the schema CHECKs, the validators and the views. */
export const claimKinds = ['statistic', 'date', 'quote', 'attribution', 'reference', 'spelling', 'event', 'other'] as const;
export type ClaimKind = (typeof claimKinds)[number];

export const claimStatuses = ['open', 'in_review', 'resolved', 'dismissed'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export const verdicts = ['accurate', 'inaccurate', 'misleading', 'needs_context', 'unverifiable', 'typo'] as const;
export type Verdict = (typeof verdicts)[number];

/** Verdicts that mean the text needs changing, so a correction is expected. */
export const errorVerdicts: readonly Verdict[] = ['inaccurate', 'misleading', 'needs_context', 'typo'];
export const correctionRequiredVerdicts: readonly Verdict[] = ['inaccurate', 'misleading', 'typo'];

/** What a correction replaces: exactly the claim's span, or the claim's whole sentence. */
export const correctionScopes = ['passage', 'sentence'] as const;
export type CorrectionScope = (typeof correctionScopes)[number];
export const correctionScopeLabels: Record<CorrectionScope, string> = {
  passage: 'Replace the highlighted passage',
  sentence: 'Replace the whole sentence',
};

export const stances = ['supports', 'refutes', 'context'] as const;
export type Stance = (typeof stances)[number];

export const statusLabels: Record<ClaimStatus, string> = {
  open: 'Open',
  in_review: 'In review',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
};
export const verdictLabels: Record<Verdict, string> = {
  accurate: 'Accurate',
  inaccurate: 'Inaccurate',
  misleading: 'Misleading',
  needs_context: 'Needs context',
  unverifiable: 'Unverifiable',
  typo: 'Typo',
};
export const kindLabels: Record<ClaimKind, string> = {
  statistic: 'Statistic',
  date: 'Date',
  quote: 'Quote',
  attribution: 'Attribution',
  reference: 'Reference',
  spelling: 'Spelling',
  event: 'Event',
  other: 'Other',
};
export const stanceLabels: Record<Stance, string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context' };
