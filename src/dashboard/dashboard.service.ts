import type { Ctx } from '../context.js';
import { listDocuments } from '../documents/document.service.js';
import { requirePermission, type Actor } from '../users/permissions.js';
import { chartRows, summariseActivity, type Dashboard } from './dashboard.js';
import { countClaimsByStatusAndVerdict, findOpenAssignments, findRecentActivity } from './dashboard.repository.js';
import { countClaimsResolvedByReuse } from '../matching/match.repository.js';

/**
 * Everything the home page shows: claims by status and verdict, errors found per document, the
 * actor's open assignments and the latest activity. Four queries, whatever the workspace size.
 */
export async function getDashboard(ctx: Ctx, actor: Actor, limits = { assignments: 10, activity: 15, documents: 12 }): Promise<Dashboard> {
  requirePermission(actor, 'claim.read');
  const [counts, documents, assignments, activity, resolvedByReuse] = await Promise.all([
    countClaimsByStatusAndVerdict(ctx.db),
    listDocuments(ctx, actor),
    actor.id === null ? { claims: [], total: 0 } : findOpenAssignments(ctx.db, actor.id, limits.assignments),
    findRecentActivity(ctx.db, limits.activity),
    countClaimsResolvedByReuse(ctx.db),
  ]);
  const { byStatus, byVerdict } = chartRows(counts);
  return {
    byStatus,
    byVerdict,
    totalClaims: byStatus.reduce((n, r) => n + r.count, 0),
    resolvedByReuse,
    documents: documents
      .filter((d) => d.claimCount > 0)
      .sort((a, b) => b.errorCount - a.errorCount || b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, limits.documents),
    assignments,
    activity: activity.map((item) => ({ ...item, summary: summariseActivity(item) })),
  };
}
