import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import request from 'supertest';
import type { Express } from 'express';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { cookieValue, csrfFrom, formBody, login, PASSWORD } from './helpers.js';

describe(`invitation and password reset links (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let admin: Awaited<ReturnType<typeof signIn>>;
  const post = async (path: string, form: Record<string, unknown>, cookie = admin.cookie) => {
    const { token, cookie: jar } = await csrfFrom(app, '/account', cookie);
    return request(app)
      .post(path)
      .set('Cookie', jar)
      .type('form')
      .send(formBody({ ...form, _csrf: token }));
  };
  const invite = async (email: string, role = 'reviewer') => {
    const res = await post('/admin/users', { email, displayName: 'Bea Reyes', role });
    const link = /data-testid="invitation-link" value="([^"]+)"|value="([^"]+)" data-testid="invitation-link"/.exec(res.text);
    return { res, link: link?.[1] ?? link?.[2] };
  };
  const userRow = (email: string) => db.engine.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    admin = await signIn(db.ctx, 'admin', 'Ada Admin');
  });
  afterAll(() => db.close());

  it('invites with a single-use link shown once; the invitee sets a password and is signed in', async () => {
    const { res, link } = await invite('Bea@Example.test');
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitations\/[A-Za-z0-9_-]{43}$/);
    const path = new URL(link!).pathname;
    const token = path.split('/').pop()!;
    const stored = await db.engine.db.selectFrom('user_invitations').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token); // only the hash is kept
    const bea = await userRow('bea@example.test');
    expect(bea.password_hash).toBeNull();
    expect((await login(app, 'bea@example.test', '')).cookie).toBeUndefined();
    expect((await request(app).get('/admin/users').set('Cookie', admin.cookie)).text).toMatch(
      /invited<\/span>\s*<div class="hint">link valid until/,
    );

    const form = await request(app).get(path);
    expect(form.status).toBe(200);
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    expect(form.text).toContain('bea@example.test');
    const { token: csrf, cookie } = await csrfFrom(app, path);
    const mismatch = await request(app)
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, password: 'a long new password', confirmPassword: 'another one entirely' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.text).toContain('id="confirmPassword-error"');
    const accepted = await request(app)
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, password: 'a long new password', confirmPassword: 'a long new password' });
    expect(accepted.status).toBe(303);
    expect(cookieValue(accepted, 'claimdesk_session')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await login(app, 'bea@example.test', 'a long new password')).res.status).toBe(303);

    const again = await csrfFrom(app, '/login');
    const reuse = await request(app)
      .post(path)
      .set('Cookie', again.cookie)
      .type('form')
      .send({ _csrf: again.token, password: 'hijacked password', confirmPassword: 'hijacked password' });
    expect(reuse.status).toBe(404);
    expect((await request(app).get(path)).status).toBe(404);
  });

  it('refuses an expired link', async () => {
    const { link } = await invite('late@example.test');
    const path = new URL(link!).pathname;
    await sql`UPDATE user_invitations SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE used_at IS NULL`.execute(
      db.engine.db,
    );
    expect((await request(app).get('/admin/users').set('Cookie', admin.cookie)).text).toContain('link expired: send a new one');
    expect((await request(app).get(path)).status).toBe(404);

    // Sending a new link gives it a fresh seven days, and the expired one stays dead.
    const late = await userRow('late@example.test');
    const reissued = await post(`/admin/users/${late.id}/link`, {});
    expect(reissued.status).toBe(200);
    const fresh = new URL(/value="(http[^"]+)"/.exec(reissued.text)![1]!).pathname;
    const { expires_at } = await db.engine.db
      .selectFrom('user_invitations')
      .select('expires_at')
      .where('user_id', '=', late.id)
      .where('used_at', 'is', null)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const days = (new Date(expires_at).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect((await request(app).get(fresh)).status).toBe(200);
    expect((await request(app).get(path)).status).toBe(404);
    expect((await request(app).get('/admin/users').set('Cookie', admin.cookie)).text).not.toContain('link expired: send a new one');
  });

  it('issues a password reset link that ends the user’s other sessions when used', async () => {
    const editor = await signIn(db.ctx, 'editor', 'Ed Itor');
    const res = await post(`/admin/users/${editor.actor.id}/link`, {});
    expect(res.status).toBe(200);
    const link = /value="(http[^"]+)"/.exec(res.text)![1]!;
    const path = new URL(link).pathname;
    expect((await request(app).get(path)).text).toContain('signs this account out everywhere else');
    const { token, cookie } = await csrfFrom(app, path);
    const done = await request(app)
      .post(path)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, password: 'reset and renewed', confirmPassword: 'reset and renewed' });
    expect(done.status).toBe(303);
    expect((await request(app).get('/documents').set('Cookie', editor.cookie)).status).toBe(303);
    expect((await login(app, editor.actor.email, PASSWORD)).res.status).toBe(401);
    const audit = await db.engine.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject', '=', editor.actor.email)
      .orderBy('id')
      .execute();
    expect(
      audit.map((a) => a.action),
      JSON.stringify(audit),
    ).toEqual(['user.created', 'user.link_issued', 'user.password_reset', 'auth.login_failed']);
  });
});
