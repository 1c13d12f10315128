import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { pino } from 'pino';
import { createApp } from '../../../src/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { cookieValue, csrfFrom, formBody, login, PASSWORD } from './helpers.js';

describe(`the access log holds no secret (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  const lines: string[] = [];
  beforeAll(async () => {
    db = await openTestDb();
    const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    app = createApp({ db: db.engine.db, config: db.config, secret: db.config.sessionSecret!, log });
  });
  afterAll(() => db.close());

  it('logs set-up, sign-in and an invitation accepted without session ids, CSRF secrets or the invitation token', async () => {
    const secrets: string[] = [];
    const keep = (res: request.Response) => {
      for (const name of ['claimdesk_session', 'claimdesk_csrf']) {
        const value = cookieValue(res, name);
        if (value) secrets.push(value, encodeURIComponent(value));
      }
    };
    const setup = await csrfFrom(app, '/setup');
    secrets.push(setup.token, setup.cookie.split('=')[1]!);
    const created = await request(app)
      .post('/setup')
      .set('Cookie', setup.cookie)
      .type('form')
      .send({ _csrf: setup.token, displayName: 'Ada', email: 'ada@example.test', password: PASSWORD });
    expect(created.status).toBe(303);
    keep(created);

    const { res: signedIn, cookie } = await login(app, 'ada@example.test', PASSWORD, { next: '/documents' });
    expect(signedIn.status).toBe(303);
    keep(signedIn);

    const page = await csrfFrom(app, '/admin/users', cookie);
    secrets.push(page.token);
    const invited = await request(app)
      .post('/admin/users')
      .set('Cookie', page.cookie)
      .type('form')
      .send(formBody({ email: 'bea@example.test', displayName: 'Bea', role: 'reviewer', _csrf: page.token }));
    const link = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(invited.text)?.[1];
    expect(link).toBeDefined();
    secrets.push(link!);

    // A signed-out visitor sent to sign in first carries the link in `next`.
    await request(app).get(`/login?next=${encodeURIComponent(`/invitations/${link}`)}`);
    const accept = await csrfFrom(app, `/invitations/${link}`);
    secrets.push(accept.token);
    const accepted = await request(app)
      .post(`/invitations/${link}`)
      .set('Cookie', accept.cookie)
      .type('form')
      .send({ _csrf: accept.token, password: PASSWORD, confirmPassword: PASSWORD });
    expect(accepted.status).toBe(303);
    keep(accepted);

    const output = lines.join('');
    expect(lines.length).toBeGreaterThan(8);
    expect(output).toContain('/invitations/[redacted]');
    expect(output).toContain('"set-cookie":"[redacted]"');
    for (const secret of new Set(secrets)) expect(output, `log contains ${secret.slice(0, 6)}…`).not.toContain(secret);
  });
});
