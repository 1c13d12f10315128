import type { Express } from 'express';

export interface RouteEntry {
  method: string;
  path: string;
  /** "METHOD path", the key of the expectation tables. */
  key: string;
  api: boolean;
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every route the app answers, read from Express itself (app.router.stack, then each mounted
 * router's stack), so a route added anywhere shows up here without anyone listing it.
 */
export function listRoutes(app: Express): RouteEntry[] {
  const out: RouteEntry[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const path of paths) {
          for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
            const upper = method.toUpperCase();
            out.push({ method: upper, path, key: `${upper} ${path}`, api: path.startsWith('/api/') });
          }
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}

/** Routes that change state: everything but GET (HEAD and OPTIONS are never registered by hand). */
export const stateChanging = (routes: RouteEntry[]) => routes.filter((r) => r.method !== 'GET');
