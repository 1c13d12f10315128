import { Router } from 'express';
import { sql } from 'kysely';
import { availabilityOf } from './db-availability.js';

/**
 * GET /healthz: 200 when the database answers, 503 (with Retry-After) when it does not, with
 * when the outage was first noticed. It never needs a restart to turn healthy again.
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
      res.json({ status: 'ok', database: 'up', latencyMs: Date.now() - started });
    } catch (err) {
      availability.markDown(req.log, err);
      res.status(503).set('Retry-After', '5').json({ status: 'unavailable', database: 'down', since: availability.state.downSince });
    }
  });
  return router;
}
