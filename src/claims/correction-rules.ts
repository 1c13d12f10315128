import type { Config } from '../config.js';
import type { Tx } from '../db/database.js';
import { invalid } from '../http/errors.js';
import type { Claim, ClaimPatch } from './claim.js';
import type { ReviewState } from './claim-rules.js';
import { errorVerdicts, verdictLabels, type CorrectionScope } from './claim-vocabulary.js';

export interface CorrectionState {
  correction: string | null;
  correctionScope: CorrectionScope;
  warnings: string[];
}

/**
 * The rules that make a correction publishable, applied after the review rules (they need the
 * database: the claim's sources and the other corrections of its document).
 * - a sentence-scope correction replaces the whole sentence, so it cannot be empty;
 * - a typo resolved without a correction takes its spelling suggestion, unless another correction
 *   already rewrites its span; with neither it is refused, naming the field;
 * - an inaccurate or misleading verdict should cite a refuting or context source: a warning, or a
 *   refusal with REQUIRE_EVIDENCE=1.
 */
export async function applyCorrectionRules(
  trx: Tx,
  config: Pick<Config, 'requireEvidence'>,
  current: Claim,
  patch: ClaimPatch,
  next: ReviewState,
): Promise<CorrectionState> {
  const correctionScope = patch.correctionScope ?? current.correctionScope;
  let correction = next.correction;
  const warnings: string[] = [];
  if (correctionScope === 'sentence' && (patch.correctionScope !== undefined || patch.correction !== undefined) && !correction?.trim()) {
    throw invalid(
      'correction',
      'is empty, but a sentence correction replaces the whole sentence: write the sentence as it should read, or choose to replace the highlighted passage',
    );
  }
  const deciding = patch.status !== undefined || patch.verdict !== undefined || patch.correction !== undefined;
  if (
    deciding &&
    next.status === 'resolved' &&
    next.verdict === 'typo' &&
    correction === null &&
    !(await isCoveredByAnotherCorrection(trx, current))
  ) {
    if (!current.suggestion)
      throw invalid(
        'correction',
        'is required to resolve a claim as a typo: this claim has no spelling suggestion to use, so write the corrected spelling',
      );
    correction = current.suggestion;
  }
  const verdictSet = patch.status !== undefined || patch.verdict !== undefined;
  if (
    verdictSet &&
    next.status === 'resolved' &&
    (next.verdict === 'inaccurate' || next.verdict === 'misleading') &&
    !(await hasEvidence(trx, current.id))
  ) {
    const message = `A verdict of “${verdictLabels[next.verdict]}” should cite a source that refutes the claim or gives its context; add one under Sources.`;
    if (config.requireEvidence) throw invalid('verdict', message);
    warnings.push(message);
  }
  return { correction, correctionScope, warnings };
}

/** A typo inside a passage another accepted correction rewrites (or a sentence another replaces whole). */
async function isCoveredByAnotherCorrection(trx: Tx, claim: Claim): Promise<boolean> {
  const row = await trx
    .selectFrom('claims')
    .select('id')
    .where('document_id', '=', claim.documentId)
    .where('id', '<>', claim.id)
    .where('status', '=', 'resolved')
    .where('verdict', 'in', [...errorVerdicts])
    .where('correction', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('correction_scope', '=', 'passage'), eb('start_offset', '<=', claim.start), eb('end_offset', '>=', claim.end)]),
        eb.and([eb('correction_scope', '=', 'sentence'), eb('sentence_index', '=', claim.sentenceIndex)]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function hasEvidence(trx: Tx, claimId: number): Promise<boolean> {
  const row = await trx
    .selectFrom('claim_sources')
    .select('id')
    .where('claim_id', '=', claimId)
    .where('stance', 'in', ['refutes', 'context'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
