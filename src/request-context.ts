import type { Ctx } from './context.js';
import type { Actor } from './users/permissions.js';

/** What claimdesk's middleware adds to every request. */
export interface SignedInActor extends Actor {
  id: number;
  email: string;
  /** Set when signed in through the browser: the session's id (the hash of its cookie). */
  sessionId?: string;
  /** The time zone pages show times in (signed in through the browser; UTC otherwise). */
  timeZone?: string;
  /** Set when the request carried an API token: which one. */
  tokenId?: number;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in user or API token owner; null for anonymous requests. */
    actor: SignedInActor | null;
    ctx: Ctx;
    /** Set by pino-http. */
    id: string | number | object;
  }
}
