import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { seedText, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';

describe(`import form (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let user: ReturnType<typeof browser>;
  beforeAll(async () => {
    db = await openTestDb({ maxTextBytes: 64 * 1024 });
    app = testApp(db);
    user = browser(app, (await signIn(db.ctx, 'editor')).cookie);
  });
  afterAll(() => db.close());

  async function upload(file: Buffer, filename: string, fields: Record<string, string> = {}) {
    const token = await user.csrf('/documents/new');
    let req = user.agent.post('/documents').set('Cookie', user.cookie).field('_csrf', token);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', file, filename);
  }

  it('imports an uploaded UTF-8 file and lands on the document', async () => {
    const res = await upload(Buffer.from(seedText(), 'utf8'), 'iraq.txt', { title: 'Uploaded', language: 'tl' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/documents\/\d+$/);
    const page = await user.get(res.headers.location!);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Uploaded');
    expect(page.text).toContain('United Sates');
  });

  it('refuses a non-UTF-8 upload, a binary file and a wrong extension, writing nothing', async () => {
    const before = await tableChecksums(db.engine.db);
    const latin1 = await upload(Buffer.from('Caf\xe9 na may 500 tao', 'latin1'), 'latin1.txt', { title: 'Latin-1' });
    expect(latin1.status).toBe(400);
    expect(latin1.text).toContain('is not valid UTF-8 text');
    const binary = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'image.txt', {
      title: 'PNG',
    });
    expect(binary.status).toBe(400);
    const wrongType = await upload(Buffer.from('hello'), 'script.exe', { title: 'Exe' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.text).toContain('must be a .txt or .md file');
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });

  it('re-renders the form with the input kept and the message next to the field', async () => {
    const res = await user.post('/documents', { title: '', text: 'Noong 2003, 140,000 sundalo.' }, '/documents/new');
    expect(res.status).toBe(400);
    expect(res.text).toContain('id="title-error"');
    expect(res.text).toContain('is required');
    expect(res.text).toContain('Noong 2003, 140,000 sundalo.');
  });

  it('refuses a form without its CSRF token', async () => {
    const before = await tableChecksums(db.engine.db);
    const res = await user.agent.post('/documents').set('Cookie', user.cookie).type('form').send({ title: 'x', text: 'y' });
    expect(res.status).toBe(403);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });
});
