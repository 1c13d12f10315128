import { doubleCsrf } from 'csrf-csrf';
import type { Request, RequestHandler } from 'express';
import { HttpError } from './errors.js';
import { SESSION_COOKIE } from './auth.js';

/**
 * Double-submit CSRF tokens bound to the session cookie (csrf-csrf). Every state-changing form
 * carries `_csrf`; scripts send `X-CSRF-Token`. Requests with a bearer token carry no ambient
 * credentials, so they are exempt.
 */
export function csrfProtection(secret: string, secure: boolean): { protect: RequestHandler; tokenFor: (req: Request, res: Parameters<RequestHandler>[1]) => string } {
  const { doubleCsrfProtection, generateCsrfToken } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => String(req.cookies?.[SESSION_COOKIE] ?? 'anonymous'),
    cookieName: 'claimdesk_csrf',
    cookieOptions: { sameSite: 'lax', path: '/', secure, httpOnly: true },
    getCsrfTokenFromRequest: (req) => (req.body?._csrf as string | undefined) ?? (req.headers['x-csrf-token'] as string | undefined),
    skipCsrfProtection: (req) => !!req.get('authorization'),
    errorConfig: { statusCode: 403, message: 'The form has expired or did not come from claimdesk. Reload the page and try again.', code: 'EBADCSRFTOKEN' },
  });
  const protect: RequestHandler = (req, res, next) =>
    doubleCsrfProtection(req, res, (err?: unknown) => (err ? next(new HttpError(403, 'csrf', (err as Error).message)) : next()));
  return { protect, tokenFor: (req, res) => generateCsrfToken(req, res) };
}
