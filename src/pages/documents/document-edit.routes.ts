import { Router, type Request, type Response } from 'express';
import { validateDocumentEditForm, type DocumentEdit } from '../../documents/document-edit.js';
import { editDocument } from '../../documents/document-edit.service.js';
import { getDocument } from '../../documents/document.service.js';
import { requirePermission } from '../../users/permissions.js';
import { flash } from '../../http/flash.js';
import { formRoute, type FieldErrors, type PageForm } from '../../http/forms.js';
import { idParam } from '../../http/params.js';
import { formInput } from '../../http/validation.js';

/** The page with the document's current details in the form, or what was sent with its errors. */
async function renderEdit(req: Request, res: Response, status: number, form?: { values: Record<string, unknown>; errors: FieldErrors }) {
  requirePermission(req.actor!, 'document.edit');
  const document = await getDocument(req.ctx, req.actor!, idParam(req, 'id', 'Document'));
  const current = { title: document.title, language: document.language, sourceUrl: document.sourceUrl ?? '', version: document.version };
  // After a 409 the form keeps what the editor typed but carries the version now stored, so
  // sending it again (having seen the change) applies it.
  const values = form ? { ...current, ...form.values, version: document.version } : current;
  res.status(status).render('documents/edit', { title: `Edit “${document.title}”`, document, values, errors: form?.errors ?? {} });
}

const sent = (req: Request, name: string) => (typeof req.body?.[name] === 'string' ? (req.body[name] as string) : '');

/**
 * The form sends every field: a blanked title or language is refused (not read as "unchanged",
 * as an absent key is in the API), and an emptied source URL clears the link (null).
 */
const editForm: PageForm<DocumentEdit> = {
  validate: validateDocumentEditForm,
  input: (req) => ({
    ...formInput(req.body),
    title: sent(req, 'title'),
    language: sent(req, 'language').trim(),
    sourceUrl: sent(req, 'sourceUrl').trim() || null,
  }),
  labels: { title: 'Title', language: 'Language', sourceUrl: 'Source URL', version: 'Version' },
  render: (req, res, { status, values, errors }) => renderEdit(req, res, status, { values, errors }),
};

/** Editing a document's title, language and source link (the API: documents/document-edit.api.routes.ts). */
export function documentEditRoutes(): Router {
  const router = Router();
  router.get('/documents/:id/edit', (req, res) => renderEdit(req, res, 200));
  router.post(
    '/documents/:id/edit',
    formRoute(editForm, async (req, res, input) => {
      const document = await editDocument(req.ctx, req.actor!, idParam(req, 'id', 'Document'), input);
      flash(res, 'success', `Saved the details of “${document.title}”.`);
      res.redirect(303, `/documents/${document.id}`);
    }),
  );
  return router;
}
