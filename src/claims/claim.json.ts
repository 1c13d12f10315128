import { correctedSentence, type SentenceText } from '../reports/sentence-scope.js';
import type { Claim } from './claim.js';

/** The API shape of a claim. */
export function claimJson(c: Claim) {
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
    findings: c.findings,
    origin: c.origin,
    status: c.status,
    verdict: c.verdict,
    proposedVerdict: c.proposedVerdict,
    correction: c.correction,
    correctionScope: c.correctionScope,
    claimStatement: c.claimStatement,
    explanation: c.explanation,
    assignee: c.assigneeId ? { id: c.assigneeId, name: c.assigneeName } : null,
    resolvedBy: c.resolvedById ? { id: c.resolvedById, name: c.resolvedByName } : null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

/**
 * One claim as the claim API returns it: with `correctedSentence`, the claim's sentence as it will
 * read with this correction applied (null without a correction), cut from its document's text.
 */
export function claimDetailJson(c: Claim, doc: SentenceText) {
  return { ...claimJson(c), correctedSentence: correctedSentence(doc, c) };
}
