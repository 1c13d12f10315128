import { Router } from 'express';
import { sql } from 'kysely';
import { availabilityOf } from './db-availability.js';

/**
 * GET /healthz: 200 when the database answers, 503 (with Retry-After) when it does not, with
 * when the outage was first noticed. It never needs a restart to turn healthy again. `readCache`
 * says whether this process is keeping its hot reads (src/db/read-cache.ts).
 */
export function healthRoutes(): Router {
  const router = Router();
  router.get('/healthz', async (req, res) => {
    const started = Date.now();
    const availability = availabilityOf(req);
    res.set('Cache-Control', 'no-store');
    try {
      await sql`SELECT 1`.execute(req.ctx.db);
      availability.markUp(req.log);
      // "live": hot reads are kept between requests; "off": every request reads them (no cache, or its notifications are down).
      res.json({ status: 'ok', database: 'up', latencyMs: Date.now() - started, readCache: req.ctx.cache?.live ? 'live' : 'off' });
    } catch (err) {
      availability.markDown(req.log, err);
      res.status(503).set('Retry-After', '5').json({ status: 'unavailable', database: 'down', since: availability.state.downSince });
    }
  });
  return router;
}
