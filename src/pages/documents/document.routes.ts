import { guardMultipartFields } from '../../http/input-guard.js';
import { Router, type Request, type Response } from 'express';
import { ValidationError } from '../../http/errors.js';
import { flash } from '../../http/flash.js';
import { formRoute, type PageForm } from '../../http/forms.js';
import { formInput } from '../../http/validation.js';
import type { RouteDeps } from '../../routes.js';
import { validateImportForm, type ImportDocumentInput } from '../../documents/document.js';
import { importDocument, listDocuments } from '../../documents/document.service.js';
import { nearDuplicateMessage } from '../../documents/near-duplicate.js';
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
  values: (req, error) =>
    error instanceof ValidationError && error.fields.some((f) => f.field === 'file') ? formInput(req.body) : importValues(req),
  labels: { title: 'Title', text: 'Text', sourceUrl: 'Source URL', language: 'Language', file: 'The file' },
  render: (req, res, { status, values, errors, error }) => {
    const existing = status === 409 ? error.details?.existingDocumentId : undefined;
    res.status(status).render('documents/new', {
      title: 'Import a document',
      values,
      errors,
      existingDocumentId: existing ?? null,
      maxTextBytes: req.ctx.config.maxTextBytes,
    });
  },
};

/** The documents pages: the list and the import form (the reader: pages/reader/reader.routes.ts). */
export function documentRoutes(deps: RouteDeps): Router {
  const router = Router();
  const upload = (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) =>
      documentUpload(req.ctx.config).single('file')(req, res, (err?: unknown) => (err ? reject(err) : resolve())),
    );

  router.get('/documents', async (req, res) => {
    res.render('documents/index', { title: 'Documents', documents: await listDocuments(req.ctx, req.actor!) });
  });

  router.get('/documents/new', (req, res) => {
    res.render('documents/new', {
      title: 'Import a document',
      values: {},
      errors: {},
      existingDocumentId: null,
      maxTextBytes: req.ctx.config.maxTextBytes,
    });
  });

  router.post(
    '/documents',
    async (req, res, next) => {
      if (req.is('multipart/form-data')) {
        await upload(req, res);
        req.body = guardMultipartFields(req.body ?? {});
        await new Promise<void>((resolve, reject) => deps.csrf(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      }
      next();
    },
    formRoute(importForm, async (req, res, input) => {
      const { document, claims, nearDuplicate } = await importDocument(req.ctx, req.actor!, input);
      flash(res, 'success', `Imported “${document.title}”: ${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} found.`);
      if (nearDuplicate)
        flash(res, 'warning', nearDuplicateMessage(nearDuplicate), {
          href: `/documents/${nearDuplicate.id}`,
          text: `Open “${nearDuplicate.title}”`,
        });
      res.redirect(303, `/documents/${document.id}`);
    }),
  );

  return router;
}
