import type { Request, RequestHandler } from 'express';
import { invalid, unsupportedMediaType } from './errors.js';

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';

/**
 * API writes must be JSON: anything else is refused before it reaches a route. A DELETE needs no
 * body, but one it is sent must be JSON too: a text body is a client's mistake, not a yes.
 */
export function requireJsonForApiWrites(): RequestHandler {
  return (req, _res, next) => {
    const needsJson = ['POST', 'PUT', 'PATCH'].includes(req.method) || (req.method === 'DELETE' && hasBody(req));
    if (req.path.startsWith('/api/') && needsJson && !req.is('application/json')) {
      return next(unsupportedMediaType('Send the request body as application/json.'));
    }
    next();
  };
}

/**
 * The version an API edit is based on: the body's `version`, or an `If-Match: "N"` header.
 * Returns the body with `version` filled in, for the route's validator.
 */
export function withVersion(req: Request): Record<string, unknown> {
  const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? { ...req.body } : req.body;
  const header = req.get('if-match');
  if (header && body && typeof body === 'object' && body.version === undefined) {
    const m = /^(?:W\/)?"?([1-9][0-9]{0,9})"?$/.exec(header.trim());
    if (!m) throw invalid('If-Match', 'must be the claim version, e.g. "3"');
    body.version = Number(m[1]);
  }
  return body;
}
