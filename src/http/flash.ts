import type { Request, RequestHandler, Response } from 'express';
import { isSecureContext } from './session-cookie.js';

const FLASH_COOKIE = 'claimdesk_flash';

export interface Flash {
  kind: 'success' | 'warning' | 'error';
  message: string;
  /** A page the message is about (a site path), shown as a link after it. */
  link?: { href: string; text: string };
}

/** Queues a message for the next page (POST/redirect/GET), in a short-lived signed cookie. */
export function flash(res: Response, kind: Flash['kind'], message: string, link?: Flash['link']): void {
  const queued: Flash[] = res.locals.flashQueue ?? [];
  queued.push({ kind, message: message.slice(0, 500), ...(link ? { link: { href: link.href, text: link.text.slice(0, 200) } } : {}) });
  res.locals.flashQueue = queued;
  res.cookie(FLASH_COOKIE, JSON.stringify(queued), {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    maxAge: 60_000,
    path: '/',
    secure: isSecureContext(res.req),
  });
}

/** Moves queued messages into res.locals.flashes for the view, and clears them. */
export function readFlash(): RequestHandler {
  return (req: Request, res, next) => {
    res.locals.flashes = [];
    const raw = req.signedCookies?.[FLASH_COOKIE];
    if (typeof raw === 'string') {
      try {
        const parsed = JSON.parse(raw) as Flash[];
        // The cookie is signed, but a link is still only ever a path on this site.
        if (Array.isArray(parsed))
          res.locals.flashes = parsed
            .filter((f) => typeof f?.message === 'string')
            .map((f) => (f.link && !/^\/(?!\/)[\w\-/]*$/.test(String(f.link.href)) ? { kind: f.kind, message: f.message } : f));
      } catch {
        // a tampered or truncated cookie is simply dropped
      }
      if (req.method === 'GET') res.clearCookie(FLASH_COOKIE, { path: '/' });
    }
    next();
  };
}
