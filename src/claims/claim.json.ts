import { correctedSentence, type SentenceText } from '../reports/sentence-scope.js';
import type { Claim } from './claim.js';

/**
 * The API shape of a claim. Given its document's text, it carries `correctedSentence`: the
 * claim's sentence as it will read with this correction applied (null without a correction).
 */
export function claimJson(c: Claim, doc?: SentenceText) {
  return {
    id: c.id,
    documentId: c.documentId,
    start: c.start,
    end: c.end,
    quote: c.quote,
    sentenceIndex: c.sentenceIndex,
    kind: c.kind,
    score: c.score,
    reasons: c.reasons,
    suggestion: c.suggestion,
    origin: c.origin,
    status: c.status,
    verdict: c.verdict,
    proposedVerdict: c.proposedVerdict,
    correction: c.correction,
    correctionScope: c.correctionScope,
    claimStatement: c.claimStatement,
    ...(doc ? { correctedSentence: correctedSentence(doc, c) } : {}),
    explanation: c.explanation,
    assignee: c.assigneeId ? { id: c.assigneeId, name: c.assigneeName } : null,
    resolvedBy: c.resolvedById ? { id: c.resolvedById, name: c.resolvedByName } : null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}
