import { Router } from 'express';
import { withVersion } from '../http/api.js';
import { idParam } from '../http/params.js';
import { publicationJson, validatePublicationJson } from './publication.js';
import { getPublication, updatePublication } from './publication.service.js';

/** A document's publication details (author, publisher, date, typos in the note) in the JSON API (the report page's form: pages/publication/). */
export function publicationApiRoutes(): Router {
  const router = Router();

  router.get('/api/v1/documents/:id/publication', async (req, res) => {
    const p = await getPublication(req.ctx, req.actor!, idParam(req, 'id', 'Document'));
    res.set('ETag', `"${p.version}"`).json({ publication: publicationJson(p), version: p.version });
  });

  router.patch('/api/v1/documents/:id/publication', async (req, res) => {
    const p = await updatePublication(
      req.ctx,
      req.actor!,
      idParam(req, 'id', 'Document'),
      validatePublicationJson(withVersion(req)),
      req.ip ?? null,
    );
    res.set('ETag', `"${p.version}"`).json({ publication: publicationJson(p), version: p.version });
  });

  return router;
}
