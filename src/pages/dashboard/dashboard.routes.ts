import { Router } from 'express';
import { getDashboard } from '../../dashboard/dashboard.service.js';

/** The home page: where the review stands and what is waiting for the signed-in user. */
export function dashboardRoutes(): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.render('dashboard/index', { title: 'Dashboard', dashboard: await getDashboard(req.ctx, req.actor!) });
  });
  return router;
}

/** The keyboard shortcuts, as a page that works without JavaScript (the `?` key shows the same list). */
export function helpRoutes(): Router {
  const router = Router();
  router.get('/help/shortcuts', (_req, res) => {
    res.render('help/shortcuts', { title: 'Keyboard shortcuts' });
  });
  return router;
}
