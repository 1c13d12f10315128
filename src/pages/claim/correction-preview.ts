import type { Db } from '../../db/database.js';
import { defaultClaimStatement, sentenceSpan, type SentenceText } from '../../reports/sentence-scope.js';
import type { Claim } from '../../claims/claim.js';
import { errorVerdicts } from '../../claims/claim-vocabulary.js';

/** What the claim page needs to preview a correction and say how it combines with others. */
export interface CorrectionView {
  /** The claim's sentence split around the claim: a passage correction replaces `quote`, a sentence correction all three. */
  sentence: { before: string; quote: string; after: string };
  /** The default claim statement: the sentence on one line, trimmed to the statement's limit. */
  defaultStatement: string;
  /** The sentence-scope correction of another claim that covers this claim's passage correction. */
  supersededBy: number | null;
  /** Passage corrections of other claims that this claim's sentence correction covers. */
  supersedes: number[];
}

/**
 * The claim's sentence for the preview, and which accepted corrections of the same sentence
 * supersede or are superseded by this one (one query over that sentence's claims, only when this
 * claim's own correction is accepted).
 */
export async function correctionView(db: Db, doc: SentenceText, claim: Claim): Promise<CorrectionView> {
  const span = sentenceSpan(doc, claim.start, claim.end);
  const sentence = { before: doc.text.slice(span.start, claim.start), quote: claim.quote, after: doc.text.slice(claim.end, span.end) };
  const defaultStatement = defaultClaimStatement(doc.text.slice(span.start, span.end));
  // Only an accepted correction can supersede or be superseded: the page of any other claim needs no query.
  if (claim.status !== 'resolved' || claim.correction === null) return { sentence, defaultStatement, supersededBy: null, supersedes: [] };
  const others = await db
    .selectFrom('claims')
    .select(['id', 'correction_scope'])
    .where('document_id', '=', claim.documentId)
    .where('sentence_index', '=', claim.sentenceIndex)
    .where('id', '<>', claim.id)
    .where('status', '=', 'resolved')
    .where('verdict', 'in', [...errorVerdicts])
    .where('correction', 'is not', null)
    .orderBy('id')
    .execute();
  const supersededBy = claim.correctionScope === 'passage' ? (others.find((o) => o.correction_scope === 'sentence')?.id ?? null) : null;
  const supersedes = claim.correctionScope === 'sentence' ? others.filter((o) => o.correction_scope === 'passage').map((o) => o.id) : [];
  return { sentence, defaultStatement, supersededBy, supersedes };
}
