import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'claimdesk_session';

/**
 * Whether cookies must be `Secure`: the request came over HTTPS (behind a proxy only when
 * TRUST_PROXY says to believe its X-Forwarded-Proto), or PUBLIC_URL says the site is HTTPS.
 */
export function isSecureContext(req: Request): boolean {
  return req.secure || !!req.ctx?.config.publicUrl?.startsWith('https://');
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: isSecureContext(req), path: '/' });
}

/** True when the request was authenticated by an API token rather than a browser session. */
export const isTokenRequest = (req: Request) => req.actor?.tokenId !== undefined;
