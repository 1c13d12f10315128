import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { changeUser } from '../../../src/users/user.service.js';
import { csrfFrom, formBody, login, PASSWORD, securityChecksums, setCookies } from './helpers.js';

describe(`admin: users (${engineName})`, () => {
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

  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    admin = await signIn(db.ctx, 'admin', 'Ada Admin');
  });
  afterAll(() => db.close());

  it('lists everyone for an admin, and is 403 for anyone else', async () => {
    const page = await request(app).get('/admin/users').set('Cookie', admin.cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ada Admin');
    expect(page.text).toContain('Invite someone');
    for (const role of ['editor', 'reviewer', 'viewer'] as const) {
      const other = await signIn(db.ctx, role);
      expect((await request(app).get('/admin/users').set('Cookie', other.cookie)).status).toBe(403);
      expect((await request(app).get('/admin/audit').set('Cookie', other.cookie)).status).toBe(403);
    }
  });

  it('names the field and writes nothing when an invitation is refused', async () => {
    expect((await post('/admin/users', { email: 'bea@example.test', displayName: 'Bea Reyes', role: 'reviewer' })).status).toBe(201);
    const before = await securityChecksums(db.engine.db);
    const bad = await post('/admin/users', { email: 'not-an-email', displayName: '', role: 'owner' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="email-error"');
    expect(bad.text).toContain('id="displayName-error"');
    expect(bad.text).toMatch(/id="role-error">must be one of: admin, editor, reviewer, viewer/);
    const taken = await post('/admin/users', { email: 'BEA@example.test', displayName: 'Imposter', role: 'admin' });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('already exists');
    expect(await securityChecksums(db.engine.db)).toEqual(before);
  });

  it('changes a role with an audit line, effective on the next request', async () => {
    const reviewer = await signIn(db.ctx, 'reviewer', 'Rita Reviewer');
    expect((await request(app).get('/admin/users').set('Cookie', reviewer.cookie)).status).toBe(403);
    const res = await post(`/admin/users/${reviewer.actor.id}/role`, { role: 'admin' });
    expect(res.status).toBe(303);
    const flashCookie = setCookies(res)
      .find((c) => c.startsWith('claimdesk_flash='))!
      .split(';')[0];
    expect((await request(app).get('/admin/users').set('Cookie', `${admin.cookie}; ${flashCookie}`)).text).toContain(
      'Rita Reviewer is now an admin.',
    );
    expect((await request(app).get('/admin/users').set('Cookie', reviewer.cookie)).status).toBe(200);
    const audit = await db.engine.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.role_changed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: admin.actor.id, subject: reviewer.actor.email, details: { from: 'reviewer', to: 'admin' } });
    const bad = await post(`/admin/users/${reviewer.actor.id}/role`, { role: 'superuser' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('must be one of');
  });

  it('will not let an admin disable or demote themselves', async () => {
    const before = await securityChecksums(db.engine.db);
    expect((await post(`/admin/users/${admin.actor.id}/disable`, {})).status).toBe(403);
    expect((await post(`/admin/users/${admin.actor.id}/role`, { role: 'viewer' })).status).toBe(403);
    expect(await securityChecksums(db.engine.db)).toEqual(before);
    expect((await request(app).get('/admin/users').set('Cookie', admin.cookie)).status).toBe(200);
  });

  it('never leaves the desk without an active admin, even when two admins demote each other at once', async () => {
    const solo = await openTestDb();
    try {
      const a = await signIn(solo.ctx, 'admin');
      const b = await signIn(solo.ctx, 'admin');
      const results = await Promise.allSettled([
        changeUser(solo.ctx, a.actor, b.actor.id, { role: 'editor' }),
        changeUser(solo.ctx, b.actor, a.actor.id, { role: 'editor' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const admins = await solo.engine.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .execute();
      expect(admins).toHaveLength(1);
    } finally {
      await solo.close();
    }
  });

  it('disables and enables from the list: the disabled user is signed out and cannot sign in', async () => {
    const viewer = await signIn(db.ctx, 'viewer', 'Vic Viewer');
    expect((await post(`/admin/users/${viewer.actor.id}/disable`, {})).status).toBe(303);
    expect((await request(app).get('/documents').set('Cookie', viewer.cookie)).status).toBe(303);
    expect((await login(app, viewer.actor.email, PASSWORD)).res.status).toBe(401);
    expect((await request(app).get('/admin/users').set('Cookie', admin.cookie)).text).toMatch(/Vic Viewer[\s\S]*?disabled<\/span>/);
    expect((await post(`/admin/users/${viewer.actor.id}/enable`, {})).status).toBe(303);
    expect((await login(app, viewer.actor.email, PASSWORD)).res.status).toBe(303);
  });

  it('answers 404 for a user that does not exist or a malformed id', async () => {
    expect((await post('/admin/users/999999/role', { role: 'viewer' })).status).toBe(404);
    expect((await post('/admin/users/abc/disable', {})).status).toBe(404);
  });
});
