import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildUser, signIn } from '../../helpers/factories.js';
import { createApp } from '../../../src/app.js';
import { cliActor } from '../../../src/users/permissions.js';
import { createSession, hashSecret, purgeExpiredSessions } from '../../../src/users/session.service.js';
import { revokeApiToken } from '../../../src/users/token.service.js';
import { changeUser } from '../../../src/users/user.service.js';
import { csrfFrom, login, PASSWORD, setCookies } from './helpers.js';

const sessionLine = (res: { headers: Record<string, unknown> }) =>
  setCookies(res)
    .filter((c) => c.startsWith('claimdesk_session='))
    .at(-1) ?? '';

describe(`sessions and their cookie (${engineName})`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
  });
  afterAll(() => db.close());

  it('sets the session cookie HttpOnly, SameSite=Lax, path /, for 7 days, and not Secure over plain HTTP', async () => {
    const user = await buildUser(db.ctx, 'viewer');
    const line = sessionLine((await login(testApp(db), user.email, PASSWORD)).res);
    expect(line).toMatch(/^claimdesk_session=[A-Za-z0-9_-]{43};/);
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; Max-Age=604800/);
    expect(line).not.toMatch(/; Secure/);
  });

  it('marks it Secure behind a trusted proxy that says HTTPS, and ignores the header from an untrusted one', async () => {
    const user = await buildUser(db.ctx, 'viewer');
    const proxied = testApp({ ...db, config: { ...db.config, trustProxy: 'loopback' } });
    const viaProxy = await login(proxied, user.email, PASSWORD, { ip: '198.51.100.4' });
    // login() sends X-Forwarded-For only; repeat with the protocol header as a TLS-terminating proxy would
    const https = await request(proxied).get('/login').set('X-Forwarded-Proto', 'https');
    expect(setCookies(https).find((c) => c.startsWith('claimdesk_csrf='))).toMatch(/; Secure/);
    expect(sessionLine(viaProxy.res)).not.toMatch(/; Secure/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(https.text)![1]!;
    const jar = setCookies(https)
      .map((c) => c.split(';')[0])
      .join('; ');
    const signedIn = await request(proxied)
      .post('/login')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', jar)
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: PASSWORD });
    expect(signedIn.status).toBe(303);
    expect(sessionLine(signedIn)).toMatch(/; Secure/);

    const direct = testApp(db); // no TRUST_PROXY: anyone could send that header
    const spoofed = await request(direct).get('/login').set('X-Forwarded-Proto', 'https');
    expect(setCookies(spoofed).find((c) => c.startsWith('claimdesk_csrf='))).not.toMatch(/; Secure/);
  });

  it('marks it Secure when PUBLIC_URL is https, even without a proxy header, and not when it is http', async () => {
    const user = await buildUser(db.ctx, 'viewer');
    const app = testApp({ ...db, config: { ...db.config, publicUrl: 'https://desk.example.org' } });
    expect(sessionLine((await login(app, user.email, PASSWORD)).res)).toMatch(/; Secure/);
    const plain = testApp({ ...db, config: { ...db.config, publicUrl: 'http://desk.example.org' } });
    const line = sessionLine((await login(plain, user.email, PASSWORD)).res);
    expect(line).toMatch(/^claimdesk_session=/);
    expect(line).not.toMatch(/; Secure/);
  });

  it('reads Authorization only as "Bearer" then one token: any spacing between, nothing before or after', async () => {
    const app = testApp(db);
    const user = await signIn(db.ctx, 'reviewer');
    const token = user.bearer.slice('Bearer '.length);
    const status = async (header: string) => (await request(app).get('/api/v1/documents').set('Authorization', header)).status;
    expect(await status(`Bearer ${token}`)).toBe(200);
    expect(await status(`bearer   ${token}`)).toBe(200);
    expect(await status(`Bearer ${token} extra`)).toBe(401);
    expect(await status(`XBearer ${token}`)).toBe(401);
    expect(await status(`Bearer${token}`)).toBe(401);
  });

  it('leaves a signed-in visitor’s session cookie alone and marks their pages no-store; the sign-in page is not', async () => {
    const app = testApp(db);
    const user = await signIn(db.ctx, 'viewer');
    const page = await request(app).get('/documents').set('Cookie', user.cookie);
    expect(page.status).toBe(200);
    expect(sessionLine(page)).toBe(''); // neither renewed nor cleared
    expect(page.headers['cache-control']).toBe('no-store');
    const signedOut = await request(app).get('/login');
    expect(signedOut.status).toBe(200);
    expect(signedOut.headers['cache-control'] ?? '').not.toContain('no-store');
  });

  it('answers a signed-out API call with 401 and how to sign in, a write too (no CSRF refusal: nothing to forge)', async () => {
    const app = testApp(db);
    for (const res of [
      await request(app).get('/api/v1/documents'),
      await request(app).post('/api/v1/documents').send({ title: 'x', text: 'In 2004 the council spent 3 million pesos.' }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe('Send an API token: Authorization: Bearer <token>.');
    }
  });

  it('sends a signed-out visitor to the sign-in page: back to the page asked for after a GET, with no address after a form post', async () => {
    const app = testApp(db);
    expect((await request(app).get('/claims?status=open')).headers.location).toBe('/login?next=%2Fclaims%3Fstatus%3Dopen');
    // A signed-out visitor's own CSRF token passes the CSRF check; the post still needs a session.
    const { token, cookie } = await csrfFrom(app, '/login');
    const post = await request(app).post('/documents/1/reextract').set('Cookie', cookie).type('form').send({ _csrf: token });
    expect(post.status).toBe(303);
    expect(post.headers.location).toBe('/login');
  });

  it('keeps sessions in the database: a new app process over the same database knows them', async () => {
    const user = await signIn(db.ctx, 'editor');
    const restarted = createApp({ db: db.engine.db, config: db.config, secret: db.config.sessionSecret! });
    expect((await request(restarted).get('/account').set('Cookie', user.cookie)).status).toBe(200);
  });

  it('refuses an expired session and purges it', async () => {
    const user = await buildUser(db.ctx, 'viewer');
    const token = await createSession(db.ctx, user.id, { ip: null, userAgent: null });
    await db.engine.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', hashSecret(token))
      .execute();
    const res = await request(testApp(db)).get('/account').set('Cookie', `claimdesk_session=${token}`);
    expect(res.status).toBe(303);
    expect(sessionLine(res)).toMatch(/^claimdesk_session=;/); // the browser is told to forget it
    expect(await purgeExpiredSessions(db.ctx)).toBeGreaterThanOrEqual(1);
    expect(await db.engine.db.selectFrom('sessions').select('id').where('id', '=', hashSecret(token)).executeTakeFirst()).toBeUndefined();
  });

  it('stops a disabled user at once: their session and their API token are refused on the next request', async () => {
    const app = testApp(db);
    const user = await signIn(db.ctx, 'editor');
    expect((await request(app).get('/documents').set('Cookie', user.cookie)).status).toBe(200);
    expect((await request(app).get('/api/v1/documents').set('Authorization', user.bearer)).status).toBe(200);
    await changeUser(db.ctx, cliActor, user.actor.id, { disabled: true });
    expect((await request(app).get('/documents').set('Cookie', user.cookie)).headers.location).toBe('/login?next=%2Fdocuments');
    expect((await request(app).get('/api/v1/documents').set('Authorization', user.bearer)).status).toBe(401);
    expect(await db.engine.db.selectFrom('sessions').select('id').where('user_id', '=', user.actor.id).execute()).toEqual([]);
    // enabling them again does not bring the old token back: it was revoked, not just paused
    await changeUser(db.ctx, cliActor, user.actor.id, { disabled: false });
    expect((await request(app).get('/api/v1/documents').set('Authorization', user.bearer)).status).toBe(401);
  });

  it('stops a revoked token at once, and records its last use', async () => {
    const app = testApp(db);
    const user = await signIn(db.ctx, 'reviewer');
    expect((await request(app).get('/api/v1/documents').set('Authorization', user.bearer)).status).toBe(200);
    const row = await db.engine.db.selectFrom('api_tokens').selectAll().where('user_id', '=', user.actor.id).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    expect(row.token_hash).toBe(hashSecret(user.bearer.slice('Bearer '.length)));
    await revokeApiToken(db.ctx, user.actor, row.id);
    const res = await request(app).get('/api/v1/documents').set('Authorization', user.bearer);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toContain('revoked');
  });
});
