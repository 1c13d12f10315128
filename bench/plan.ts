/**
 * The benchmark workspace, planned in memory: documents generated from the sentence bank, their
 * claims found by the real extractor (so every quote is `text.slice(start, end)` and kinds,
 * scores and reasons look like production), then thinned to the wanted count and given a review
 * state in realistic proportions. Deterministic for a given seed.
 */
import { extract } from '../src/extraction/index.js';
import type { ClaimCandidate } from '../src/extraction/index.js';
import type { ClaimStatus, Verdict } from '../src/claims/claim-vocabulary.js';
import { textGenerator, type TextGenerator } from './text.js';

export interface PlannedClaim extends ClaimCandidate {
  status: ClaimStatus;
  verdict: Verdict | null;
  correction: string | null;
  explanation: string | null;
  /** Index into the workspace's reviewers (0-based), or null when unassigned. */
  assignee: number | null;
}

export interface PlannedDocument {
  title: string;
  language: string;
  text: string;
  sentenceStarts: number[];
  /** Days before now that it was imported. */
  ageDays: number;
  claims: PlannedClaim[];
}

export interface WorkspaceSpec {
  documents: number;
  claims: number;
  /** Claim counts of the named documents measured on their own (report, reader). */
  featured: readonly number[];
  seed: number;
}

// Claims found per character of generated text, measured; documents are sized to give a third more
// candidates than needed, so thinning keeps the extractor's mix of kinds.
const CANDIDATES_PER_CHAR = 0.025;

/** Claim counts per document: the featured ones first, the rest spread with ±60% variation. */
export function claimCounts(spec: WorkspaceSpec, g: TextGenerator): number[] {
  const featured = spec.featured.slice(0, spec.documents);
  const rest = spec.documents - featured.length;
  const remaining = Math.max(0, spec.claims - featured.reduce((a, b) => a + b, 0));
  if (rest === 0) return featured;
  const weights = Array.from({ length: rest }, () => 0.4 + 1.2 * g.rand());
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((remaining * w) / total)));
  let missing = remaining - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % rest, missing--) counts[i]! += 1;
  return [...featured, ...counts];
}

/** Plans the whole workspace; `onProgress` is told how many documents are done. */
export function planWorkspace(spec: WorkspaceSpec, onProgress?: (done: number) => void): PlannedDocument[] {
  const g = textGenerator(spec.seed);
  const counts = claimCounts(spec, g);
  return counts.map((wanted, i) => {
    const doc = planDocument(g, i, wanted, i < spec.featured.length ? 0.8 : g.rand());
    if ((i + 1) % 100 === 0) onProgress?.(i + 1);
    return doc;
  });
}

function planDocument(g: TextGenerator, index: number, wanted: number, progress: number): PlannedDocument {
  let text = g.article(Math.ceil((wanted * 1.35) / CANDIDATES_PER_CHAR));
  let result = extract(text);
  while (result.claims.length < wanted) {
    text += g.article(Math.ceil(((wanted - result.claims.length) * 1.5) / CANDIDATES_PER_CHAR));
    result = extract(text);
  }
  const keep = thin(result.claims, wanted, g);
  return {
    title: `Ulat ${index + 1}: ${g.pick(['Ang digmaan sa Iraq', 'Budget hearing', 'Presyo ng bigas', 'Security Council vote', 'Halalan sa Mindanao', 'Refugee figures'])}`,
    language: result.language,
    text,
    sentenceStarts: result.sentences.map((s) => s.start),
    ageDays: g.int(0, 365),
    claims: keep.map((c) => ({ ...c, ...reviewState(g, progress, c) })),
  };
}

/** `wanted` candidates chosen uniformly, kept in text order. */
function thin<T>(xs: readonly T[], wanted: number, g: TextGenerator): T[] {
  const chosen = new Set<number>();
  const indexes = xs.map((_, i) => i);
  for (let i = 0; i < wanted; i++) {
    const j = i + Math.floor(g.rand() * (indexes.length - i));
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
    chosen.add(indexes[i]!);
  }
  return xs.filter((_, i) => chosen.has(i));
}

const VERDICT_WEIGHTS: [Verdict, number][] = [
  ['accurate', 0.45],
  ['inaccurate', 0.18],
  ['misleading', 0.1],
  ['needs_context', 0.1],
  ['unverifiable', 0.1],
  ['typo', 0.07],
];

/**
 * A document `progress` of the way through review: about half its claims decided when progress
 * is 1, a fifth in review early on. Averaged over documents: 55% open, 12% in review, 25%
 * resolved, 8% dismissed.
 */
function reviewState(g: TextGenerator, progress: number, c: ClaimCandidate): Omit<PlannedClaim, keyof ClaimCandidate> {
  const r = g.rand();
  const resolved = 0.5 * progress;
  const dismissed = resolved + 0.15 * progress;
  const inReview = dismissed + 0.2 * (1 - progress) + 0.05;
  const status: ClaimStatus = r < resolved ? 'resolved' : r < dismissed ? 'dismissed' : r < inReview ? 'in_review' : 'open';
  const verdict = status === 'resolved' ? weighted(g, VERDICT_WEIGHTS) : null;
  const wrong = verdict === 'inaccurate' || verdict === 'misleading' || verdict === 'typo';
  const assigned = g.rand() < (status === 'open' ? 0.2 : 0.8);
  return {
    status,
    verdict,
    correction: wrong ? (c.suggestion ?? `Dapat ay: ${c.quote.replace(/\d/, (d) => String((Number(d) + 1) % 10))}`) : null,
    explanation:
      status === 'resolved'
        ? g.pick([
            'Checked against the official figures.',
            'Ayon sa opisyal na tala ng ahensya.',
            'Two independent sources disagree with the article.',
            'Kinumpirma ng tagapagsalita.',
          ])
        : null,
    assignee: assigned ? g.int(0, 5) : null,
  };
}

function weighted<T>(g: TextGenerator, options: readonly [T, number][]): T {
  let r = g.rand();
  for (const [value, w] of options) {
    r -= w;
    if (r < 0) return value;
  }
  return options.at(-1)![0];
}
