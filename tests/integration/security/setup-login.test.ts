import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../../src/app.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildUser, signIn } from '../../helpers/factories.js';
import { hashSecret } from '../../../src/users/session.service.js';
import { cookieValue, csrfFrom, login, PASSWORD, securityChecksums } from './helpers.js';

describe(`first run, sign-in and sign-out (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
  });
  afterAll(() => db.close());

  it('sends everyone to /setup while nobody has an account, and /login to /setup too', async () => {
    expect((await request(app).get('/documents')).headers.location).toBe('/setup');
    expect((await request(app).get('/login')).headers.location).toBe('/setup');
    const page = await request(app).get('/setup');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Create administrator');
  });

  it('refuses a short password at /setup naming the field, creating nobody', async () => {
    const before = await securityChecksums(db.engine.db);
    const { token, cookie } = await csrfFrom(app, '/setup');
    const res = await request(app)
      .post('/setup')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, displayName: 'Ada', email: 'ada@example.test', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="password-error"');
    expect(res.text).toContain('must be at least 10 characters');
    expect(await securityChecksums(db.engine.db)).toEqual(before);
  });

  it('creates the first admin at /setup, signs them in, and is unreachable afterwards', async () => {
    const { token, cookie } = await csrfFrom(app, '/setup');
    const res = await request(app)
      .post('/setup')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, displayName: 'Ada', email: 'Ada@Example.test', password: PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const session = cookieValue(res, 'claimdesk_session')!;
    const home = await request(app).get('/account').set('Cookie', `claimdesk_session=${session}`);
    expect(home.status).toBe(200);
    expect(home.text).toContain('ada@example.test');
    expect(home.text).toMatch(/<dt>Role<\/dt><dd>admin/);

    expect((await request(app).get('/setup')).headers.location).toBe('/login');
    const again = await csrfFrom(app, '/login');
    const second = await request(app)
      .post('/setup')
      .set('Cookie', again.cookie)
      .type('form')
      .send({ _csrf: again.token, displayName: 'Mallory', email: 'mallory@example.test', password: PASSWORD });
    expect(second.headers.location).toBe('/login');
    expect(await db.engine.db.selectFrom('users').select('email').execute()).toEqual([{ email: 'ada@example.test' }]);
  });

  it('signs in with the email in any case and returns to a local `next`', async () => {
    const { res, cookie } = await login(app, '  ADA@example.TEST ', PASSWORD, { next: '/documents?sort=title' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/documents?sort=title');
    expect((await request(app).get('/documents').set('Cookie', cookie!)).status).toBe(200);
  });

  it.each([
    'https://evil.test/',
    '//evil.test/x',
    '/\\evil.test',
    '/%0d%0aSet-Cookie:x=1',
    'javascript:alert(1)',
    ' /documents',
    '/\t/evil.test',
  ])('never redirects off-site after sign-in (next=%j)', async (next) => {
    const { res } = await login(app, 'ada@example.test', PASSWORD, { next });
    expect(res.status).toBe(303);
    expect(res.headers.location === '/' || res.headers.location === next).toBe(true);
    expect(res.headers.location).toMatch(/^\/(?![/\\])/);
    expect(res.headers.location).not.toMatch(/[\r\n]/);
  });

  it('gives the same answer for an unknown email, a wrong password, a disabled and an invited user', async () => {
    const disabled = await signIn(db.ctx, 'editor');
    await db.engine.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', disabled.actor.id).execute();
    const invited = await buildUser(db.ctx, 'viewer');
    await db.engine.db.updateTable('users').set({ password_hash: null }).where('id', '=', invited.id).execute();
    const answers = [];
    for (const [email, password] of [
      ['nobody@example.test', PASSWORD],
      ['ada@example.test', 'wrong password!'],
      [disabled.actor.email, PASSWORD],
      [invited.email, PASSWORD],
    ] as const) {
      const { res, cookie } = await login(app, email, password);
      expect(cookie).toBeUndefined();
      answers.push([res.status, /class="form-error" role="alert" id="form-error">([^<]+)</.exec(res.text)?.[1]]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual([401, 'That email and password do not match an active account.']);
    const reasons = await db.engine.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.login_failed')
      .orderBy('id')
      .execute();
    expect(reasons.slice(-4).map((r) => r.details.reason)).toEqual(['unknown_email', 'wrong_password', 'disabled', 'no_password']);
  });

  it('takes about as long for an unknown email as for a wrong password (one scrypt run each)', async () => {
    // At the production cost, so the scrypt run is what the timings measure, not the request around it.
    const config = { ...db.config, passwordHashCost: 15 };
    const production = createApp({ db: db.engine.db, config, secret: db.config.sessionSecret! });
    const time = async (email: string) => {
      const started = performance.now();
      const { res } = await login(production, email, 'not the password');
      expect(res.status).toBe(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Interleaved, so that load from other test files slows both kinds alike.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      unknown.push(await time(`ghost${i}@example.test`));
      known.push(await time(await buildUser({ ...db.ctx, config }, 'viewer').then((u) => u.email)));
    }
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('rotates the session id at sign-in: a session planted before sign-in is ended, not upgraded', async () => {
    const planted = await signIn(db.ctx, 'viewer');
    const { res, cookie } = await login(app, 'ada@example.test', PASSWORD, { cookie: planted.cookie, tokenFrom: '/account' });
    expect(res.status).toBe(303);
    expect(cookie).not.toBe(planted.cookie);
    const plantedId = hashSecret(planted.cookie.split('=')[1]!);
    expect(await db.engine.db.selectFrom('sessions').select('id').where('id', '=', plantedId).executeTakeFirst()).toBeUndefined();
    expect((await request(app).get('/account').set('Cookie', planted.cookie)).status).toBe(303);
  });

  it('ends the session at sign-out: the old cookie no longer works and the sign-out is audited', async () => {
    const { cookie } = await login(app, 'ada@example.test', PASSWORD);
    const { token, cookie: jar } = await csrfFrom(app, '/account', cookie);
    const out = await request(app).post('/logout').set('Cookie', jar).type('form').send({ _csrf: token });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login');
    expect(cookieValue(out, 'claimdesk_session')).toBe('');
    const replay = await request(app).get('/account').set('Cookie', cookie!);
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toBe('/login?next=%2Faccount');
    expect(await db.engine.db.selectFrom('audit_log').select('action').where('action', '=', 'auth.logout').execute()).toHaveLength(1);
  });

  it('upgrades a password hash made at a lower cost when its owner next signs in', async () => {
    const user = await buildUser(db.ctx, 'reviewer');
    const hashOf = async () =>
      (await db.engine.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()).password_hash!;
    const before = await hashOf();
    expect(before).toMatch(new RegExp(`^scrypt\\$${2 ** db.config.passwordHashCost}\\$8\\$1\\$`));
    const raised = createApp({
      db: db.engine.db,
      config: { ...db.config, passwordHashCost: db.config.passwordHashCost + 1 },
      secret: db.config.sessionSecret!,
    });
    expect((await login(raised, user.email, PASSWORD)).res.status).toBe(303);
    const after = await hashOf();
    expect(after).toMatch(new RegExp(`^scrypt\\$${2 ** (db.config.passwordHashCost + 1)}\\$8\\$1\\$`));
    // The upgraded hash still takes the same password, on the app as it was too.
    expect((await login(app, user.email, PASSWORD)).res.status).toBe(303);
    expect((await login(raised, user.email, 'not the password')).res.status).toBe(401);
  });
});
