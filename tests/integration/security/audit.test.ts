import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import request from 'supertest';
import type { Express } from 'express';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { recordAudit } from '../../../src/users/audit.js';
import { login } from './helpers.js';

const rowsOf = (html: string) => [...html.matchAll(/<tr>\s*<td><time/g)].length;
const totalOf = (html: string) => Number(/newest first: ([\d,]+) entr/.exec(html)?.[1]?.replace(',', '') ?? 0);

describe(`admin: audit log (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    admin = await signIn(db.ctx, 'admin', 'Ada Admin');
    for (let i = 0; i < 60; i++)
      await recordAudit(db.engine.db, { actorId: null, action: 'auth.login_failed', subject: `guess${i}@example.test`, ip: '192.0.2.1' });
    await recordAudit(db.engine.db, {
      actorId: admin.actor.id,
      action: 'user.role_changed',
      subject: "o'brien_100%@example.test",
      details: { from: 'viewer', to: 'editor' },
    });
  });
  afterAll(() => db.close());

  const page = (query: string) => request(app).get(`/admin/audit${query}`).set('Cookie', admin.cookie);

  it('shows sign-ins, failures, role changes and token use, newest first, 50 to a page', async () => {
    const user = await signIn(db.ctx, 'viewer');
    await login(app, user.actor.email, 'wrong password');
    await request(app).get('/api/v1/documents').set('Authorization', user.bearer);
    const first = await page('');
    expect(first.status).toBe(200);
    expect(rowsOf(first.text)).toBe(50);
    for (const action of ['auth.login_failed', 'user.role_changed', 'token.used', 'token.created', 'user.created'])
      expect(first.text).toContain(`<code>${action}</code>`);
    expect(first.text).toMatch(/page 1 of 2/);
    expect(first.text).toContain('href="/admin/audit?page=2"');
    const second = await page('?page=2');
    expect(rowsOf(second.text)).toBeGreaterThan(10);
    expect(second.text).toContain('guess0@example.test');
    expect(rowsOf((await page('?page=99')).text)).toBe(0);
  });

  it('searches subjects and actions literally: quotes, % and _ are text, not SQL or patterns', async () => {
    const quote = await page(`?q=${encodeURIComponent("o'brien_100%")}`);
    expect(quote.status).toBe(200);
    expect(rowsOf(quote.text)).toBe(1);
    expect(quote.text).toContain('o&#39;brien_100%@example.test');
    const all = await db.engine.db.selectFrom('audit_log').select(['action', 'subject']).execute();
    const literally = (q: string) =>
      all.filter((e) => e.action.includes(q.toLowerCase()) || (e.subject ?? '').toLowerCase().includes(q.toLowerCase())).length;
    for (const q of ['%', '_', '100%', "' OR '1'='1", '\\', "'; DROP TABLE audit_log; --", '$1', '"']) {
      const res = await page(`?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(totalOf(res.text), q).toBe(literally(q));
    }
    expect(literally('%')).toBe(1);
    expect(rowsOf((await page('?q=role_changed')).text)).toBe(1);
    expect(rowsOf((await page('?q=GUESS1')).text)).toBe(11);
    expect(await db.engine.db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).toEqual({
      n: all.length,
    });
  });

  it('refuses a malformed page number naming the field', async () => {
    for (const p of ['0', '-1', 'abc', '1e9', "1' OR 1=1"]) {
      const res = await page(`?page=${encodeURIComponent(p)}`);
      expect(res.status, p).toBe(400);
      expect(res.text).toContain('<strong>page</strong>');
    }
    expect((await page('?page=2&extra=1')).status).toBe(400);
  });

  it('is append-only: the database refuses to change or delete an entry', async () => {
    const id = (await db.engine.db.selectFrom('audit_log').select('id').limit(1).executeTakeFirstOrThrow()).id;
    await expect(sql`UPDATE audit_log SET subject = 'tampered' WHERE id = ${id}`.execute(db.engine.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE id = ${id}`.execute(db.engine.db)).rejects.toThrow(/append-only/);
  });
});
