import { Router } from 'express';
import { withVersion } from '../http/api.js';
import { idParam } from '../http/params.js';
import { documentJson } from './document.json.js';
import { validateDocumentEditJson } from './document-edit.js';
import { editDocument } from './document-edit.service.js';

/** PATCH /api/v1/documents/:id — `{ version, title?, sourceUrl?, language? }`, or the version in If-Match. */
export function documentEditApiRoutes(): Router {
  const router = Router();
  router.patch('/api/v1/documents/:id', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    const document = await editDocument(req.ctx, req.actor!, id, validateDocumentEditJson(withVersion(req)));
    res.set('ETag', `"${document.version}"`).json({ document: documentJson(document) });
  });
  return router;
}
