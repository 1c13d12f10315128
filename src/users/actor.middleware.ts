import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { viewCan } from '../can.js';
import { resolveApiToken } from './token.service.js';
import { resolveSession, SESSION_TTL_MS } from './session.service.js';
import { hasAnyUser } from './user.service.js';
import { unauthorized } from '../http/errors.js';
import { isApiRequest } from '../http/params.js';
import { clearSessionCookie, isSecureContext, SESSION_COOKIE } from '../http/session-cookie.js';
import { timeHelpers } from '../web/view-helpers.js';

/** HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot post with it. */
export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: isSecureContext(req), path: '/', maxAge: SESSION_TTL_MS });
}

/**
 * Works out who is asking: an `Authorization: Bearer` API token, or the session cookie.
 * A request carrying any Authorization header never falls back to the cookie, so API clients
 * cannot ride a browser session. Views get `actor` and the one `can` object (src/can.ts).
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
      if (typeof token === 'string') {
        // Read on every request: a session ended or a user disabled by any process is refused at once.
        req.actor = await resolveSession(req.ctx, token);
        if (!req.actor) clearSessionCookie(req, res); // ended, expired or disabled: stop sending it
      }
    }
    // Whatever a signed-in user is shown is theirs alone: no shared or browser cache may keep it
    // (a back button on a shared computer after sign-out, a proxy serving it to the next person).
    if (req.actor) res.set('Cache-Control', 'no-store');
    res.locals.actor = req.actor;
    res.locals.can = viewCan(req.actor);
    // Times in the user's own zone; app.locals keeps the UTC helpers for everyone else.
    if (req.actor?.timeZone && req.actor.timeZone !== 'UTC')
      Object.assign(res.locals, timeHelpers(req.actor.timeZone), { timeZone: req.actor.timeZone });
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
