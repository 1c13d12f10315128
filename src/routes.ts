import type { RequestHandler, Router } from 'express';
import { claimApiRoutes } from './claims/claim.api.routes.js';
import { documentRoutes } from './documents/document.routes.js';
import { healthRoutes } from './http/health.routes.js';
import { authRoutes } from './users/auth.routes.js';

export interface RouteDeps {
  /** CSRF check for routes that parse their own (multipart) body. */
  csrf: RequestHandler;
}

/**
 * Every router of the app. Each declares full paths, so the route table can be listed from
 * these routers. Public routers answer anyone; the rest sit behind sign-in.
 */
export function routers(deps: RouteDeps): { publicRouters: Router[]; signedInRouters: Router[] } {
  return {
    publicRouters: [healthRoutes(), authRoutes()],
    signedInRouters: [documentRoutes(deps), claimApiRoutes()],
  };
}
