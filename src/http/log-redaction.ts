import type { pino } from 'pino';

type SerializedRequest = pino.SerializedRequest;
type SerializedResponse = pino.SerializedResponse;

export const REDACTED = '[redacted]';

/** Headers that carry a session, a CSRF secret or a credential, in either direction. */
const secretHeaders = new Set(['cookie', 'set-cookie', 'authorization', 'x-csrf-token', 'proxy-authorization']);
/** Query parameters that may carry a secret: `next` can hold an invitation path, `token` is named for what it is. */
const secretQueryKeys = new Set(['next', 'token', '_csrf']);

// An invitation (or reset) link's last segment is the secret itself; it may also arrive
// %-encoded inside `next`, hence the encoded slash.
const invitationPath = /((?:\/|%2F)invitations(?:\/|%2F))[^/?#&%]+/gi;
const secretQuery = /([?&](?:next|token|_csrf)=)[^&#]*/gi;

/** A URL or path as it may be logged: invitation tokens and secret-carrying query values replaced. */
export function redactUrl(url: string): string {
  return url.replace(invitationPath, `$1${REDACTED}`).replace(secretQuery, `$1${REDACTED}`);
}

function redactHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!headers) return headers;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    out[name] = secretHeaders.has(lower) ? REDACTED : lower === 'location' || lower === 'referer' ? redactUrl(String(value)) : value;
  }
  return out;
}

/**
 * pino-http's serializers, applied to every request and response it logs (and to `req` in any
 * later `req.log` line): the access log never holds a session id, a CSRF secret or an invitation
 * token, whichever way they travel (cookie, set-cookie, header, path, query).
 */
export const redactingSerializers = {
  req(req: SerializedRequest): SerializedRequest {
    req.url = redactUrl(req.url ?? '');
    req.headers = redactHeaders(req.headers) as SerializedRequest['headers'];
    if (req.query && typeof req.query === 'object') {
      const entries = Object.entries(req.query as Record<string, string>).map(([k, v]) => [k, secretQueryKeys.has(k) ? REDACTED : v]);
      req.query = Object.fromEntries(entries) as Record<string, string>;
    }
    if (req.params && typeof req.params === 'object' && 'token' in (req.params as object))
      req.params = { ...(req.params as object), token: REDACTED };
    return req;
  },
  res(res: SerializedResponse): SerializedResponse {
    res.headers = redactHeaders(res.headers) as SerializedResponse['headers'];
    return res;
  },
};
