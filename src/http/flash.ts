import type { Request, RequestHandler, Response } from 'express';
import { isSecureContext } from './session-cookie.js';

const FLASH_COOKIE = 'claimdesk_flash';

export interface Flash {
  kind: 'success' | 'warning' | 'error';
  message: string;
}

/** Queues a message for the next page (POST/redirect/GET), in a short-lived signed cookie. */
export function flash(res: Response, kind: Flash['kind'], message: string): void {
  const queued: Flash[] = res.locals.flashQueue ?? [];
  queued.push({ kind, message: message.slice(0, 500) });
  res.locals.flashQueue = queued;
  res.cookie(FLASH_COOKIE, JSON.stringify(queued), { signed: true, httpOnly: true, sameSite: 'lax', maxAge: 60_000, path: '/', secure: isSecureContext(res.req) });
}

/** Moves queued messages into res.locals.flashes for the view, and clears them. */
export function readFlash(): RequestHandler {
  return (req: Request, res, next) => {
    res.locals.flashes = [];
    const raw = req.signedCookies?.[FLASH_COOKIE];
    if (typeof raw === 'string') {
      try {
        const parsed = JSON.parse(raw) as Flash[];
        if (Array.isArray(parsed)) res.locals.flashes = parsed.filter((f) => typeof f?.message === 'string');
      } catch {
        // a tampered or truncated cookie is simply dropped
      }
      if (req.method === 'GET') res.clearCookie(FLASH_COOKIE, { path: '/' });
    }
    next();
  };
}
