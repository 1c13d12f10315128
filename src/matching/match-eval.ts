/**
 * The matching evaluation (npm run eval:match, and the acceptance test): each item of
 * tests/fixtures/match-eval.jsonl is imported on its own into a workspace holding the reviewed
 * seed, its matches are read, and its document is deleted again so items never see each other.
 */
import { readFileSync } from 'node:fs';
import type { Ctx } from '../context.js';
import { findClaimsByDocumentId } from '../claims/claim.repository.js';
import { importDocument } from '../documents/document.service.js';
import { cliActor } from '../users/permissions.js';
import { findMatchesOf } from './match.repository.js';
import { MATCH_LIMIT } from './match-score.js';

export interface EvalItem {
  id: string;
  type: 'restatement' | 'distractor';
  language: string;
  text: string;
  targets: { sentence: number; quote: string }[];
}

export interface ItemResult {
  item: EvalItem;
  /** Seed claim ids the item restates. */
  targetIds: number[];
  /** Matched claim ids, best first (over all the item's claims). */
  ranked: number[];
  claims: number;
}

export interface PairFigures {
  pair: string;
  restatements: number;
  successAt1: number;
  successAt5: number;
  distractors: number;
  falseMatchRate: number;
}

export function readEvalItems(file: URL | string): EvalItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalItem);
}

/** Runs every item against the seed document `seedId` (language `seedLanguage`). */
export async function runMatchEval(ctx: Ctx, seedId: number, items: readonly EvalItem[]): Promise<ItemResult[]> {
  const seedClaims = await findClaimsByDocumentId(ctx.db, seedId);
  const results: ItemResult[] = [];
  for (const item of items) {
    const targetIds = item.targets.flatMap((t) =>
      seedClaims.filter((c) => c.sentenceIndex === t.sentence && c.quote === t.quote).map((c) => c.id),
    );
    const { document, claims } = await importDocument(ctx, cliActor, {
      title: `eval ${item.id}`,
      text: item.text,
      language: item.language,
    });
    // Kept in the order the matches are read (reviewed claims first among equal scores).
    const best = new Map<number, number>();
    for (const claim of claims) {
      for (const m of await findMatchesOf(ctx.db, claim.id, MATCH_LIMIT)) best.set(m.claimId, Math.max(best.get(m.claimId) ?? 0, m.score));
    }
    results.push({ item, targetIds, ranked: [...best.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id), claims: claims.length });
    await ctx.db.deleteFrom('documents').where('id', '=', document.id).execute();
  }
  return results;
}

const rate = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

/** success@1, success@5 and the false-match rate per language pair (item language → seed language). */
export function summarise(results: readonly ItemResult[], seedLanguage: string): PairFigures[] {
  const pairs = [...new Set(results.map((r) => `${r.item.language}→${seedLanguage}`))];
  return pairs.map((pair) => {
    const mine = results.filter((r) => `${r.item.language}→${seedLanguage}` === pair);
    const restatements = mine.filter((r) => r.item.type === 'restatement');
    const distractors = mine.filter((r) => r.item.type === 'distractor');
    const at = (r: ItemResult, k: number) => r.ranked.slice(0, k).some((id) => r.targetIds.includes(id));
    return {
      pair,
      restatements: restatements.length,
      successAt1: rate(restatements.filter((r) => at(r, 1)).length, restatements.length),
      successAt5: rate(restatements.filter((r) => at(r, 5)).length, restatements.length),
      distractors: distractors.length,
      falseMatchRate: rate(distractors.filter((r) => r.ranked.length > 0).length, distractors.length),
    };
  });
}
