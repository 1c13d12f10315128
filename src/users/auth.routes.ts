import { Router, type Request, type Response } from 'express';
import { SESSION_COOKIE } from '../http/auth.js';
import { ValidationError } from '../http/errors.js';
import { flash } from '../http/flash.js';
import { formInput } from '../http/validation.js';
import { createSession, endSession } from '../users/session.service.js';
import { authenticate, hasAnyUser, setupFirstAdmin } from './user.service.js';
import { validateLogin, validateNewUser } from './user.schemas.js';

/** A local path to return to after signing in; anything else (other hosts, `//evil`) goes home. */
export function safeNext(raw: unknown): string {
  return typeof raw === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(raw) ? raw : '/';
}

async function startSession(req: Request, res: Response, userId: number): Promise<void> {
  const old = req.cookies?.[SESSION_COOKIE];
  if (typeof old === 'string') await endSession(req.ctx, old); // a new id at every sign-in: no session fixation
  const token = await createSession(req.ctx, userId, { ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: 7 * 24 * 3600 * 1000 });
}

export function authRoutes(): Router {
  const router = Router();

  router.get('/setup', async (req, res) => {
    if (await hasAnyUser(req.ctx)) return res.redirect(303, '/login');
    res.render('auth/setup', { title: 'Set up claimdesk', values: {}, errors: {} });
  });

  router.post('/setup', async (req, res) => {
    if (await hasAnyUser(req.ctx)) return res.redirect(303, '/login');
    const values = formInput(req.body);
    try {
      const input = validateNewUser({ ...values, role: 'admin' });
      const user = await setupFirstAdmin(req.ctx, input);
      await startSession(req, res, user.id);
      flash(res, 'success', `Welcome, ${user.displayName}. You are the admin of this claimdesk.`);
      res.redirect(303, '/');
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      res.status(400).render('auth/setup', { title: 'Set up claimdesk', values: { ...values, password: '' }, errors: fieldMap(err) });
    }
  });

  router.get('/login', async (req, res) => {
    if (!(await hasAnyUser(req.ctx))) return res.redirect(303, '/setup');
    if (req.actor) return res.redirect(303, safeNext(req.query.next));
    res.render('auth/login', { title: 'Sign in', values: {}, errors: {}, next: safeNext(req.query.next) });
  });

  router.post('/login', async (req, res) => {
    const values = formInput(req.body);
    const next = safeNext(values.next);
    delete values.next;
    try {
      const input = validateLogin(values);
      const user = await authenticate(req.ctx, input.email, input.password, req.ip ?? null);
      await startSession(req, res, user.id);
      res.redirect(303, next);
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status !== 401 && !(err instanceof ValidationError)) throw err;
      const errors = err instanceof ValidationError ? fieldMap(err) : { form: (err as Error).message };
      res.status(status === 401 ? 401 : 400).render('auth/login', { title: 'Sign in', values: { email: values.email ?? '' }, errors, next });
    }
  });

  router.post('/logout', async (req, res) => {
    const token = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string') await endSession(req.ctx, token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(303, '/login');
  });

  return router;
}

export function fieldMap(err: ValidationError): Record<string, string> {
  return Object.fromEntries(err.fields.map((f) => [f.field || 'form', f.message]));
}
