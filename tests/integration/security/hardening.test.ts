import { sql } from 'kysely';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { insertClaims } from '../../../src/claims/claim.repository.js';
import { toHttpError } from '../../../src/http/error-handler.js';
import { hashSecret } from '../../../src/users/session.service.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { cookieValue, csrfFrom, formBody, PASSWORD, setCookies } from './helpers.js';

/** A multipart body built byte by byte, so a field can carry bytes that are not UTF-8. */
function multipart(fields: Record<string, string | Buffer>): { body: Buffer; type: string } {
  const boundary = 'claimdesk-test-boundary';
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
      Buffer.from(value),
      Buffer.from('\r\n'),
    ]),
  );
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

describe(`security hardening: caches, cookies, error text, input, sessions, passwords (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor');
  });
  afterAll(() => db.close());

  it('sends Cache-Control: no-store on signed-in pages and API reads', async () => {
    expect((await request(app).get('/documents').set('Cookie', editor.cookie)).headers['cache-control']).toBe('no-store');
    expect((await request(app).get('/api/v1/claims').set('Authorization', editor.bearer)).headers['cache-control']).toBe('no-store');
    expect((await request(app).get('/account').set('Cookie', editor.cookie)).headers['cache-control']).toBe('no-store');
  });

  it('marks the flash cookie Secure when PUBLIC_URL is https, even for a request that arrived over http', async () => {
    const httpsApp = createApp({
      db: db.engine.db,
      config: { ...db.config, publicUrl: 'https://desk.example.org' },
      secret: db.config.sessionSecret!,
    });
    const { claims } = await buildDocument(db.ctx, { text: 'In 2003 the coalition sent 140,000 troops to Iraq.', language: 'en' });
    const { token, cookie } = await csrfFrom(httpsApp, '/account', editor.cookie);
    const res = await request(httpsApp)
      .post(`/claims/${claims[0]!.id}/notes`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, body: 'A note.' });
    expect(res.status).toBe(303);
    const flash = setCookies(res).find((c) => c.startsWith('claimdesk_flash='));
    expect(flash).toMatch(/;\s*Secure/i);
  });

  it('never shows the database’s own wording of a refused value (table, constraint, row ids)', async () => {
    const { document } = await buildDocument(db.ctx, { text: 'A short text of forty characters or so.', language: 'en' });
    const err = await db.engine.db
      .transaction()
      .execute((trx) =>
        insertClaims(trx, [
          {
            documentId: document.id,
            start: 84,
            end: 87,
            quote: 'abc',
            sentenceIndex: 0,
            kind: 'other',
            score: 1,
            reasons: [],
            suggestion: null,
            origin: 'manual',
          },
        ]),
      )
      .catch((e: unknown) => e);
    const mapped = toHttpError(err);
    expect(mapped?.status).toBe(400);
    expect(mapped!.message).not.toMatch(/claim span|document \d|84|claims_span/);
    expect([
      'That passage does not match the document’s text at those positions.',
      'A value is outside what is allowed for that field.',
    ]).toContain(mapped!.message);
  });

  it('guards multipart fields like every other body: a control character or invalid UTF-8 is a 400 and nothing is stored', async () => {
    const before = await tableChecksums(db.engine.db);
    for (const title of ['Escape \u001b[31m here', Buffer.from([0x54, 0x69, 0xe9, 0x74, 0x6c, 0x65])]) {
      const { token, cookie } = await csrfFrom(app, '/documents/new', editor.cookie);
      const { body, type } = multipart({ _csrf: token, title, language: 'en', text: 'In 2003 the coalition sent 140,000 troops.' });
      const res = await request(app).post('/documents').set('Cookie', cookie).set('Content-Type', type).send(body);
      expect(res.status, res.text.slice(0, 300)).toBe(400);
      expect(res.text).toMatch(/control character \(U\+001B\)|not valid UTF-8/);
    }
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    // The same form with clean UTF-8 (an accented title) still imports.
    const { token, cookie } = await csrfFrom(app, '/documents/new', editor.cookie);
    const { body, type } = multipart({
      _csrf: token,
      title: 'Digmaan sa Iraq — ulat ni José',
      language: 'en',
      text: 'In 2003 the coalition sent 140,000 troops.',
    });
    const ok = await request(app).post('/documents').set('Cookie', cookie).set('Content-Type', type).send(body);
    expect(ok.status, ok.text.slice(0, 300)).toBe(303);
    expect(
      await db.engine.db.selectFrom('documents').select('title').where('title', '=', 'Digmaan sa Iraq — ulat ni José').executeTakeFirst(),
    ).toBeDefined();
  });

  it('refuses bidirectional override characters in document titles and people’s names', async () => {
    const api = await request(app)
      .post('/api/v1/documents')
      .set('Authorization', editor.bearer)
      .send({ title: 'Report \u202Etxt.exe', text: 'In 2003 the coalition sent 140,000 troops.' });
    expect(api.status).toBe(400);
    expect(api.body.error.fields).toEqual([{ field: 'title', message: expect.stringContaining('bidirectional control characters') }]);
    const admin = await signIn(db.ctx, 'admin');
    const { token, cookie } = await csrfFrom(app, '/admin/users', admin.cookie);
    const invite = await request(app)
      .post('/admin/users')
      .set('Cookie', cookie)
      .type('form')
      .send(formBody({ _csrf: token, email: 'rtl@example.test', displayName: 'Ana\u202Enimda', role: 'reviewer' }));
    expect(invite.status).toBe(400);
    expect(await db.engine.db.selectFrom('users').select('id').where('email', '=', 'rtl@example.test').executeTakeFirst()).toBeUndefined();
  });

  it('ends a session idle for longer than SESSION_IDLE_TIMEOUT_MINUTES, and keeps one used within it', async () => {
    const plain = createApp({ db: db.engine.db, config: db.config, secret: db.config.sessionSecret! });
    const idle = await signIn(db.ctx, 'reviewer');
    const active = await signIn(db.ctx, 'reviewer');
    const idFor = (cookie: string) => hashSecret(cookie.split('=')[1]!);
    expect(db.config.sessionIdleTimeoutMinutes).toBe(480);
    await sql`UPDATE sessions SET last_seen_at = now() - interval '8 hours 5 minutes' WHERE id = ${idFor(idle.cookie)}`.execute(
      db.engine.db,
    );
    await sql`UPDATE sessions SET last_seen_at = now() - interval '7 hours 50 minutes' WHERE id = ${idFor(active.cookie)}`.execute(
      db.engine.db,
    );
    const refused = await request(plain).get('/documents').set('Cookie', idle.cookie);
    expect(refused.status).toBe(303);
    expect(refused.headers.location).toMatch(/^\/login/);
    expect(await db.engine.db.selectFrom('sessions').select('id').where('id', '=', idFor(idle.cookie)).executeTakeFirst()).toBeUndefined();
    expect((await request(plain).get('/documents').set('Cookie', active.cookie)).status).toBe(200);
    const touched = await db.engine.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('id', '=', idFor(active.cookie))
      .executeTakeFirstOrThrow();
    expect(Date.now() - touched.last_seen_at.getTime()).toBeLessThan(60_000);
  });

  it('refuses a common password (and one decorated with digits) with a clear message, and accepts an uncommon one', async () => {
    const user = await signIn(db.ctx, 'reviewer');
    const change = async (password: string) => {
      const { token, cookie } = await csrfFrom(app, '/account', user.cookie);
      return request(app)
        .post('/account/password')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: token, currentPassword: PASSWORD, password, confirmPassword: password });
    };
    for (const common of ['qwertyuiop', 'Password2024!', 'iloveyou123']) {
      const res = await change(common);
      expect(res.status, common).toBe(400);
      expect(res.text).toContain('is one of the most common passwords');
    }
    expect((await change('tamarind lantern ferry')).status).toBe(303);
  });

  it('revokes the user’s API tokens when they change their password, and says so on the account page', async () => {
    const user = await signIn(db.ctx, 'reviewer');
    expect((await request(app).get('/api/v1/claims').set('Authorization', user.bearer)).status).toBe(200);
    const page = await request(app).get('/account').set('Cookie', user.cookie);
    expect(page.text).toContain('revokes all your API tokens');
    const { token, cookie } = await csrfFrom(app, '/account', user.cookie);
    const res = await request(app)
      .post('/account/password')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: token, currentPassword: PASSWORD, password: 'tamarind lantern ferry', confirmPassword: 'tamarind lantern ferry' });
    expect(res.status).toBe(303);
    expect(cookieValue(res, 'claimdesk_session')).toBeUndefined(); // this browser stays signed in
    expect((await request(app).get('/api/v1/claims').set('Authorization', user.bearer)).status).toBe(401);
    expect((await request(app).get('/account').set('Cookie', user.cookie)).status).toBe(200);
  });
});
