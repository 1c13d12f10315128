import type { Request } from 'express';
import { cachedRead } from '../../db/read-cache.js';
import { renderView } from '../../http/view-engine.js';
import { viewCan } from '../../can.js';
import { timeHelpers } from '../../web/view-helpers.js';
import { bulkStatusesFor } from '../../claims/bulk.js';
import { queueSortLabels, queueSorts, type QueuePage, type QueueQuery, type QueueRow } from '../../claims/claim-queue.js';
import { listQueueRows, type QueueFilterOptions } from '../../claims/claim-queue.service.js';

/**
 * One page of the queue with its table rows rendered, and, when no form was sent back with
 * errors to show, its filter form and bulk actions too.
 */
export interface QueueView {
  page: QueuePage<QueueRow>;
  /** UTF-8, ready to send (`sendWithKeptParts`). */
  rowsHtml: Buffer;
  filtersHtml?: Buffer;
  bulkBarHtml?: Buffer;
}

/**
 * The queue page's rows, filters and bulk actions, read and rendered, or kept from a request that
 * asked the same: a newsroom's desk asks the same few queues again and again, and at 100,000
 * claims reading and rendering them is most of a page's cost. What is kept lasts until a claim,
 * a note, a source, a document or a user changes, in any process (src/db/read-cache.ts), and is
 * shared by every actor of the same role (the role decides the checkboxes and the actions).
 * What the form's own request carries (the CSRF token, the way back) is never part of it, and a
 * bulk form sent back with ticked boxes is rendered afresh.
 */
export async function queueView(
  req: Request,
  query: QueueQuery,
  values: Record<string, unknown>,
  options: QueueFilterOptions,
  selected: ReadonlySet<number>,
): Promise<QueueView> {
  const actor = req.actor!;
  const can = viewCan(actor);
  const research = can.research;
  // The rows show dates, so the kept copy is per time zone as well as per role.
  const zone = actor.timeZone ?? 'UTC';
  const read = async (): Promise<QueueView> => {
    const page = await listQueueRows(req.ctx, actor, query, options.everyone);
    const bulk = { values: {}, errors: {}, statuses: bulkStatusesFor(actor) };
    const [rowsHtml, filtersHtml, bulkBarHtml] = await Promise.all([
      renderView(req.app, 'claims/queue-rows', { page, research, selected, ...timeHelpers(zone) }),
      renderView(req.app, 'partials/queue-filters', { values, errors: {}, options, sorts: queueSorts, sortLabels: queueSortLabels }),
      research ? renderView(req.app, 'claims/bulk-bar', { bulk, options, can }) : undefined,
    ]);
    const utf8 = (html: string) => Buffer.from(html, 'utf8');
    return {
      page,
      rowsHtml: utf8(rowsHtml),
      filtersHtml: utf8(filtersHtml),
      ...(bulkBarHtml === undefined ? {} : { bulkBarHtml: utf8(bulkBarHtml) }),
    };
  };
  if (selected.size > 0) return read();
  // `assignee=me` is a different list for each actor; every other query reads the same rows for
  // all. The form shows the query as typed, so that is the key.
  const key = `queue:${actor.role}:${zone}:${query.assignee === 'me' ? actor.id : ''}:${JSON.stringify(values)}`;
  // The page's row objects are kept beside their HTML; counted as about as large again.
  return cachedRead(
    req.ctx.cache,
    key,
    ['claims', 'claim_notes', 'claim_sources', 'documents', 'users'],
    read,
    (v) => 2 * (v.rowsHtml.length + v.filtersHtml!.length + (v.bulkBarHtml?.length ?? 0)),
  );
}
