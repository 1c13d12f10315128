import type { RouteDeps } from '../../routes.js';
import { Router, type Request, type Response } from 'express';
import { clearSessionCookie, SESSION_COOKIE } from '../../http/session-cookie.js';
import { setSessionCookie } from '../../users/actor.middleware.js';
import { flash } from '../../http/flash.js';
import { formRoute, type PageForm } from '../../http/forms.js';
import { loginLimiters } from '../../web/rate-limit.js';
import { formInput } from '../../http/validation.js';
import { recordAudit } from '../../users/audit.js';
import { createSession, endSession } from '../../users/session.service.js';
import { authenticate, hasAnyUser, setupFirstAdmin } from '../../users/user.service.js';
import { validateLogin, validateNewUser, type LoginInput, type NewUserInput } from '../../users/user.schemas.js';

/**
 * A local path to return to after signing in; anything else goes home. Refused: other hosts,
 * protocol-relative `//evil` and `/\evil` (browsers read a backslash as a slash), control
 * characters and anything that is not plain printable ASCII.
 */
export function safeNext(raw: unknown): string {
  return typeof raw === 'string' && raw.length <= 2000 && /^\/(?![/\\])[\x21-\x7e]*$/.test(raw) && !raw.includes('\\') ? raw : '/';
}

/** Ends whatever session the browser had and starts a new one: a fresh id at every sign-in defeats session fixation. */
export async function startSession(req: Request, res: Response, userId: number): Promise<void> {
  const old = req.cookies?.[SESSION_COOKIE];
  if (typeof old === 'string') await endSession(req.ctx, old);
  const token = await createSession(req.ctx, userId, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
  setSessionCookie(req, res, token);
}

const renderLogin = (res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>, next: string) =>
  res
    .status(status)
    .render('auth/login', { title: 'Sign in', values: { email: typeof values.email === 'string' ? values.email : '' }, errors, next });

const withoutNext = (req: Request) => {
  const { next: _next, ...values } = formInput(req.body);
  return values;
};

/** The first admin's form; the role is not the visitor's to choose. */
const setupForm: PageForm<NewUserInput> = {
  validate: validateNewUser,
  input: (req) => ({ ...formInput(req.body), role: 'admin' }),
  values: (req) => ({ ...formInput(req.body), password: '' }),
  labels: { displayName: 'Your name', email: 'Email address', password: 'Password' },
  render: (_req, res, { status, values, errors }) => res.status(status).render('auth/setup', { title: 'Set up claimdesk', values, errors }),
};

/** Sign-in: a wrong password (401) shows the form again like refused input. */
const loginForm: PageForm<LoginInput> = {
  validate: validateLogin,
  input: withoutNext,
  values: withoutNext,
  labels: { email: 'Email address', password: 'Password' },
  alsoOn: [401],
  render: (req, res, { status, values, errors }) => renderLogin(res, status, values, errors, safeNext(req.body?.next)),
};

/** /setup (only while nobody has an account), /login and /logout. */
export function authRoutes(deps: Pick<RouteDeps, 'db'>): Router {
  const router = Router();
  // Built per app, so each app (and each test) has its own counters.
  const limiters = loginLimiters(deps.db, (req, res, message) =>
    renderLogin(res, 429, formInput(req.body), { form: message }, safeNext(req.body?.next)),
  );

  router.get('/setup', async (req, res) => {
    if (await hasAnyUser(req.ctx)) return res.redirect(303, '/login');
    res.render('auth/setup', { title: 'Set up claimdesk', values: {}, errors: {} });
  });

  router.post(
    '/setup',
    async (req, res, next) => {
      if (await hasAnyUser(req.ctx)) return res.redirect(303, '/login');
      next();
    },
    formRoute(setupForm, async (req, res, input) => {
      const user = await setupFirstAdmin(req.ctx, input, req.ip ?? null);
      await startSession(req, res, user.id);
      flash(res, 'success', `Welcome, ${user.displayName}. You are the admin of this claimdesk: invite your colleagues from Admin.`);
      res.redirect(303, '/');
    }),
  );

  router.get('/login', async (req, res) => {
    if (!(await hasAnyUser(req.ctx))) return res.redirect(303, '/setup');
    if (req.actor) return res.redirect(303, safeNext(req.query.next));
    res.render('auth/login', { title: 'Sign in', values: {}, errors: {}, next: safeNext(req.query.next) });
  });

  router.post(
    '/login',
    ...limiters,
    formRoute(loginForm, async (req, res, input) => {
      const user = await authenticate(req.ctx, input.email, input.password, req.ip ?? null);
      await startSession(req, res, user.id);
      res.redirect(303, safeNext(req.body?.next));
    }),
  );

  router.post('/logout', async (req, res) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') await endSession(req.ctx, token);
    if (req.actor?.sessionId)
      await recordAudit(req.ctx.db, { actorId: req.actor.id, action: 'auth.logout', subject: req.actor.email, ip: req.ip ?? null });
    clearSessionCookie(req, res);
    flash(res, 'success', 'You are signed out.');
    res.redirect(303, '/login');
  });

  return router;
}
