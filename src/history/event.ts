/** One entry of a claim's history, as services return it. */
export interface ClaimEvent {
  id: number;
  claimId: number;
  documentId: number;
  actorId: number | null;
  actorName: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: Date;
}

/** Human wording of each action, for the timeline and the activity feed. */
export const actionLabels: Record<string, string> = {
  'claim.created': 'flagged the claim',
  'claim.updated': 'changed',
  'claim.merged': 'merged claims',
  'claim.split': 'split the claim',
  'claim.reextracted': 'updated from re-extraction',
  'claim.reused': 'reused a review',
  'source.added': 'added a source',
  'source.edited': 'edited a source',
  'source.removed': 'removed a source',
  'note.added': 'added a note',
  'note.edited': 'edited a note',
  'correction.published': 'published the correction covering this claim',
};
