import { sql, type Expression, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { ClaimTerms } from './claim-terms.js';

export interface ClaimText {
  claimId: number;
  documentId: number;
  kind: string;
  quote: string;
  sentence: string;
}

/**
 * Claims with the sentence each stands in. The sentence is cut in the application, from each
 * document's body read once: cut in SQL, every claim's row would read the whole body again (a
 * 3 MB article with 34,000 claims read 100 GB of text, and took minutes to import).
 */
export async function findClaimTexts(db: Db, claimIds: readonly number[]): Promise<ClaimText[]> {
  if (claimIds.length === 0) return [];
  const claims = await db
    .selectFrom('claims')
    .select(['id', 'document_id', 'kind', 'quote', 'sentence_index'])
    .where('id', '=', (eb) => eb.fn<number>('any', [sql<number[]>`${[...claimIds]}::integer[]`]))
    .execute();
  const documentIds = [...new Set(claims.map((c) => c.document_id))];
  const documents = new Map<number, { body: string; sentence_starts: number[] }>();
  if (documentIds.length > 0) {
    for (const d of await db.selectFrom('documents').select(['id', 'body', 'sentence_starts']).where('id', 'in', documentIds).execute())
      documents.set(d.id, d);
  }
  return claims.map((c) => {
    const d = documents.get(c.document_id)!;
    // sentence_index counts from 1, as PostgreSQL's arrays do.
    const start = d.sentence_starts[c.sentence_index - 1] ?? 0;
    const end = d.sentence_starts[c.sentence_index] ?? d.body.length;
    return { claimId: c.id, documentId: c.document_id, kind: c.kind, quote: c.quote, sentence: d.body.slice(start, end) };
  });
}

/** Claims that have no match key yet (claims loaded before matching existed), oldest first. */
export async function findClaimsWithoutKeys(db: Db, limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT c.id FROM claims c WHERE NOT EXISTS (SELECT 1 FROM claim_match_keys k WHERE k.claim_id = c.id) ORDER BY c.id LIMIT ${limit}`.execute(
    db,
  );
  return rows.map((r) => r.id);
}

/** A document's claims that have no match key yet (still waiting for background matching), oldest first. */
export async function findClaimsWithoutKeysOfDocument(db: Db, documentId: number, limit: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT c.id FROM claims c
    WHERE c.document_id = ${documentId} AND NOT EXISTS (SELECT 1 FROM claim_match_keys k WHERE k.claim_id = c.id)
    ORDER BY c.id LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/** How many of a document's claims are matched and how many it has (the reader's progress line). */
export async function countMatchedClaimsOfDocument(db: Db, documentId: number): Promise<{ matched: number; total: number }> {
  // Two counts on the document_id indexes, not a join: the reader asks on every view.
  const { rows } = await sql<{ matched: number; total: number }>`
    SELECT (SELECT count(*) FROM claim_match_keys WHERE document_id = ${documentId})::int AS matched,
      (SELECT count(*) FROM claims WHERE document_id = ${documentId})::int AS total`.execute(db);
  return { matched: rows[0]?.matched ?? 0, total: rows[0]?.total ?? 0 };
}

/** Replaces the keys of these claims, and forgets their matches both ways round. */
export type MatchKey = ClaimTerms & { claimId: number; documentId: number; spelling: boolean };

/** Forgets the keys of these claims, and their matches both ways round. */
export async function deleteMatchKeys(trx: Tx, ids: readonly number[]): Promise<void> {
  // One array parameter, not one parameter per id: a long article's claims outnumber the 65,535 a statement may bind.
  const list = sql<number[]>`${[...ids]}::integer[]`;
  await trx
    .deleteFrom('claim_matches')
    .where((eb) => eb.or([eb('claim_id', '=', eb.fn<number>('any', [list])), eb('matched_claim_id', '=', eb.fn<number>('any', [list]))]))
    .execute();
  await trx
    .deleteFrom('claim_match_keys')
    .where('claim_id', '=', (eb) => eb.fn<number>('any', [list]))
    .execute();
}

/** Stores the keys of these claims (their old keys deleted first, by deleteMatchKeys). */
export async function insertMatchKeys(trx: Tx, keys: readonly MatchKey[]): Promise<void> {
  const ids = keys.map((k) => k.claimId);
  // Terms never hold "|" (the tokenizer keeps letters, digits and . , ' - only), so each list
  // travels as one string: text[][] parameters would need equal lengths.
  await sql`
    INSERT INTO claim_match_keys (claim_id, document_id, spelling, terms, focus, words)
    SELECT claim_id, document_id, spelling, string_to_array(terms, '|'), string_to_array(focus, '|'), words
    FROM unnest(${ids}::integer[], ${keys.map((k) => k.documentId)}::integer[], ${keys.map((k) => k.spelling)}::boolean[],
      ${keys.map((k) => k.terms.join('|'))}::text[], ${keys.map((k) => k.focus.join('|'))}::text[], ${keys.map((k) => k.words)}::text[])
      AS x(claim_id, document_id, spelling, terms, focus, words)
    -- Claims without keys are visible while a long document is matched in the background, so a
    -- start-up backfill in another process or an edit may store the same claim's keys at once:
    -- the later writer keeps the earlier's (the statement triggers see only rows inserted).
    ON CONFLICT (claim_id) DO NOTHING`.execute(trx);
}

export interface Candidate {
  claimId: number;
  otherId: number;
  terms: string[];
  focus: string[];
  otherTerms: string[];
  otherFocus: string[];
  trigram: number;
}

export type RetrievalOptions = { maxDf: number; anchors: number; perAnchor: number; perClaim: number; resolvedOnly?: boolean };

type CandidateRow = {
  claim_id: number;
  other_id: number;
  other_terms: string;
  other_focus: string;
  trigram: number;
};

/** The retrieval query of findCandidates, on its own so that the benchmark can EXPLAIN it. */
export function candidatesQuery(keys: readonly MatchKey[], options: RetrievalOptions) {
  // The claims asked about travel as parameters, not as stored keys: they are looked up before
  // their own keys are stored, so a document's claims never wade through each other (a long
  // document repeats its terms; the stored keys are those of every other claim).
  return sql<CandidateRow>`
    WITH k AS (
      SELECT claim_id, document_id, spelling, string_to_array(terms, '|') AS terms, string_to_array(focus, '|') AS focus, words
      FROM unnest(${keys.map((k) => k.claimId)}::integer[], ${keys.map((k) => k.documentId)}::integer[], ${keys.map((k) => k.spelling)}::boolean[],
        ${keys.map((k) => k.terms.join('|'))}::text[], ${keys.map((k) => k.focus.join('|'))}::text[], ${keys.map((k) => k.words)}::text[])
        AS x(claim_id, document_id, spelling, terms, focus, words)
    ), q AS (
      SELECT k.claim_id, k.document_id, k.spelling, k.terms, k.focus, k.words,
        ARRAY(SELECT m.term FROM claim_match_terms m WHERE m.term = ANY(k.terms) AND m.df <= ${options.maxDf}
              ORDER BY m.df, left(m.term, 1) = 'w', m.term COLLATE "C" LIMIT ${options.anchors}) AS anchors
      FROM k
    ), hits AS (
      -- At most perAnchor claims per anchor, the oldest first: a bounded amount of work per claim
      -- however alike the stored articles are (a sentence bank repeats its words everywhere). The
      -- postings' btree hands them over in claim order and the scan stops at the limit.
      SELECT q.claim_id, h.claim_id AS other_id, count(*) AS shared
      FROM q CROSS JOIN LATERAL unnest(q.anchors) AS a(term)
      CROSS JOIN LATERAL (
        SELECT p.claim_id FROM claim_match_postings p
        WHERE p.term = a.term AND p.spelling = q.spelling AND p.document_id <> q.document_id
          ${options.resolvedOnly ? sql`AND EXISTS (SELECT 1 FROM claims c WHERE c.id = p.claim_id AND c.status = 'resolved')` : sql``}
        ORDER BY p.claim_id
        LIMIT ${options.perAnchor}
      ) h
      GROUP BY q.claim_id, h.claim_id
    ), best AS (
      SELECT claim_id, other_id FROM (
        SELECT claim_id, other_id, row_number() OVER (PARTITION BY claim_id ORDER BY shared DESC, other_id) AS n FROM hits
      ) ranked WHERE n <= ${options.perClaim}
    )
    -- The other claim's terms travel as one string each, not text[]: the driver parses arrays a
    -- character at a time, which cost more than the query itself; the asking claims' own terms
    -- are already in hand.
    SELECT q.claim_id, o.claim_id AS other_id, array_to_string(o.terms, '|') AS other_terms,
      array_to_string(o.focus, '|') AS other_focus, similarity(q.words, o.words) AS trigram
    FROM best JOIN q ON q.claim_id = best.claim_id JOIN claim_match_keys o ON o.claim_id = best.other_id`;
}

/**
 * For each claim, the claims of other documents sharing most of its distinctive terms: those
 * carried by at most `maxDf` claims, rarest first (a name every claim mentions identifies
 * nothing), figures, names and lexicon words before other words, in byte order so that both
 * engines pick the same ones whatever their collation. The postings find them; pg_trgm scores their words.
 * `resolvedOnly` keeps resolved claims only (a sentence that may restate a review).
 */
export async function findCandidates(db: Db, keys: readonly MatchKey[], options: RetrievalOptions): Promise<Candidate[]> {
  if (keys.length === 0) return [];
  const { rows } = await candidatesQuery(keys, options).execute(db);
  const asking = new Map(keys.map((k) => [k.claimId, k]));
  const split = (s: string) => (s === '' ? [] : s.split('|'));
  return rows.map((r) => {
    const k = asking.get(r.claim_id)!;
    return {
      claimId: r.claim_id,
      otherId: r.other_id,
      terms: k.terms,
      focus: k.focus,
      otherTerms: split(r.other_terms),
      otherFocus: split(r.other_focus),
      trigram: Number(r.trigram),
    };
  });
}

/** The kind of each of these claims that is resolved (a restated sentence takes its claim's kind). */
export async function findResolvedKinds(db: Db, claimIds: readonly number[]): Promise<Map<number, string>> {
  if (claimIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('claims')
    .select(['id', 'kind'])
    .where('id', 'in', [...new Set(claimIds)])
    .where('status', '=', 'resolved')
    .execute();
  return new Map(rows.map((r) => [r.id, r.kind]));
}

/** Stores scored pairs both ways round (a pair found again keeps its newest score). */
export async function insertMatches(
  trx: Tx,
  pairs: readonly { claimId: number; otherId: number; score: number; reasons: string[] }[],
): Promise<void> {
  if (pairs.length === 0) return;
  const both = pairs.flatMap((p) => [p, { ...p, claimId: p.otherId, otherId: p.claimId }]);
  const unique = [...new Map(both.map((p) => [`${p.claimId}:${p.otherId}`, p])).values()];
  await sql`
    INSERT INTO claim_matches (claim_id, matched_claim_id, score, reasons)
    SELECT * FROM unnest(${unique.map((p) => p.claimId)}::integer[], ${unique.map((p) => p.otherId)}::integer[],
      ${unique.map((p) => p.score)}::real[], ${unique.map((p) => JSON.stringify(p.reasons))}::jsonb[])
    ON CONFLICT (claim_id, matched_claim_id) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons`.execute(trx);
}

/** How many claims carry a match key (the size the retrieval limit is measured against). */
export async function countMatchKeys(db: Db): Promise<number> {
  const row = await db
    .selectFrom('claim_match_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface MatchRow {
  claimId: number;
  documentId: number;
  documentTitle: string;
  language: string;
  score: number;
  reasons: string[];
  quote: string;
  status: string;
  verdict: string | null;
  proposedVerdict: string | null;
  correction: string | null;
  explanation: string | null;
  resolvedByName: string | null;
  resolvedAt: Date | null;
}

/** A claim's stored matches, best first, with what the desk decided about each; dismissed claims are left out. */
export async function findMatchesOf(db: Db, claimId: number, limit: number): Promise<MatchRow[]> {
  const rows = await db
    .selectFrom('claim_matches as m')
    .innerJoin('claims as c', 'c.id', 'm.matched_claim_id')
    .innerJoin('documents as d', 'd.id', 'c.document_id')
    .leftJoin('users as r', 'r.id', 'c.resolved_by')
    .where('m.claim_id', '=', claimId)
    .where('c.status', '<>', 'dismissed')
    .select([
      'c.id',
      'c.document_id',
      'd.title',
      'd.language',
      'm.score',
      'm.reasons',
      'c.quote',
      'c.status',
      'c.verdict',
      'c.proposed_verdict',
      'c.correction',
      'c.explanation',
      'r.display_name as resolved_by_name',
      'c.resolved_at',
    ])
    .orderBy('m.score', 'desc')
    // Of equal scores, a claim already reviewed first: it is the one worth reusing.
    .orderBy(sql`c.status = 'resolved'`, 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    claimId: r.id,
    documentId: r.document_id,
    documentTitle: r.title,
    language: r.language,
    score: Number(r.score),
    reasons: r.reasons,
    quote: r.quote,
    status: r.status,
    verdict: r.verdict,
    proposedVerdict: r.proposed_verdict,
    correction: r.correction,
    explanation: r.explanation,
    resolvedByName: r.resolved_by_name,
    resolvedAt: r.resolved_at,
  }));
}

/**
 * Whether the claim `claimId` names has a resolved match in another document: an expression to
 * select, filter or sort by beside the claim's other columns (the reader's mark, the queue's
 * seen-before filter and sort), so a page reads it in the same query.
 */
export function hasReviewedMatch(claimId: Expression<number>): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from claim_matches m join claims mc on mc.id = m.matched_claim_id
    where m.claim_id = ${claimId} and mc.status = 'resolved')`;
}

/** The ids of a document's claims, those above `sinceId` only (a re-extraction's new ones). */
export async function findClaimIdsOfDocument(db: Db, documentId: number, sinceId = 0): Promise<number[]> {
  const rows = await db.selectFrom('claims').select('id').where('document_id', '=', documentId).where('id', '>', sinceId).execute();
  return rows.map((r) => r.id);
}

/** Resolved claims whose review was reused from a match (the dashboard's count). */
export async function countClaimsResolvedByReuse(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(DISTINCT e.claim_id)::int AS n FROM claim_events e JOIN claims c ON c.id = e.claim_id
    WHERE e.action = 'claim.reused' AND c.status = 'resolved'`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
