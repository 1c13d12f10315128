import { Router } from 'express';
import { sql } from 'kysely';

/** GET /healthz: 200 when the database answers, 503 (with Retry-After) when it does not. */
export function healthRoutes(): Router {
  const router = Router();
  router.get('/healthz', async (req, res) => {
    const started = Date.now();
    try {
      await sql`SELECT 1`.execute(req.ctx.db);
      res.set('Cache-Control', 'no-store').json({ status: 'ok', database: 'up', latencyMs: Date.now() - started });
    } catch {
      res.status(503).set('Retry-After', '5').set('Cache-Control', 'no-store').json({ status: 'unavailable', database: 'down' });
    }
  });
  return router;
}
