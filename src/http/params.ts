import type { Request } from 'express';
import { notFound } from './errors.js';

/** A route's numeric id, or 404: `/claims/abc`, `/claims/1e3` and `/claims/..%2f` name nothing. */
export function idParam(req: Request, name = 'id', what = 'Page'): number {
  const raw = req.params[name];
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,9}$/.test(raw)) throw notFound(what);
  const id = Number(raw);
  if (id > 2_147_483_647) throw notFound(what);
  return id;
}

export function isApiRequest(req: Request): boolean {
  return req.path.startsWith('/api/');
}
