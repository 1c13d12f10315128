import { guardMultipartFields } from '../http/input-guard.js';
import { Router, type Request, type Response } from 'express';
import { validateNewClaimForm } from '../claims/claim.js';
import { createClaim } from '../claims/claim.service.js';
import { HttpError, ValidationError } from '../http/errors.js';
import { flash } from '../http/flash.js';
import { idParam } from '../http/params.js';
import { sendWithKeptParts } from '../http/view-engine.js';
import { formInput } from '../http/validation.js';
import type { RouteDeps } from '../routes.js';
import { fieldMap } from '../users/auth.routes.js';
import { validateImportForm } from './document.js';
import { importDocument, listDocuments } from './document.service.js';
import { validateReaderFilters, type ReaderFilters } from './reader.js';
import { readerPage } from './reader-page.js';
import { reextractDocument } from './reextract.service.js';
import { documentUpload, uploadedText } from './upload.js';


/** The documents pages: the list, the import form, the reader, marking a claim, re-extraction. */
export function documentRoutes(deps: RouteDeps): Router {
  const router = Router();
  const upload = (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) => documentUpload(req.ctx.config).single('file')(req, res, (err?: unknown) => (err ? reject(err) : resolve())));

  router.get('/documents', async (req, res) => {
    res.render('documents/index', { title: 'Documents', documents: await listDocuments(req.ctx, req.actor!) });
  });

  router.get('/documents/new', (req, res) => {
    res.render('documents/new', { title: 'Import a document', values: {}, errors: {}, maxTextBytes: req.ctx.config.maxTextBytes });
  });

  router.post('/documents', async (req, res) => {
    if (req.is('multipart/form-data')) {
      await upload(req, res);
      req.body = guardMultipartFields(req.body ?? {});
      await new Promise<void>((resolve, reject) => deps.csrf(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
    }
    const values = formInput(req.body);
    try {
      const file = uploadedText(req.file);
      if (file) {
        values.text = file.text;
        values.title ??= file.name;
      }
      const { document, claims } = await importDocument(req.ctx, req.actor!, validateImportForm(values));
      flash(res, 'success', `Imported “${document.title}”: ${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} found.`);
      res.redirect(303, `/documents/${document.id}`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      res.status(400).render('documents/new', { title: 'Import a document', values, errors: fieldMap(err), maxTextBytes: req.ctx.config.maxTextBytes });
    }
  });

  /** The reader, with the add-claim form filled with `values` and `errors` after a refused post. */
  async function renderReader(req: Request, res: Response, status: number, form: { values: Record<string, unknown>; errors: Record<string, string> }) {
    const id = idParam(req, 'id', 'Document');
    let filters: ReaderFilters = {};
    let filterErrors: Record<string, string> = {};
    try {
      filters = validateReaderFilters({ ...formInput(req.query) });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      filterErrors = fieldMap(err);
      status = 400;
    }
    const { parts, ...page } = await readerPage(req, id, filters);
    res.status(status);
    await sendWithKeptParts(res, 'documents/show', { title: page.document.title, ...page, filters, filterErrors, values: form.values, errors: form.errors }, parts);
  }

  router.get('/documents/:id', (req, res) => renderReader(req, res, 200, { values: {}, errors: {} }));

  router.post('/documents/:id/claims', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    const values = formInput(req.body);
    try {
      const claim = await createClaim(req.ctx, req.actor!, id, validateNewClaimForm(values));
      flash(res, 'success', `Added claim #${claim.id} (${claim.kind}): “${claim.quote.length > 80 ? `${claim.quote.slice(0, 79)}…` : claim.quote}”.`);
      res.redirect(303, `/documents/${id}#claim-${claim.id}`);
    } catch (err) {
      // A refused passage (not found, ambiguous, already a claim of that kind) goes back to the form.
      if (err instanceof ValidationError) return renderReader(req, res, 400, { values, errors: fieldMap(err) });
      if (err instanceof HttpError && err.status === 409) return renderReader(req, res, 409, { values, errors: { quote: err.message } });
      throw err;
    }
  });

  router.post('/documents/:id/reextract', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    const { created } = await reextractDocument(req.ctx, req.actor!, id);
    flash(res, 'success', created.length === 0 ? 'Re-extraction found no new claims; every existing claim is unchanged.' : `Re-extraction added ${created.length} new ${created.length === 1 ? 'claim' : 'claims'}; existing claims are unchanged.`);
    res.redirect(303, `/documents/${id}`);
  });

  return router;
}
