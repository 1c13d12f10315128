import type { Ctx } from '../context.js';
import type { Actor } from '../users/permissions.js';

/** What claimdesk's middleware adds to every request. */
export interface SignedInActor extends Actor {
  id: number;
  email: string;
  sessionId?: string;
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
export {};
