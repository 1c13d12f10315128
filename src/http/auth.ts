import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { resolveApiToken } from '../users/token.service.js';
import { resolveSession } from '../users/session.service.js';
import { hasAnyUser } from '../users/user.service.js';
import { unauthorized } from './errors.js';
import { isApiRequest } from './params.js';

export const SESSION_COOKIE = 'claimdesk_session';

/**
 * Works out who is asking: an `Authorization: Bearer` API token, or the session cookie.
 * A bearer token never falls back to the cookie, so API clients cannot ride a browser session.
 */
export function loadActor(): RequestHandler {
  return async (req, res, next) => {
    req.actor = null;
    const header = req.get('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      req.actor = match?.[1] ? await resolveApiToken(req.ctx, match[1], req.ip ?? null) : null;
      if (!req.actor) return next(unauthorized('The API token is missing, wrong, revoked or belongs to a disabled user.'));
    } else {
      const token = req.cookies?.[SESSION_COOKIE];
      if (typeof token === 'string') req.actor = await resolveSession(req.ctx, token);
    }
    res.locals.actor = req.actor;
    next();
  };
}

/** Lets signed-in users through; sends others to /login (or /setup on a new install), or 401 for the API. */
export function requireSignedIn(): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.actor) return next();
    if (isApiRequest(req)) return next(unauthorized('Send an API token: Authorization: Bearer <token>.'));
    if (!(await hasAnyUser(req.ctx))) return res.redirect(303, '/setup');
    const nextUrl = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
    res.redirect(303, `/login${nextUrl}`);
  };
}
