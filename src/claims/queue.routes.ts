import { Router, type Request, type Response } from 'express';
import { ValidationError } from '../http/errors.js';
import { flash } from '../http/flash.js';
import { sendWithKeptParts } from '../http/view-engine.js';
import { formInput } from '../http/validation.js';
import { fieldMap } from '../users/auth.routes.js';
import { bulkStatusesFor, type BulkResult, validateBulkForm, validateBulkJson } from './bulk.js';
import { bulkUpdateClaims } from './bulk.service.js';
import { queueParams, queueSortLabels, queueSorts, validateQueueQuery, type QueueQuery } from './claim-queue.js';
import { listClaimQueue, queueFilterOptions, type QueueFilterOptions } from './claim-queue.service.js';
import { queueView, type QueueView } from './queue-view.js';
import { claimJson } from './claim.json.js';
import { statusLabels } from './claim-vocabulary.js';

/** Where to go back to after a bulk action: the queue, with its filters, and nothing else. */
const safeReturn = (raw: unknown) => (typeof raw === 'string' && raw.length <= 2000 && /^\/claims(\?[^#\s]*)?$/.test(raw) ? raw : '/claims');

/** A form's checkboxes arrive as one string or several; the validator wants a list. */
function bulkFormInput(body: unknown): Record<string, unknown> {
  const { returnTo: _returnTo, ...values } = formInput(body);
  if (values.claimIds !== undefined && !Array.isArray(values.claimIds)) values.claimIds = [values.claimIds];
  if (values.assigneeId === 'none') values.assigneeId = null;
  return values;
}

function bulkMessage(r: BulkResult): string {
  const n = r.changed.length;
  const done = r.action === 'assign' ? (r.assigneeName ? `assigned to ${r.assigneeName}` : 'unassigned') : r.status === 'dismissed' ? 'dismissed' : `set to ${statusLabels[r.status!]}`;
  if (n === 0) return `Nothing changed: the ${r.unchanged === 1 ? 'selected claim was' : `${r.unchanged} selected claims were`} already ${done}.`;
  const already = r.unchanged > 0 ? ` (${r.unchanged} already ${r.unchanged === 1 ? 'was' : 'were'})` : '';
  return `${n} ${n === 1 ? 'claim' : 'claims'} ${done}${already}.`;
}

/** The claim queue across documents, its bulk actions, and their JSON API. */
export function queueRoutes(): Router {
  const router = Router();

  async function renderQueue(req: Request, res: Response, rawQuery: Record<string, unknown>, bulk: { values: Record<string, unknown>; errors: Record<string, string> }, status = 200) {
    let query: QueueQuery = { sort: 'position' };
    let errors: Record<string, string> = {};
    let view: QueueView = { page: { claims: [], nextCursor: null }, rowsHtml: Buffer.alloc(0) };
    let options: QueueFilterOptions | undefined;
    const selected = new Set((Array.isArray(bulk.values.claimIds) ? bulk.values.claimIds : []).map(Number));
    try {
      query = validateQueueQuery({ ...rawQuery });
      options = await queueFilterOptions(req.ctx, req.actor!, query.documentId);
      view = await queueView(req, query, rawQuery, options, selected);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors = fieldMap(err);
      status = 400;
    }
    options ??= await queueFilterOptions(req.ctx, req.actor!, query.documentId);
    // A bulk form sent back shows what was chosen and what was wrong: its bar is rendered afresh.
    const sentBack = Object.keys(bulk.values).length > 0 || Object.keys(bulk.errors).length > 0;
    const { page, rowsHtml, filtersHtml, bulkBarHtml } = view;
    // Parts left out are rendered by the view itself (the form with its errors, the bar as sent).
    const parts = { rowsHtml, ...(filtersHtml ? { filtersHtml } : {}), ...(bulkBarHtml && !sentBack ? { bulkBarHtml } : {}) };
    res.status(status);
    await sendWithKeptParts(res, 'claims/index', {
      title: 'Claims',
      query,
      values: rawQuery,
      errors,
      page,
      options,
      bulk: { ...bulk, selected, statuses: bulkStatusesFor(req.actor) },
      sorts: queueSorts,
      sortLabels: queueSortLabels,
      returnTo: req.method === 'GET' ? req.originalUrl : safeReturn(req.body?.returnTo),
      firstPage: `/claims?${queueParams(query)}`,
      nextPage: page.nextCursor ? `/claims?${queueParams(query, page.nextCursor)}` : null,
    }, parts);
  }

  router.get('/claims', (req, res) => renderQueue(req, res, formInput(req.query), { values: {}, errors: {} }));

  router.post('/claims/bulk', async (req, res) => {
    const returnTo = safeReturn(req.body?.returnTo);
    const values = bulkFormInput(req.body);
    try {
      const result = await bulkUpdateClaims(req.ctx, req.actor!, validateBulkForm(values));
      flash(res, 'success', bulkMessage(result));
      res.redirect(303, returnTo);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      await renderQueue(req, res, formInput(Object.fromEntries(new URL(returnTo, 'http://x').searchParams)), { values, errors: fieldMap(err) }, 400);
    }
  });

  router.get('/api/v1/claims', async (req, res) => {
    const page = await listClaimQueue(req.ctx, req.actor!, validateQueueQuery(formInput(req.query)));
    res.json({ claims: page.claims.map((c) => ({ ...claimJson(c), documentTitle: c.documentTitle })), nextCursor: page.nextCursor });
  });

  router.post('/api/v1/claims/bulk', async (req, res) => {
    const result = await bulkUpdateClaims(req.ctx, req.actor!, validateBulkJson(req.body));
    res.json({ action: result.action, changed: result.changed.length, unchanged: result.unchanged, claims: result.changed, message: bulkMessage(result) });
  });

  return router;
}
