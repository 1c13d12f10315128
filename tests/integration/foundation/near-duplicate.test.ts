import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import { backfillShingles } from '../../../src/documents/near-duplicate.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';

// Sixty-odd words, so that one changed sentence leaves well over 90 % of the five-word runs shared.
const original = [
  'The provincial board approved a budget of 120 million pesos for flood control on Tuesday, the governor said.',
  'Engineers will build new dikes along the river before the rainy season begins in June.',
  'Residents of the low-lying villages have asked for the work for more than ten years.',
  'The contract was awarded to a builder from the capital after a public bidding.',
  'Critics say the plan ignores the mangroves that once protected the coast from storm surges.',
  'The governor promised that every peso would be accounted for in a report to the board.',
].join(' ');
// The same article with its last sentence reworded: near-duplicate, not identical.
const edited = original.replace(
  'The governor promised that every peso would be accounted for in a report to the board.',
  'The governor promised a full report.',
);
const unrelated =
  'Rice harvests in the northern provinces fell this year after a long drought, farmers said. Prices rose in the markets of three cities, and the department of agriculture opened its stocks to keep them down.';

describe(`near-duplicate documents (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let firstId: number;
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    editor = await signIn(db.ctx, 'editor', 'Ed Itor');
    const first = await request(app)
      .post('/api/v1/documents')
      .set('Authorization', editor.bearer)
      .send({ title: 'Flood control', text: original, language: 'en' });
    expect(first.status).toBe(201);
    expect(first.body.warning).toBeUndefined();
    firstId = first.body.document.id;
  });
  afterAll(() => db.close());
  const importJson = (title: string, text: string) =>
    request(app).post('/api/v1/documents').set('Authorization', editor.bearer).send({ title, text, language: 'en' });

  it('imports a text sharing ≥ 90 % of its word shingles with a stored document, with a warning naming and linking it', async () => {
    const res = await importJson('Flood control, edited', edited);
    expect(res.status).toBe(201);
    expect(res.body.warning).toMatchObject({
      code: 'near_duplicate',
      documentId: firstId,
      documentTitle: 'Flood control',
      documentUrl: `/api/v1/documents/${firstId}`,
    });
    expect(res.body.warning.sharedShingles).toBeGreaterThanOrEqual(0.9);
    expect(res.body.warning.sharedShingles).toBeLessThan(1);
    expect(res.body.warning.message).toContain('“Flood control” (document #');
  });

  it('does not warn about a text that merely shares words, or one that keeps less than 90 % of its shingles', async () => {
    expect((await importJson('Rice', unrelated)).body.warning).toBeUndefined();
    // Half the article and a new half: half its shingles are the stored document's.
    const half = `${original.slice(0, original.length / 2)} ${unrelated} ${unrelated.replace('northern', 'southern')}`;
    expect((await importJson('Half', half)).body.warning).toBeUndefined();
  });

  it('shows the warning with a link on the imported document’s page after a form import', async () => {
    const user = browser(app, editor.cookie);
    const posted = await user.post(
      '/documents',
      { title: 'Flood control by form', text: `${edited} Updated at noon.`, language: 'en' },
      '/documents/new',
    );
    expect(posted.status).toBe(303);
    // Each flash sets the cookie again with every queued message: the last one holds both.
    const flashCookie = (posted.headers['set-cookie'] as unknown as string[])
      .filter((c) => c.startsWith('claimdesk_flash='))
      .at(-1)!
      .split(';')[0];
    const page = await request(app).get(posted.headers.location!).set('Cookie', `${editor.cookie}; ${flashCookie}`);
    expect(page.status).toBe(200);
    // The closest stored copy is named: the edited one imported above, or the original when run alone.
    const warned =
      /class="flash flash-warning"[^>]*>.*shares (\d+)% of its word sequences with “(Flood control[^”]*)” \(document #(\d+)\)/.exec(
        page.text,
      );
    expect(warned).not.toBeNull();
    expect(Number(warned![1])).toBeGreaterThanOrEqual(90);
    expect(page.text).toContain(`<a href="/documents/${warned![3]}" data-testid="flash-link">Open “${warned![2]}”</a>`);
  });

  it('finds documents stored before shingles existed once they are backfilled, and forgets deleted ones', async () => {
    await db.engine.db.deleteFrom('document_shingles').execute();
    expect((await importJson('Edited, no shingles stored', `${edited} Second edition.`)).body.warning).toBeUndefined();
    expect(await backfillShingles(db.engine.db)).toBeGreaterThan(0);
    expect((await importJson('Edited, after backfill', `${edited} Third edition.`)).body.warning?.documentId).toBeTypeOf('number');
    const copies = await db.engine.db.selectFrom('documents').select('id').where('title', 'like', 'Flood control%').execute();
    for (const { id } of copies)
      expect((await request(app).delete(`/api/v1/documents/${id}`).set('Authorization', editor.bearer)).status).toBe(204);
    const after = await db.engine.db.selectFrom('documents').select('id').where('title', 'like', 'Edited%').execute();
    for (const { id } of after)
      expect((await request(app).delete(`/api/v1/documents/${id}`).set('Authorization', editor.bearer)).status).toBe(204);
    expect((await importJson('Edited, alone again', `${edited} Fourth edition.`)).body.warning).toBeUndefined();
  });
});
