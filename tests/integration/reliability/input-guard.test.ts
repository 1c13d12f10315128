import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** What the guard in front of every route says, field by field: the corpus checks the status, this the words. */
describe(`input guard messages (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let bearer: string;
  let cookie: string;
  let claimId: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ bearer, cookie } = await signIn(db.ctx, 'editor'));
    claimId = (await buildDocument(db.ctx)).claims[0]!.id;
  });
  afterAll(() => db.close());

  const note = () =>
    request(app).post(`/api/v1/claims/${claimId}/notes`).set('Authorization', bearer).set('Content-Type', 'application/json');

  it.each([
    ['JSON nested 21 deep', () => note().send(nested(21)), 'too_deep', /nested deeper than 20 levels/],
    [
      'invalid UTF-8 in JSON',
      () =>
        note()
          .serialize((b: unknown) => b as string)
          .send(Buffer.from('7b22626f6479223a2263616fe9227d', 'hex')),
      'invalid_utf8',
      /request body is not valid UTF-8/,
    ],
    [
      'a NUL byte',
      () => note().send({ body: 'a\u0000b' }),
      'invalid_input',
      /^body: contains a control character \(U\+0000\) at position 1$/,
    ],
    [
      'an escape character in a nested field',
      () => note().send({ body: 'ok', meta: { colour: '\u001b[31m' } }),
      'invalid_input',
      /^meta\.colour: contains a control character \(U\+001B\)/,
    ],
    ['an unpaired surrogate', () => note().send('{"body":"\\ud83d"}'), 'invalid_input', /^body: contains malformed Unicode/],
    [
      'a NUL in the query string',
      () => request(app).get('/api/v1/claims?q=%00').set('Authorization', bearer),
      'invalid_input',
      /^query\.q: contains a control character/,
    ],
    [
      'a malformed %-escape in the query',
      () => request(app).get('/api/v1/claims?q=%E2%82').set('Authorization', bearer),
      'invalid_utf8',
      /query string is not valid UTF-8/,
    ],
    [
      'a malformed %-escape in the path',
      () => request(app).get('/api/v1/claims/%FF').set('Authorization', bearer),
      'bad_request',
      /Failed to decode param/,
    ],
    [
      'a charset other than UTF-8',
      () =>
        note()
          .set('Content-Type', 'application/json; charset=utf-16le')
          .serialize((b: unknown) => b as string)
          .send(Buffer.from('{}', 'utf16le')),
      'unsupported_encoding',
      /UTF-8/,
    ],
  ])('refuses %s with a 4xx naming the problem, writing nothing', async (_name, send, code, message) => {
    const before = await tableChecksums(db.engine.db);
    const res = await send();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error).toMatchObject({ code });
    expect(res.body.error.message).toMatch(message);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('lets 20 levels of nesting through to the route, which judges the fields', async () => {
    const res = await note().send(nested(20));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/a: is not an allowed field/);
  });

  it('reads only what follows "?" as the query string: a malformed path is left to the router', async () => {
    // "%?" would be a broken escape were the path's last character read with the query.
    for (const [url, param] of [
      ['/api/v1/claims/%FF?q=x', '%FF'],
      ['/api/v1/claims/%?q=x', '%'],
    ] as const) {
      const res = await request(app).get(url).set('Authorization', bearer);
      expect({ url, status: res.status, code: res.body.error.code, message: res.body.error.message }).toEqual({
        url,
        status: 400,
        code: 'bad_request',
        message: `Failed to decode param '${param}'`,
      });
    }
  });

  it('names a value sent under an empty key "body", and cuts a long field name to 100 characters', async () => {
    const patch = (json: string) =>
      request(app).patch(`/api/v1/claims/${claimId}`).set('Authorization', bearer).set('Content-Type', 'application/json').send(json);
    const unnamed = await patch('{"":"a\\u0000b"}');
    expect({ status: unnamed.status, error: unnamed.body.error }).toMatchObject({
      status: 400,
      error: {
        code: 'invalid_input',
        message: 'body: contains a control character (U+0000) at position 1',
        fields: [{ field: 'body', message: 'contains a control character (U+0000) at position 1' }],
      },
    });
    const long = await patch(`{"${'k'.repeat(150)}":"\\ud83d"}`);
    expect({ status: long.status, error: long.body.error }).toMatchObject({
      status: 400,
      error: {
        code: 'invalid_input',
        message: `${'k'.repeat(100)}: contains malformed Unicode (an unpaired surrogate)`,
        fields: [{ field: 'k'.repeat(100), message: 'contains malformed Unicode (an unpaired surrogate)' }],
      },
    });
  });

  it('lets a null through to the route, where it clears a field', async () => {
    const patch = (body: object) => request(app).patch(`/api/v1/claims/${claimId}`).set('Authorization', bearer).send(body);
    const { version } = (await request(app).get(`/api/v1/claims/${claimId}`).set('Authorization', bearer)).body.claim;
    const explained = await patch({ version, explanation: 'Checked against the budget.' });
    expect(explained.body.claim.explanation).toBe('Checked against the budget.');
    const res = await patch({ version: explained.body.claim.version, explanation: null });
    expect(res.status).toBe(200);
    expect(res.body.claim.explanation).toBeNull();
  });

  it('shows a form page, not a stack trace, for invalid UTF-8 in a form', async () => {
    const res = await request(app)
      .post('/documents')
      .set('Cookie', cookie)
      .set('Accept', 'text/html')
      .type('form')
      .send('title=%FF&text=x');
    expect(res.status).toBe(400);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('The form data is not valid UTF-8');
  });

  it('reads a route id as 1 to 2,147,483,647 in plain digits, and answers 404 naming the thing for anything else', async () => {
    const get = (id: string) => request(app).get(`/api/v1/claims/${id}`).set('Authorization', bearer);
    expect((await get(String(claimId))).status).toBe(200);
    // An id of several digits (the seed document has dozens of claims).
    const { claims } = await buildDocument(db.ctx);
    const last = claims.at(-1)!.id;
    expect(last).toBeGreaterThan(9);
    expect((await get(String(last))).status).toBe(200);
    // The largest id Postgres' integer holds is looked up (and is not there); one more never reaches the database.
    for (const id of ['2147483647', '2147483648', '9999999999', '0', '012', '1e3', '12abc', '-1']) {
      const res = await get(id);
      expect({ id, status: res.status, code: res.body.error.code, message: res.body.error.message }).toEqual({
        id,
        status: 404,
        code: 'not_found',
        message: 'Claim not found.',
      });
    }
  });
});
