import { Router, type Request, type Response } from 'express';
import { listDocumentClaims } from '../claims/claim.service.js';
import { ValidationError } from '../http/errors.js';
import { flash } from '../http/flash.js';
import { idParam } from '../http/params.js';
import { formInput } from '../http/validation.js';
import type { RouteDeps } from '../routes.js';
import { fieldMap } from '../users/auth.routes.js';
import { validateImportForm, validateImportJson } from './document.js';
import { getDocument, importDocument, listDocuments } from './document.service.js';
import { documentJson, documentSummaryJson } from './document.json.js';
import { documentUpload, uploadedText } from './upload.js';
import { claimJson } from '../claims/claim.json.js';

export function documentRoutes(deps: RouteDeps): Router {
  const router = Router();
  const upload = (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) => documentUpload(req.ctx.config).single('file')(req, res, (err?: unknown) => (err ? reject(err) : resolve())));

  router.get('/documents', async (req, res) => {
    res.render('documents/index', { title: 'Documents', documents: await listDocuments(req.ctx, req.actor!) });
  });

  router.get('/documents/new', (_req, res) => {
    res.render('documents/new', { title: 'Import a document', values: {}, errors: {} });
  });

  router.post('/documents', async (req, res) => {
    if (req.is('multipart/form-data')) {
      await upload(req, res);
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
      flash(res, 'success', `Imported “${document.title}”: ${claims.length} claims found.`);
      res.redirect(303, `/documents/${document.id}`);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      res.status(400).render('documents/new', { title: 'Import a document', values, errors: fieldMap(err) });
    }
  });

  router.get('/documents/:id', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    const document = await getDocument(req.ctx, req.actor!, id);
    const claims = await listDocumentClaims(req.ctx, req.actor!, id);
    res.render('documents/show', { title: document.title, document, claims });
  });

  router.get('/api/v1/documents', async (req, res) => {
    res.json({ documents: (await listDocuments(req.ctx, req.actor!)).map(documentSummaryJson) });
  });

  router.post('/api/v1/documents', async (req, res) => {
    if (!req.is('application/json')) {
      res.status(415).json({ error: { code: 'unsupported_media_type', message: 'Send the document as application/json.' } });
      return;
    }
    const { document, claims } = await importDocument(req.ctx, req.actor!, validateImportJson(req.body));
    res.status(201).location(`/api/v1/documents/${document.id}`).json({ document: documentJson(document), claims: claims.map(claimJson) });
  });

  router.get('/api/v1/documents/:id', async (req, res) => {
    res.json({ document: documentJson(await getDocument(req.ctx, req.actor!, idParam(req, 'id', 'Document'))) });
  });

  router.get('/api/v1/documents/:id/claims', async (req, res) => {
    res.json({ claims: (await listDocumentClaims(req.ctx, req.actor!, idParam(req, 'id', 'Document'))).map(claimJson) });
  });

  return router;
}
