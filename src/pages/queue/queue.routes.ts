import { Router, type Request, type Response } from 'express';
import { flash } from '../../http/flash.js';
import { formRoute, type FieldErrors, type PageForm } from '../../http/forms.js';
import { formInput } from '../../http/validation.js';
import { bulkMessage, bulkStatusesFor, type BulkInput, validateBulkForm } from '../../claims/bulk.js';
import { bulkUpdateClaims } from '../../claims/bulk.service.js';
import { queueParams, queueSortLabels, queueSorts, validateQueueQuery, type QueueQuery } from '../../claims/claim-queue.js';
import { listQueueRows, queueFilterOptions, type QueueFilterOptions } from '../../claims/claim-queue.service.js';
import { viewCan } from '../../can.js';

/** Where to go back to after a bulk action: the queue, with its filters, and nothing else. */
const safeReturn = (raw: unknown) =>
  typeof raw === 'string' && raw.length <= 2000 && /^\/claims(\?[^#\s]*)?$/.test(raw) ? raw : '/claims';

/** A form's checkboxes arrive as one string or several; the validator wants a list. */
function bulkFormInput(body: unknown): Record<string, unknown> {
  const { returnTo: _returnTo, ...values } = formInput(body);
  if (values.claimIds !== undefined && !Array.isArray(values.claimIds)) values.claimIds = [values.claimIds];
  if (values.assigneeId === 'none') values.assigneeId = null;
  return values;
}

type BulkForm = { values: Record<string, unknown>; errors: FieldErrors };
const noBulkForm: BulkForm = { values: {}, errors: {} };

/** What the queue page shows: the filters as typed, the query they make (null when refused), the bulk form. */
interface QueueState {
  rawQuery: Record<string, unknown>;
  query: QueueQuery | null;
  errors: FieldErrors;
  bulk: BulkForm;
  status: number;
}

/** The queue's query from the address the bulk form came from, as the filters sent it. */
const returnQuery = (req: Request) => formInput(Object.fromEntries(new URL(safeReturn(req.body?.returnTo), 'http://x').searchParams));

async function renderQueue(req: Request, res: Response, state: QueueState) {
  const { rawQuery, errors, bulk, status } = state;
  const query: QueueQuery = state.query ?? { sort: 'position' };
  const selected = new Set((Array.isArray(bulk.values.claimIds) ? bulk.values.claimIds : []).map(Number));
  // The pickers and the page are read afresh on every request: keeping them did not pay on the
  // review mix (docs/BENCHMARKS.md, issue 19).
  const options: QueueFilterOptions = await queueFilterOptions(req.ctx, req.actor!, query.documentId);
  const page = state.query ? await listQueueRows(req.ctx, req.actor!, query, options.everyone) : { claims: [], nextCursor: null };
  res.status(status).render('claims/index', {
    title: 'Claims',
    query,
    values: rawQuery,
    errors,
    page,
    options,
    selected,
    research: viewCan(req.actor).research,
    bulk: { ...bulk, selected, statuses: bulkStatusesFor(req.actor) },
    sorts: queueSorts,
    sortLabels: queueSortLabels,
    returnTo: req.method === 'GET' ? req.originalUrl : safeReturn(req.body?.returnTo),
    firstPage: `/claims?${queueParams(query)}`,
    nextPage: page.nextCursor ? `/claims?${queueParams(query, page.nextCursor)}` : null,
  });
}

/** The filters: a refused query (or cursor) shows the page with the filters as typed and no rows. */
const filterForm: PageForm<QueueQuery> = {
  validate: (raw) => validateQueueQuery({ ...(raw as object) }),
  labels: { q: 'Search', documentId: 'Document', after: 'The page cursor' },
  render: (req, res, { status, values, errors }) =>
    renderQueue(req, res, { rawQuery: values, query: null, errors, bulk: noBulkForm, status }),
};

/** The bulk actions: refused input shows the queue it came from with the choices kept. */
const bulkForm: PageForm<BulkInput> = {
  validate: validateBulkForm,
  input: (req) => bulkFormInput(req.body),
  values: (req) => bulkFormInput(req.body),
  labels: {
    claimIds: 'Your selection',
    assigneeId: 'Assignee',
    action: 'Action',
    reason: 'The reason for dismissing',
    confirm: 'The confirmation box',
  },
  fieldIds: { assigneeId: 'bulk-assignee', status: 'bulk-status', reason: 'bulk-reason', confirm: 'bulk-confirm' },
  render: (req, res, { status, values, errors }) => {
    const rawQuery = returnQuery(req);
    return renderQueue(req, res, { rawQuery, query: validateQueueQuery({ ...rawQuery }), errors: {}, bulk: { values, errors }, status });
  },
};

/** The claim queue across documents and its bulk actions (their JSON API: claims/queue.api.routes.ts). */
export function queueRoutes(): Router {
  const router = Router();

  router.get(
    '/claims',
    formRoute(filterForm, (req, res, query) =>
      renderQueue(req, res, { rawQuery: formInput(req.query), query, errors: {}, bulk: noBulkForm, status: 200 }),
    ),
  );

  router.post(
    '/claims/bulk',
    formRoute(bulkForm, async (req, res, input) => {
      const result = await bulkUpdateClaims(req.ctx, req.actor!, input, { confirmDismissal: true });
      flash(res, 'success', bulkMessage(result));
      res.redirect(303, safeReturn(req.body?.returnTo));
    }),
  );

  return router;
}
