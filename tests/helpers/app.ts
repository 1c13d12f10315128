import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../src/app.js';
import type { TestDb } from './db.js';

/** The app as `claimdesk serve` builds it, on this test file's database. */
export function testApp(db: TestDb): Express {
  return createApp({ db: db.engine.db, config: db.config, secret: db.config.sessionSecret! });
}

/**
 * A browser-like client: keeps cookies, signs in with the given session cookie, and fetches a
 * CSRF token from a page before posting a form, as a real form would carry it.
 */
export function browser(app: Express, sessionCookie?: string) {
  const agent = request.agent(app);
  if (sessionCookie) agent.set('Cookie', sessionCookie);
  let cookies = sessionCookie ? [sessionCookie] : [];
  return {
    agent,
    async csrf(fromPath = '/documents'): Promise<string> {
      const res = await request(app).get(fromPath).set('Cookie', cookies.join('; '));
      const token = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1];
      if (!token) throw new Error(`no CSRF token on ${fromPath} (status ${res.status})`);
      const csrfCookie = (res.headers['set-cookie'] as unknown as string[] | undefined)
        ?.find((c) => c.startsWith('claimdesk_csrf='))
        ?.split(';')[0];
      if (csrfCookie) cookies = [...cookies.filter((c) => !c.startsWith('claimdesk_csrf=')), csrfCookie];
      return token;
    },
    get cookie() {
      return cookies.join('; ');
    },
    /** Posts a urlencoded form with a fresh CSRF token. */
    async post(path: string, form: Record<string, string | number>, tokenFrom?: string) {
      const token = await this.csrf(tokenFrom);
      return request(app)
        .post(path)
        .set('Cookie', this.cookie)
        .type('form')
        .send({ ...Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])), _csrf: token });
    },
    get(path: string) {
      return request(app).get(path).set('Cookie', this.cookie);
    },
  };
}
