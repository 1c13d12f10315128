import { Router } from 'express';
import { correctionsAtom, correctionsJsonFeed } from '../../reports/corrections-feed.js';
import { revisionLabel } from '../../reports/revision.js';
import { listPublishedCorrections } from '../../reports/publish.service.js';

/**
 * The public corrections log (no sign-in): published revisions only, newest first, as a page,
 * an Atom feed and a JSON Feed. The open corrections policy of the IFCN code asks for exactly this.
 */
export function correctionsLogRoutes(): Router {
  const router = Router();

  router.get('/corrections', async (req, res) => {
    const corrections = await listPublishedCorrections(req.ctx);
    res.set('Cache-Control', 'public, max-age=60').render('corrections/index', { title: 'Corrections', corrections, revisionLabel });
  });

  router.get('/corrections.atom', async (req, res) => {
    res
      .set('Cache-Control', 'public, max-age=60')
      .type('application/atom+xml; charset=utf-8')
      .send(correctionsAtom(req.ctx.config, await listPublishedCorrections(req.ctx)));
  });

  router.get('/corrections.json', async (req, res) => {
    res
      .set('Cache-Control', 'public, max-age=60')
      .type('application/feed+json; charset=utf-8')
      .send(JSON.stringify(correctionsJsonFeed(req.ctx.config, await listPublishedCorrections(req.ctx))));
  });

  return router;
}
