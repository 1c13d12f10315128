import { sql, type ExpressionBuilder } from 'kysely';
import type { Verdict } from '../claims/claim-vocabulary.js';
import { checkedStatuses } from '../claims/progress.js';
import type { Database, Db } from '../db/database.js';
import type { ReportFilter, ReportSummary } from './report.js';

type ClaimsEb = ExpressionBuilder<Database, 'claims'>;

/** The resolved-at window of a filter as UTC instants: [from 00:00, day after `to` 00:00). */
function resolvedWindow(filter: ReportFilter): { since: Date | null; until: Date | null } {
  const since = filter.from ? new Date(`${filter.from}T00:00:00Z`) : null;
  const until = filter.to ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) : null;
  return { since, until };
}

function inScope(eb: ClaimsEb, filter: ReportFilter) {
  return filter.documentId === undefined ? eb.lit(true) : eb('claims.document_id', '=', filter.documentId);
}

/** Resolved claims inside the date window (every resolved claim when there is none). */
function resolvedInWindow(eb: ClaimsEb, filter: ReportFilter) {
  const { since, until } = resolvedWindow(filter);
  return eb.and([
    eb('claims.status', '=', 'resolved'),
    ...(since ? [eb('claims.resolved_at', '>=', since)] : []),
    ...(until ? [eb('claims.resolved_at', '<', until)] : []),
  ]);
}

/** The claims a report lists: the filter's verdicts, plus undecided claims when asked. */
export function listed(eb: ClaimsEb, filter: ReportFilter) {
  const decided = filter.verdicts.length
    ? eb.and([resolvedInWindow(eb, filter), eb('claims.verdict', 'in', [...filter.verdicts])])
    : eb.lit(false);
  const either = filter.includeOpen ? eb.or([decided, eb('claims.status', 'in', ['open', 'in_review'])]) : decided;
  return eb.and([inScope(eb, filter), either]);
}

/**
 * The summary on top of a report, in three aggregate queries whatever the claim count: review
 * progress over the whole scope, and errors, reviewers and dates over the resolved claims in the
 * filter's date window.
 */
export async function summariseClaims(db: Db, filter: ReportFilter): Promise<ReportSummary> {
  const errorVerdicts: Verdict[] = ['inaccurate', 'misleading', 'needs_context', 'typo'];
  const counted = errorVerdicts.filter((v) => filter.verdicts.includes(v));
  const c = await db
    .selectFrom('claims')
    .where((eb) => inScope(eb, filter))
    .select((eb) => {
      const errorCount = (v: Verdict) =>
        counted.includes(v)
          ? sql<number>`(count(*) FILTER (WHERE ${eb.and([resolvedInWindow(eb, filter), eb('claims.verdict', '=', v)])}))::int`
          : sql<number>`0`;
      return [
        sql<number>`count(*)::int`.as('claims'),
        sql<number>`(count(*) FILTER (WHERE ${eb('status', 'in', [...checkedStatuses])}))::int`.as('checked'),
        sql<number>`(count(*) FILTER (WHERE status = 'dismissed'))::int`.as('dismissed'),
        sql<number>`(count(*) FILTER (WHERE status IN ('open', 'in_review')))::int`.as('unreviewed'),
        sql<number>`(count(DISTINCT (document_id, sentence_index)) FILTER (WHERE status IN ('open', 'in_review')))::int`.as(
          'unreviewed_sentences',
        ),
        errorCount('inaccurate').as('inaccurate'),
        errorCount('misleading').as('misleading'),
        errorCount('needs_context').as('needs_context'),
        errorCount('typo').as('typo'),
        sql<Date | null>`min(resolved_at) FILTER (WHERE ${resolvedInWindow(eb, filter)})`.as('first_resolved'),
        sql<Date | null>`max(resolved_at) FILTER (WHERE ${resolvedInWindow(eb, filter)})`.as('last_resolved'),
      ];
    })
    .executeTakeFirstOrThrow();
  const d = await db
    .selectFrom('documents')
    .$if(filter.documentId !== undefined, (q) => q.where('id', '=', filter.documentId!))
    .select([sql<number>`count(*)::int`.as('documents'), sql<number>`coalesce(sum(cardinality(sentence_starts)), 0)::int`.as('sentences')])
    .executeTakeFirstOrThrow();
  const reviewers = await db
    .selectFrom('claims')
    .innerJoin('users as u', 'u.id', 'claims.resolved_by')
    .where((eb) => eb.and([inScope(eb, filter), resolvedInWindow(eb, filter)]))
    .select(['u.display_name as name', sql<number>`count(*)::int`.as('claims')])
    .groupBy('u.display_name')
    .orderBy('claims', 'desc')
    .orderBy('u.display_name')
    .execute();
  const errors = { inaccurate: c.inaccurate, misleading: c.misleading, needs_context: c.needs_context, typo: c.typo };
  return {
    documents: d.documents,
    claims: c.claims,
    checked: c.checked,
    dismissed: c.dismissed,
    unreviewed: c.unreviewed,
    sentences: d.sentences,
    unreviewedSentences: c.unreviewed_sentences,
    errors: { ...errors, total: errors.inaccurate + errors.misleading + errors.needs_context + errors.typo },
    reviewers,
    reviewPeriod: { from: toDate(c.first_resolved), to: toDate(c.last_resolved) },
  };
}

// Aggregates over timestamptz come back as Date from pg and PGlite alike, but min() over no rows is null.
const toDate = (v: Date | string | null) => (v === null ? null : new Date(v));

/** Ids of the documents holding listed claims, in id order (one query; a workspace report walks them). */
export async function findReportDocumentIds(db: Db, filter: ReportFilter): Promise<number[]> {
  const rows = await db
    .selectFrom('claims')
    .where((eb) => listed(eb, filter))
    .select('claims.document_id')
    .distinct()
    .orderBy('claims.document_id')
    .execute();
  return rows.map((r) => r.document_id);
}
