import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Db } from '../db/database.js';
import { normaliseEmail } from '../users/user.schemas.js';
import { DatabaseRateLimitStore } from '../http/rate-limit-store.js';

/** What a limited request gets: a message saying when to come back. The route decides how to show it. */
export type LimitedResponder = (req: Request, res: Response, message: string, next: NextFunction) => void;

export interface FailureLimit {
  /** Short name, also used for the request property that carries the counter. */
  name: string;
  limit: number;
  windowMs: number;
  /** Whose failures these are; undefined lets the request through uncounted. */
  key: (req: Request) => string | undefined;
  /** Completes "Too many failed attempts for …". */
  subject: string;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * A limiter that counts failed attempts only (responses of 400 and above): a successful sign-in
 * costs nothing. Counters live in the database, so the limit holds across every process.
 */
export function failureLimiter(db: Db, limit: FailureLimit, respond: LimitedResponder): RequestHandler {
  const property = `rateLimit_${limit.name}`;
  return rateLimit({
    store: new DatabaseRateLimitStore(db, limit.name),
    windowMs: limit.windowMs,
    limit: limit.limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    requestPropertyName: property,
    skip: (req) => limit.key(req) === undefined,
    keyGenerator: (req) => limit.key(req) ?? '',
    handler: (req, res, next) => {
      const resetTime =
        (req as unknown as Record<string, { resetTime?: Date }>)[property]?.resetTime ?? new Date(Date.now() + limit.windowMs);
      const seconds = Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000));
      res.set('Retry-After', String(seconds));
      res.status(429);
      respond(
        req,
        res,
        `Too many failed attempts for ${limit.subject}. Try again in ${describeWait(seconds)} (after ${clock(resetTime)} UTC).`,
        next,
      );
    },
  });
}

/**
 * The two sign-in limits: 5 failures per account and 20 per client address, each per 15
 * minutes. The account key is the email as it is stored, so `Alice@X.org ` and `alice@x.org`
 * share one counter; the address key groups IPv6 clients by /56 as one household.
 */
export function loginLimiters(db: Db, respond: LimitedResponder): RequestHandler[] {
  return [
    failureLimiter(
      db,
      {
        name: 'ip',
        limit: 20,
        windowMs: FIFTEEN_MINUTES,
        subject: 'sign-ins from your network address',
        key: (req) => ipKeyGenerator(req.ip ?? 'unknown'),
      },
      respond,
    ),
    failureLimiter(
      db,
      { name: 'account', limit: 5, windowMs: FIFTEEN_MINUTES, subject: 'this account', key: (req) => accountKey(req.body?.email) },
      respond,
    ),
  ];
}

/** Failed current-password checks per signed-in user (a borrowed, unlocked browser must not guess it). */
export function passwordCheckLimiter(db: Db, respond: LimitedResponder): RequestHandler {
  return failureLimiter(
    db,
    {
      name: 'password',
      limit: 5,
      windowMs: FIFTEEN_MINUTES,
      subject: 'your current password',
      key: (req) => (req.actor ? `user:${req.actor.id}` : undefined),
    },
    respond,
  );
}

function accountKey(email: unknown): string | undefined {
  return typeof email === 'string' && email.trim() ? `account:${normaliseEmail(email)}` : undefined;
}

function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const clock = (d: Date) => d.toISOString().slice(11, 16);
