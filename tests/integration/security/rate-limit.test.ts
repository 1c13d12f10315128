import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildUser, signIn } from '../../helpers/factories.js';
import { csrfFrom, login, PASSWORD } from './helpers.js';

describe(`sign-in rate limits (${engineName})`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb({ trustProxy: 'loopback' }); // so each test can speak from its own client address
  });
  afterAll(() => db.close());

  it('refuses the 6th failure for one account within 15 minutes, whatever the spelling of its email, even with the right password', async () => {
    const app = testApp(db);
    const user = await buildUser(db.ctx, 'reviewer');
    const spellings = [
      user.email,
      user.email.toUpperCase(),
      ` ${user.email} `,
      user.email,
      user.email.replace(/^./, (c) => c.toUpperCase()),
    ];
    for (const [i, email] of spellings.entries()) {
      const { res } = await login(app, email, 'wrong password', { ip: `198.51.100.${i + 1}` });
      expect(res.status).toBe(401);
    }
    const { res, cookie } = await login(app, user.email, PASSWORD, { ip: '198.51.100.77' });
    expect(res.status).toBe(429);
    expect(cookie).toBeUndefined();
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(res.text).toMatch(/Too many failed attempts for this account\. Try again in 1[45] minutes \(after \d\d:\d\d UTC\)\./);
    expect(res.text).toContain('action="/login"'); // the form stays, with the message on it
    // another account from the same addresses is not affected
    const other = await buildUser(db.ctx, 'viewer');
    expect((await login(app, other.email, PASSWORD, { ip: '198.51.100.1' })).res.status).toBe(303);
  });

  it('refuses the 21st failure from one address within 15 minutes, across accounts', async () => {
    const app = testApp(db);
    for (let i = 0; i < 20; i++) {
      const { res } = await login(app, `nobody${i}@example.test`, 'wrong password', { ip: '203.0.113.9' });
      expect(res.status).toBe(401);
    }
    const user = await buildUser(db.ctx, 'editor');
    const blocked = await login(app, user.email, PASSWORD, { ip: '203.0.113.9' });
    expect(blocked.res.status).toBe(429);
    expect(blocked.res.text).toContain('Too many failed attempts for sign-ins from your network address');
    expect((await login(app, user.email, PASSWORD, { ip: '203.0.113.10' })).res.status).toBe(303);
  });

  it('does not count successful sign-ins', async () => {
    const app = testApp(db);
    const user = await buildUser(db.ctx, 'editor');
    for (let i = 0; i < 8; i++) expect((await login(app, user.email, PASSWORD, { ip: '192.0.2.50' })).res.status).toBe(303);
    for (let i = 0; i < 4; i++) expect((await login(app, user.email, 'wrong password', { ip: '192.0.2.50' })).res.status).toBe(401);
    expect((await login(app, user.email, PASSWORD, { ip: '192.0.2.50' })).res.status).toBe(303);
  });

  it('keeps its counters in the database, shared by every app on it, under hashed keys that hold no email', async () => {
    const user = await buildUser(db.ctx, 'reviewer');
    const [first, second] = [testApp(db), testApp(db)]; // two apps, as two processes would build them
    for (let i = 0; i < 5; i++)
      expect((await login(i % 2 ? second : first, user.email, 'wrong password', { ip: `192.0.2.${100 + i}` })).res.status).toBe(401);
    expect((await login(second, user.email, PASSWORD, { ip: '192.0.2.120' })).res.status).toBe(429);
    expect((await login(testApp(db), user.email, PASSWORD, { ip: '192.0.2.121' })).res.status).toBe(429); // and after a restart
    const rows = await db.engine.db.selectFrom('rate_limit_counters').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(user.email.split('@')[0]);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash))).toBe(true);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says to believe it', async () => {
    const strict = await openTestDb();
    try {
      const app = testApp(strict);
      const user = await buildUser(strict.ctx, 'editor');
      for (let i = 0; i < 5; i++) await login(app, user.email, 'wrong password', { ip: `198.18.0.${i}` });
      // five different claimed addresses, yet one real client: its sixth failure is refused too
      for (let i = 0; i < 15; i++) await login(app, `ghost${i}@example.test`, 'wrong password', { ip: `198.18.1.${i}` });
      expect((await login(app, 'ghost-last@example.test', 'wrong password', { ip: '198.18.2.1' })).res.status).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it('limits guesses of the current password on the account page to 5 per 15 minutes', async () => {
    const app = testApp(db);
    const user = await signIn(db.ctx, 'viewer');
    for (let i = 0; i < 5; i++) {
      const { token, cookie } = await csrfFrom(app, '/account', user.cookie);
      const res = await request(app)
        .post('/account/password')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: token, currentPassword: `guess ${i}`, password: 'a new long password', confirmPassword: 'a new long password' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('is not your current password');
    }
    const { token, cookie } = await csrfFrom(app, '/account', user.cookie);
    const res = await request(app)
      .post('/account/password')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, currentPassword: PASSWORD, password: 'a new long password', confirmPassword: 'a new long password' });
    expect(res.status).toBe(429);
    expect(res.text).toContain('Too many failed attempts for your current password');
  });
});
