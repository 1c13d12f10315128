import { guardMultipartFields } from '../http/input-guard.js';
import { Router, type Request, type Response } from 'express';
import { validateNewClaimForm, type NewClaimInput } from '../claims/claim.js';
import { createClaim } from '../claims/claim.service.js';
import { ValidationError } from '../http/errors.js';
import { flash } from '../http/flash.js';
import { formRoute, type FieldErrors, type PageForm } from '../http/forms.js';
import { idParam } from '../http/params.js';
import { sendWithKeptParts } from '../http/view-engine.js';
import { formInput } from '../http/validation.js';
import type { RouteDeps } from '../routes.js';
import { validateImportForm, type ImportDocumentInput } from './document.js';
import { importDocument, listDocuments } from './document.service.js';
import { nearDuplicateMessage } from './near-duplicate.js';
import { validateReaderFilters, type ReaderFilters } from './reader.js';
import { readerPage } from './reader-page.js';
import { reextractDocument } from './reextract.service.js';
import { documentUpload, uploadedText } from './upload.js';


/** The import form's fields: the text, or an uploaded file (which wins), and its name as the default title. */
function importValues(req: Request): Record<string, unknown> {
  const values = formInput(req.body);
  const file = uploadedText(req.file);
  if (file) {
    values.text = file.text;
    values.title ??= file.name;
  }
  return values;
}

/**
 * The import form. An identical text already imported (409) shows the form again naming that
 * document, with "Import anyway" sending the same text with `allowDuplicate`.
 */
const importForm: PageForm<ImportDocumentInput> = {
  validate: validateImportForm,
  input: importValues,
  // An upload refused for its type or encoding is not read again to show it.
  values: (req, error) => (error instanceof ValidationError && error.fields.some((f) => f.field === 'file') ? formInput(req.body) : importValues(req)),
  labels: { title: 'Title', text: 'Text', sourceUrl: 'Source URL', language: 'Language', file: 'The file' },
  render: (req, res, { status, values, errors, error }) => {
    const existing = status === 409 ? error.details?.existingDocumentId : undefined;
    res.status(status).render('documents/new', { title: 'Import a document', values, errors, existingDocumentId: existing ?? null, maxTextBytes: req.ctx.config.maxTextBytes });
  },
};

/** The reader, with the add-claim form filled with `values` and `errors` after a refused post. */
async function renderReader(req: Request, res: Response, status: number, filters: ReaderFilters | null, filterErrors: FieldErrors, form: { values: Record<string, unknown>; errors: FieldErrors }) {
  const id = idParam(req, 'id', 'Document');
  const { parts, ...page } = await readerPage(req, id, filters ?? {});
  res.status(status);
  await sendWithKeptParts(res, 'documents/show', { title: page.document.title, ...page, filters: filters ?? {}, filterErrors, values: form.values, errors: form.errors }, parts);
}

const noForm = { values: {}, errors: {} };
const readerFilters = (req: Request) => validateReaderFilters({ ...formInput(req.query) });

/** The reader's filters (a GET form): refused filters show the whole list with the messages. */
const filterForm: PageForm<ReaderFilters> = {
  validate: (raw) => validateReaderFilters({ ...(raw as object) }),
  labels: { status: 'Status filter', kind: 'Kind filter', verdict: 'Verdict filter' },
  fieldIds: { status: 'f-status', kind: 'f-kind', verdict: 'f-verdict' },
  render: (req, res, { status, errors }) => renderReader(req, res, status, null, errors, noForm),
};

/** Adding a claim by its passage: a passage not found, ambiguous or already a claim of that kind goes back to the form. */
const addClaimForm: PageForm<NewClaimInput> = {
  validate: validateNewClaimForm,
  labels: { quote: 'Exact passage', occurrence: 'Occurrence', kind: 'Kind' },
  conflictField: 'quote',
  render: (req, res, { status, values, errors }) => renderReader(req, res, status, readerFilters(req), {}, { values, errors }),
};

/** The documents pages: the list, the import form, the reader, marking a claim, re-extraction. */
export function documentRoutes(deps: RouteDeps): Router {
  const router = Router();
  const upload = (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) => documentUpload(req.ctx.config).single('file')(req, res, (err?: unknown) => (err ? reject(err) : resolve())));

  router.get('/documents', async (req, res) => {
    res.render('documents/index', { title: 'Documents', documents: await listDocuments(req.ctx, req.actor!) });
  });

  router.get('/documents/new', (req, res) => {
    res.render('documents/new', { title: 'Import a document', values: {}, errors: {}, existingDocumentId: null, maxTextBytes: req.ctx.config.maxTextBytes });
  });

  router.post('/documents', async (req, res, next) => {
    if (req.is('multipart/form-data')) {
      await upload(req, res);
      req.body = guardMultipartFields(req.body ?? {});
      await new Promise<void>((resolve, reject) => deps.csrf(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
    }
    next();
  }, formRoute(importForm, async (req, res, input) => {
    const { document, claims, nearDuplicate } = await importDocument(req.ctx, req.actor!, input);
    flash(res, 'success', `Imported “${document.title}”: ${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} found.`);
    if (nearDuplicate) flash(res, 'warning', nearDuplicateMessage(nearDuplicate), { href: `/documents/${nearDuplicate.id}`, text: `Open “${nearDuplicate.title}”` });
    res.redirect(303, `/documents/${document.id}`);
  }));

  router.get('/documents/:id', formRoute(filterForm, (req, res, filters) => renderReader(req, res, 200, filters, {}, noForm)));

  router.post('/documents/:id/claims', formRoute(addClaimForm, async (req, res, input) => {
    const id = idParam(req, 'id', 'Document');
    const claim = await createClaim(req.ctx, req.actor!, id, input);
    flash(res, 'success', `Added claim #${claim.id} (${claim.kind}): “${claim.quote.length > 80 ? `${claim.quote.slice(0, 79)}…` : claim.quote}”.`);
    res.redirect(303, `/documents/${id}#claim-${claim.id}`);
  }));

  router.post('/documents/:id/reextract', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    const { created } = await reextractDocument(req.ctx, req.actor!, id);
    flash(res, 'success', created.length === 0 ? 'Re-extraction found no new claims; every existing claim is unchanged.' : `Re-extraction added ${created.length} new ${created.length === 1 ? 'claim' : 'claims'}; existing claims are unchanged.`);
    res.redirect(303, `/documents/${id}`);
  });

  return router;
}
