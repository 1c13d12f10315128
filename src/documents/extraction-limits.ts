import type { Config } from '../config.js';
import { extract, ExtractionTimeout, type ExtractionResult } from '../extraction/index.js';
import { unprocessable } from '../http/errors.js';

/**
 * Extraction bounded as the settings say: refused (422) when it runs past EXTRACTION_TIMEOUT_MS
 * or proposes more than MAX_CLAIMS_PER_DOCUMENT claims, before anything is written. On PGlite a
 * request holds the one connection while it inserts, so an unbounded import stalls everyone.
 */
export function boundedExtract(
  config: Pick<Config, 'maxClaimsPerDocument' | 'extractionTimeoutMs'>,
  text: string,
  language: string | undefined,
  alreadyStored = 0,
  publishedAt?: Date | null,
): ExtractionResult {
  let extraction: ExtractionResult;
  try {
    extraction = extract(text, { ...(language ? { language } : {}), publishedAt, deadline: Date.now() + config.extractionTimeoutMs });
  } catch (err) {
    if (!(err instanceof ExtractionTimeout)) throw err;
    throw unprocessable(
      `Finding claims in this text took longer than the limit of ${config.extractionTimeoutMs / 1000} seconds (${err.message}). Split it into smaller documents.`,
      { limit: 'extractionTimeoutMs' },
    );
  }
  const total = alreadyStored + extraction.claims.length;
  if (total > config.maxClaimsPerDocument) {
    throw unprocessable(
      `This text yields ${total.toLocaleString('en')} claims, more than the limit of ${config.maxClaimsPerDocument.toLocaleString('en')} per document. Split it into smaller documents.`,
      { limit: 'maxClaimsPerDocument', claims: total, maxClaimsPerDocument: config.maxClaimsPerDocument },
    );
  }
  return extraction;
}
