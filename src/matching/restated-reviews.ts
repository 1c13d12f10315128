/**
 * Sentences that restate a claim the desk already reviewed become claims of their own, even when
 * the claim finder skipped them. The finder looks for figures, dates, quotations and attributions;
 * a restated event ("No Iraqi weapons of mass destruction have been found since the invasion")
 * carries none, so without this a newsroom's earlier verdict on it is never offered again.
 */
import type { ClaimKind } from '../claims/claim-vocabulary.js';
import type { NewClaimRow } from '../claims/claim.repository.js';
import type { Tx } from '../db/database.js';
import type { ExtractionResult } from '../extraction/index.js';
import { claimTerms } from './claim-terms.js';
import { scoreMatch } from './match-score.js';
import { findCandidates, findResolvedKinds, type MatchKey } from './match.repository.js';
import { RETRIEVAL } from './match.service.js';

/** A sentence with fewer words than this is a heading or a fragment, not a restated claim. */
const MIN_SENTENCE_WORDS = 4;

/**
 * The claims to add for the sentences of `text` in which extraction found nothing and which match
 * a resolved claim of another document above the match threshold: the whole sentence, of the
 * matched claim's kind, saying which claim it restates. At most `room` of them (the document's
 * claim limit still holds). Runs in the import's transaction, before the document's own keys are
 * stored, so a document never restates itself.
 */
export async function restatedReviewClaims(
  trx: Tx,
  documentId: number,
  text: string,
  extraction: ExtractionResult,
  room: number,
): Promise<NewClaimRow[]> {
  if (room <= 0) return [];
  const flagged = new Set(extraction.claims.map((c) => c.sentenceIndex));
  const sentences = extraction.sentences.filter(
    (s) => !flagged.has(s.index) && text.slice(s.start, s.end).split(/\s+/).length >= MIN_SENTENCE_WORDS,
  );
  if (sentences.length === 0) return [];
  // Sentences are not claims yet, so they travel under negative ids that no claim can have.
  const keys: MatchKey[] = sentences.map((s) => {
    const sentence = text.slice(s.start, s.end);
    return { claimId: -s.index, documentId, spelling: false, ...claimTerms(sentence, sentence) };
  });
  const candidates = await findCandidates(trx, keys, { ...RETRIEVAL, resolvedOnly: true });
  const best = new Map<number, { otherId: number; score: number }>();
  for (const c of candidates) {
    const scored = scoreMatch({ terms: c.terms, focus: c.focus }, { terms: c.otherTerms, focus: c.otherFocus }, c.trigram);
    if (!scored) continue;
    const held = best.get(c.claimId);
    // Of equal scores the earlier claim, so the choice does not depend on the order rows arrive in.
    if (!held || scored.score > held.score || (scored.score === held.score && c.otherId < held.otherId))
      best.set(c.claimId, { otherId: c.otherId, score: scored.score });
  }
  if (best.size === 0) return [];
  const kinds = await findResolvedKinds(
    trx,
    [...best.values()].map((b) => b.otherId),
  );
  const rows: NewClaimRow[] = [];
  for (const s of sentences) {
    const match = best.get(-s.index);
    const kind = match && kinds.get(match.otherId);
    if (!match || !kind) continue;
    rows.push({
      documentId,
      start: s.start,
      end: s.end,
      quote: text.slice(s.start, s.end),
      sentenceIndex: s.index,
      kind: kind as ClaimKind,
      score: Math.round(match.score * 100) / 100,
      reasons: [`restates claim #${match.otherId}, already reviewed`],
      suggestion: null,
      findings: [],
      origin: 'extracted',
    });
  }
  return rows.slice(0, room);
}
