import { Router } from 'express';
import { matchingProgress } from '../../matching/background-matching.js';

const READER_PATH = /^\/documents\/([1-9][0-9]{0,9})\/?$/;

/**
 * The reader's line saying a long document is still being matched with earlier ones (its
 * matching runs after the import, docs/MATCHING.md): read on every view, outside the reader's
 * page cache, so a reload shows how far it has got. A middleware, not a route: the reader
 * (`GET /documents/:id`) answers the request, and refuses a malformed id itself.
 */
export function matchingProgressRoutes(): Router {
  const router = Router();
  router.use(async (req, res, next) => {
    const id = req.method === 'GET' ? Number(READER_PATH.exec(req.path)?.[1]) : Number.NaN;
    if (id > 0 && id <= 2_147_483_647) res.locals.matching = await matchingProgress(req.ctx.db, id);
    next();
  });
  return router;
}
