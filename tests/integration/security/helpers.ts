import { sql } from 'kysely';
import request from 'supertest';
import type { Express } from 'express';
import type { Db } from '../../../src/db/database.js';
import { tableChecksums } from '../../helpers/tables.js';

/**
 * The domain tables plus everything security owns that a refused request must not touch:
 * users, invitations, the tokens' identity and revocation, the sessions' existence. (A token's
 * last use and a session's last sight change on every accepted request, by design.)
 */
export async function securityChecksums(db: Db): Promise<Record<string, string>> {
  const out = await tableChecksums(db);
  const queries = {
    user_invitations: sql`SELECT id, user_id, token_hash, expires_at, used_at FROM user_invitations`,
    api_tokens: sql`SELECT id, user_id, name, token_hash, revoked_at FROM api_tokens`,
    sessions: sql`SELECT id, user_id, expires_at FROM sessions`,
  };
  for (const [name, query] of Object.entries(queries)) {
    const { rows } = await sql<{
      n: number;
      h: string;
    }>`SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(t::text), ',' ORDER BY md5(t::text)), '')) AS h FROM (${query}) AS t`.execute(
      db,
    );
    out[name] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}

/** The Set-Cookie header of a response as an array (supertest types it loosely). */
export function setCookies(res: { headers: Record<string, unknown> }): string[] {
  const raw = res.headers['set-cookie'];
  return Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
}

/** The last value a response set for a cookie ('' when it cleared it), or undefined if it did not touch it. */
export function cookieValue(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const line = setCookies(res)
    .filter((c) => c.startsWith(`${name}=`))
    .at(-1);
  return line === undefined ? undefined : decodeURIComponent(line.slice(name.length + 1).split(';')[0]!);
}

/** The CSRF token and cookie a page hands out to whoever holds `cookie`. */
export async function csrfFrom(app: Express, path: string, cookie = ''): Promise<{ token: string; cookie: string }> {
  const res = await request(app).get(path).set('Cookie', cookie);
  const token = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1];
  if (!token) throw new Error(`no CSRF token on ${path} (status ${res.status})`);
  const csrf = cookieValue(res, 'claimdesk_csrf');
  const jar = [cookie, csrf ? `claimdesk_csrf=${csrf}` : ''].filter(Boolean).join('; ');
  return { token, cookie: jar };
}

/** Signs in through the login form, as a browser would; returns the response and the new session cookie. */
export async function login(
  app: Express,
  email: string,
  password: string,
  options: { cookie?: string; next?: string; ip?: string; tokenFrom?: string } = {},
) {
  const { token, cookie } = await csrfFrom(app, options.tokenFrom ?? '/login', options.cookie);
  let req = request(app).post('/login').set('Cookie', cookie).type('form');
  if (options.ip) req = req.set('X-Forwarded-For', options.ip);
  const res = await req.send({ email, password, _csrf: token, ...(options.next ? { next: options.next } : {}) });
  const session = cookieValue(res, 'claimdesk_session');
  return { res, cookie: session ? `claimdesk_session=${session}` : undefined };
}

export const PASSWORD = 'correct horse battery';

/** A urlencoded body the way a browser sends a form: arrays become repeated fields. */
export function formBody(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined && v !== null) params.append(key, String(v));
  }
  return params.toString();
}

export interface Caller {
  cookie?: string;
  bearer?: string;
}

/**
 * Sends one request as a caller: API routes with the caller's token, pages as a browser form
 * carrying a CSRF token taken from a page the caller can open.
 */
export async function send(
  app: Express,
  method: string,
  path: string,
  body: Record<string, unknown> | undefined,
  caller: Caller,
  headers: Record<string, string> = {},
) {
  const verb = method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete';
  if (path.startsWith('/api/')) {
    let req = request(app)[verb](path).set(headers);
    if (caller.bearer) req = req.set('Authorization', caller.bearer);
    return body === undefined ? req : req.set('Content-Type', 'application/json').send(JSON.stringify(body));
  }
  const { token, cookie } = await csrfFrom(app, caller.cookie ? '/account' : '/login', caller.cookie ?? '');
  return request(app)
    [verb](path)
    .set(headers)
    .set('Cookie', cookie)
    .type('form')
    .send(formBody({ ...body, _csrf: token }));
}
