import { doubleCsrf } from 'csrf-csrf';
import ejs from 'ejs';
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from './errors.js';
import { isApiRequest } from './params.js';
import { isSecureContext, isTokenRequest, SESSION_COOKIE } from './session-cookie.js';

export interface CsrfProtection {
  protect: RequestHandler;
  /** The hidden `_csrf` field every state-changing form carries (views print it with `<%- csrfField() %>`). */
  fieldFor: (req: Request, res: Response) => string;
}

/**
 * Double-submit CSRF tokens (csrf-csrf): an HMAC over the session cookie and a random value,
 * kept in an HttpOnly cookie and repeated in every state-changing form as `_csrf` (scripts send
 * `X-CSRF-Token`). A token minted for one session is worthless in another, and a signed-out
 * visitor's token dies at sign-in. Requests authenticated by an API token are exempt: a browser
 * never attaches one by itself, so another site cannot forge them. A browser session calling the
 * API is checked like a form.
 */
export function csrfProtection(secret: string): CsrfProtection {
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => String(req.cookies?.[SESSION_COOKIE] ?? 'anonymous'),
    cookieName: 'claimdesk_csrf',
    cookieOptions: { sameSite: 'lax', path: '/', secure: false, httpOnly: true },
    getCsrfTokenFromRequest: (req) => {
      const value = req.body?._csrf ?? req.headers['x-csrf-token'];
      return typeof value === 'string' ? value : undefined;
    },
    // Token requests carry no ambient credential; a signed-out API call has nothing to forge and
    // should hear 401 ("send a token") rather than a CSRF refusal.
    skipCsrfProtection: (req) => isTokenRequest(req) || (isApiRequest(req) && !req.actor),
    errorConfig: {
      statusCode: 403,
      message: 'The form has expired or did not come from claimdesk. Reload the page and try again.',
      code: 'EBADCSRFTOKEN',
    },
  });
  const protect: RequestHandler = (req, res, next) =>
    doubleCsrfProtection(req, res, (err?: unknown) => (err ? next(new HttpError(403, 'csrf', (err as Error).message)) : next()));
  // One token per response: a page with several forms must not mint several tokens, or only the
  // last one (the cookie's) would be accepted.
  const issued = new WeakMap<Request, string>();
  const tokenFor = (req: Request, res: Response) => {
    let token = issued.get(req);
    if (!token) {
      token = generateCsrfToken(req, res, { cookieOptions: { sameSite: 'lax', path: '/', httpOnly: true, secure: isSecureContext(req) } });
      issued.set(req, token);
    }
    return token;
  };
  // A function rather than an include: an include copies every local of the page, once per form.
  const fieldFor = (req: Request, res: Response) => `<input type="hidden" name="_csrf" value="${ejs.escapeXML(tokenFor(req, res))}">`;
  return { protect, fieldFor };
}
