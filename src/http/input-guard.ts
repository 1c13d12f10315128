import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { HttpError, invalid } from './errors.js';

/** Deeper than any body claimdesk accepts (its deepest is 3); a guard against parser and validator blow-ups. */
export const MAX_JSON_DEPTH = 20;

// The same set the document text refuses: C0 controls other than tab, LF and CR, and DEL.
const forbiddenControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const notUtf8 = (what: string) => new HttpError(400, 'invalid_utf8', `${what} is not valid UTF-8. Send text encoded as UTF-8.`);

/**
 * body-parser `verify` for JSON, run on the raw bytes before JSON.parse: refuses other charsets,
 * invalid UTF-8 (which the decoder would silently turn into U+FFFD) and nesting deeper than
 * MAX_JSON_DEPTH, so that no deeply nested value ever reaches a recursive walker.
 */
export function verifyJsonBody(_req: IncomingMessage, _res: unknown, buf: Buffer, encoding: string | null): void {
  if (encoding && encoding.toLowerCase() !== 'utf-8' && encoding.toLowerCase() !== 'utf8')
    throw new HttpError(415, 'unsupported_encoding', 'Send the body as UTF-8.');
  if (!isUtf8(buf)) throw notUtf8('The request body');
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (inString) {
      if (b === 0x5c)
        i++; // a backslash escapes the next byte, including a quote
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x5b || b === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) throw new HttpError(400, 'too_deep', `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`);
    } else if (b === 0x5d || b === 0x7d) depth--;
  }
}

/** body-parser `verify` for forms: every %-escape must decode to UTF-8 (qs would keep "%FF" as it is). */
export function verifyFormBody(_req: IncomingMessage, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf) || !percentDecodes(buf.toString('utf8'))) throw notUtf8('The form data');
}

function percentDecodes(encoded: string): boolean {
  if (!encoded.includes('%')) return true;
  for (const part of encoded.split(/[&=]/)) {
    try {
      decodeURIComponent(part.replaceAll('+', ' '));
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Refuses, wherever they appear in a body or query string (keys included), what no field may
 * hold: NUL and other control characters, and unpaired surrogates (malformed Unicode that
 * Postgres would store as U+FFFD). The message names the field. Runs after the body parsers.
 */
export function inputGuard(): RequestHandler {
  return (req, _res, next) => {
    const queryAt = req.originalUrl.indexOf('?');
    if (queryAt !== -1 && !percentDecodes(req.originalUrl.slice(queryAt + 1))) return next(notUtf8('The query string'));
    const problem = findBadString(req.query, 'query') ?? findBadString(req.body, '');
    next(problem ?? undefined);
  };
}

/**
 * The same guard for a multipart form's fields, which arrive after the global guard has run.
 * The upload parser reads field bytes as Latin-1 (one character per byte), so here they can be
 * checked as UTF-8 and decoded; invalid bytes are refused instead of becoming U+FFFD.
 */
export function guardMultipartFields(body: Record<string, unknown>): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const decode = (v: unknown) => {
      if (typeof v !== 'string') return v;
      const bytes = Buffer.from(v, 'latin1');
      if (!isUtf8(bytes)) throw notUtf8(`The form field ${key.slice(0, 100)}`);
      return bytes.toString('utf8');
    };
    decoded[decode(key) as string] = Array.isArray(value) ? value.map(decode) : decode(value);
  }
  const problem = findBadString(decoded, '');
  if (problem) throw problem;
  return decoded;
}

function findBadString(value: unknown, path: string, depth = 0): HttpError | null {
  if (typeof value === 'string') return checkString(value, path || 'body');
  if (!value || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return null;
  for (const [key, inner] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const bad = checkString(key, field) ?? findBadString(inner, field, depth + 1);
    if (bad) return bad;
  }
  return null;
}

function checkString(s: string, field: string): HttpError | null {
  const control = forbiddenControl.exec(s);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
    return invalid(field.slice(0, 100), `contains a control character (U+${code}) at position ${control.index}`);
  }
  if (!s.isWellFormed()) return invalid(field.slice(0, 100), 'contains malformed Unicode (an unpaired surrogate)');
  return null;
}
