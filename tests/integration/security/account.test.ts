import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { createSession, hashSecret } from '../../../src/users/session.service.js';
import { csrfFrom, formBody, login, PASSWORD, securityChecksums } from './helpers.js';

describe(`your account: API tokens and password (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  const post = async (cookie: string, path: string, form: Record<string, unknown>) => {
    const { token, cookie: jar } = await csrfFrom(app, '/account', cookie);
    return request(app)
      .post(path)
      .set('Cookie', jar)
      .type('form')
      .send(formBody({ ...form, _csrf: token }));
  };
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
  });
  afterAll(() => db.close());

  it('creates a token shown once, stored only as a hash, usable at once, listed by its prefix', async () => {
    const viewer = await signIn(db.ctx, 'viewer');
    const res = await post(viewer.cookie, '/account/tokens', { name: 'newsroom export' });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const token = /value="(cd_[A-Za-z0-9_-]{43})"/.exec(res.text)![1]!;
    const row = await db.engine.db.selectFrom('api_tokens').selectAll().where('name', '=', 'newsroom export').executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.last_used_at).toBeNull();
    expect((await request(app).get('/api/v1/documents').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    const page = await request(app).get('/account').set('Cookie', viewer.cookie);
    expect(page.text).toContain('newsroom export');
    expect(page.text).toContain(`<code>${token.slice(0, 10)}…</code>`);
    expect(page.text).not.toContain(token);
    const used = await db.engine.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();
    expect(
      await db.engine.db.selectFrom('audit_log').select('action').where('subject', '=', `token ${row.id}`).orderBy('id').execute(),
    ).toEqual([{ action: 'token.created' }, { action: 'token.used' }]);
  });

  it('revokes a token from the account page; it stops working at once', async () => {
    const editor = await signIn(db.ctx, 'editor');
    const id = (await db.engine.db.selectFrom('api_tokens').select('id').where('user_id', '=', editor.actor.id).executeTakeFirstOrThrow())
      .id;
    const res = await post(editor.cookie, `/account/tokens/${id}/revoke`, {});
    expect(res.status).toBe(303);
    expect((await request(app).get('/api/v1/documents').set('Authorization', editor.bearer)).status).toBe(401);
    expect((await request(app).get('/account').set('Cookie', editor.cookie)).text).toMatch(/revoked \d/);
  });

  it("answers 404 for someone else's token, and revokes nothing", async () => {
    const owner = await signIn(db.ctx, 'reviewer');
    const other = await signIn(db.ctx, 'editor');
    const id = (await db.engine.db.selectFrom('api_tokens').select('id').where('user_id', '=', owner.actor.id).executeTakeFirstOrThrow())
      .id;
    const before = await securityChecksums(db.engine.db);
    expect((await post(other.cookie, `/account/tokens/${id}/revoke`, {})).status).toBe(404);
    expect(await securityChecksums(db.engine.db)).toEqual(before);
    expect((await request(app).get('/api/v1/documents').set('Authorization', owner.bearer)).status).toBe(200);
  });

  it('refuses a token without a name or with a name over 100 characters, naming the field', async () => {
    const viewer = await signIn(db.ctx, 'viewer');
    const before = await securityChecksums(db.engine.db);
    for (const name of ['', 'x'.repeat(101)]) {
      const res = await post(viewer.cookie, '/account/tokens', { name });
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/id="name-error">(is required|must be at most 100 characters)/);
    }
    expect(await securityChecksums(db.engine.db)).toEqual(before);
  });

  it('changes the password after checking the current one, signing out every other session', async () => {
    const user = await signIn(db.ctx, 'reviewer');
    const otherBrowser = `claimdesk_session=${await createSession(db.ctx, user.actor.id, { ip: null, userAgent: 'phone' })}`;
    const before = await securityChecksums(db.engine.db);
    const wrong = await post(user.cookie, '/account/password', {
      currentPassword: 'not it at all',
      password: 'a fresh passphrase',
      confirmPassword: 'a fresh passphrase',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('id="currentPassword-error">is not your current password');
    const mismatch = await post(user.cookie, '/account/password', {
      currentPassword: PASSWORD,
      password: 'a fresh passphrase',
      confirmPassword: 'a fresh passphrase!',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('id="confirmPassword-error">does not match the new password');
    const short = await post(user.cookie, '/account/password', { currentPassword: PASSWORD, password: 'short', confirmPassword: 'short' });
    expect(short.text).toContain('id="password-error">must be at least 10 characters');
    expect(await securityChecksums(db.engine.db)).toEqual(before);

    const ok = await post(user.cookie, '/account/password', {
      currentPassword: PASSWORD,
      password: 'a fresh passphrase',
      confirmPassword: 'a fresh passphrase',
    });
    expect(ok.status).toBe(303);
    expect((await request(app).get('/account').set('Cookie', user.cookie)).status).toBe(200);
    expect((await request(app).get('/account').set('Cookie', otherBrowser)).status).toBe(303);
    expect((await login(app, user.actor.email, PASSWORD)).res.status).toBe(401);
    expect((await login(app, user.actor.email, 'a fresh passphrase')).res.status).toBe(303);
  });
});
