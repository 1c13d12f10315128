import { Router } from 'express';
import { idParam } from '../http/params.js';
import { validateEmptyJson } from '../http/validation.js';
import { archiveDocument } from './document-archive.service.js';
import { documentJson } from './document.json.js';

/** POST /api/v1/documents/:id/archive and …/restore, body `{}`: 200 with the document. */
export function documentArchiveApiRoutes(): Router {
  const router = Router();
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    router.post(`/api/v1/documents/:id/${action}`, async (req, res) => {
      validateEmptyJson(req.body ?? {});
      const document = await archiveDocument(req.ctx, req.actor!, idParam(req, 'id', 'Document'), archived, req.ip ?? null);
      res.json({ document: documentJson(document) });
    });
  }
  return router;
}
