import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { textParser } from '../reports/reviewed-seed.js';

const article =
  'Apollo 11 landed on the Moon on July 20, 1968. Neil Armstrong said the goverment of the Untied States had planed it for years. ' +
  'Three astronauts walked on the Moon during the mission. The rocket cost 6 billion dollars, according to NASA.';

describe(`an English article reviewed through the API (${engineName})`, () => {
  let db: TestDb;
  let editor: string;
  let documentId: number;
  let claims: { id: number; quote: string; version: number; suggestion: string | null }[];
  const api = () => request(testApp(db));
  const claim = (quote: string) => claims.find((c) => c.quote === quote)!;
  const patch = async (quote: string, body: Record<string, unknown>) => {
    const current = (
      await api()
        .get(`/api/v1/claims/${claim(quote).id}`)
        .set('Authorization', editor)
    ).body.claim;
    return api()
      .patch(`/api/v1/claims/${current.id}`)
      .set('Authorization', editor)
      .send({ version: current.version, ...body });
  };
  const addSource = (quote: string, stance: string) =>
    api()
      .post(`/api/v1/claims/${claim(quote).id}/sources`)
      .set('Authorization', editor)
      .send({
        url: 'https://www.nasa.gov/mission/apollo-11/',
        title: 'Apollo 11',
        publisher: 'NASA',
        publishedOn: '2019-07-16',
        stance,
        excerpt: 'Two of the three astronauts walked on the Moon.',
      });

  beforeAll(async () => {
    db = await openTestDb();
    ({ bearer: editor } = await signIn(db.ctx, 'editor'));
    const created = await api()
      .post('/api/v1/documents')
      .set('Authorization', editor)
      .send({ title: 'Apollo 11', text: article, language: 'en', sourceUrl: 'https://news.example/apollo' });
    documentId = created.body.document.id;
    const marked = await api()
      .post(`/api/v1/documents/${documentId}/claims`)
      .set('Authorization', editor)
      .send({ kind: 'spelling', quote: 'planed' });
    expect(marked.status).toBe(201);
    claims = (await api().get(`/api/v1/documents/${documentId}/claims`).set('Authorization', editor)).body.claims;
  });
  afterAll(() => db.close());

  it('fixes a typo resolved without a correction with its suggestion, and refuses one without a suggestion, naming the field', async () => {
    expect(claim('Untied States').suggestion).toBe('United States');
    const fixed = await patch('Untied States', { status: 'resolved', verdict: 'typo' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.claim).toMatchObject({
      correction: 'United States',
      correctedSentence: 'Neil Armstrong said the goverment of the United States had planed it for years.',
    });
    // “planed” is a real word, so no pre-check flags it: the reviewer marked it, and it has no suggestion.
    const refused = await patch('planed', { status: 'resolved', verdict: 'typo' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      expect.objectContaining({ field: 'correction', message: expect.stringContaining('no spelling suggestion') }),
    ]);
    expect((await patch('planed', { status: 'resolved', verdict: 'typo', correction: 'planned' })).status).toBe(200);
    // “goverment” the spelling pre-check found, with its suggestion: resolved as a typo, it takes it.
    expect((await patch('goverment', { status: 'resolved', verdict: 'typo' })).body.claim).toMatchObject({ correction: 'government' });
  });

  it('warns about an inaccurate verdict without a refuting source, and refuses it with REQUIRE_EVIDENCE=1', async () => {
    const strict = createApp({ db: db.engine.db, config: { ...db.config, requireEvidence: true }, secret: db.config.sessionSecret! });
    const current = (
      await api()
        .get(`/api/v1/claims/${claim('on July 20, 1968').id}`)
        .set('Authorization', editor)
    ).body.claim;
    const body = { version: current.version, status: 'resolved', verdict: 'inaccurate', correction: 'on July 20, 1969' };
    const refused = await request(strict).patch(`/api/v1/claims/${current.id}`).set('Authorization', editor).send(body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({
      field: 'verdict',
      message: expect.stringContaining('should cite a source that refutes the claim'),
    });
    const warned = await api().patch(`/api/v1/claims/${current.id}`).set('Authorization', editor).send(body);
    expect(warned.status).toBe(200);
    expect(warned.body.warnings).toEqual([expect.stringContaining('should cite a source that refutes the claim')]);
  });

  it('replaces exactly the sentence with a sentence-scope correction, and shows it as correctedSentence', async () => {
    expect((await addSource('Three astronauts walked', 'refutes')).status).toBe(201);
    const sentence = 'Two astronauts walked on the Moon; Michael Collins stayed in lunar orbit.';
    const res = await patch('Three astronauts walked', {
      status: 'resolved',
      verdict: 'misleading',
      correctionScope: 'sentence',
      correction: sentence,
    });
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.claim).toMatchObject({ correctionScope: 'sentence', correctedSentence: sentence });
    const corrected = (
      await api().get(`/api/v1/documents/${documentId}/report?format=corrected`).set('Authorization', editor).buffer(true).parse(textParser)
    ).body;
    expect(corrected).toBe(
      'Apollo 11 landed on the Moon on July 20, 1969. Neil Armstrong said the government of the United States had planned it for years. ' +
        `${sentence} The rocket cost 6 billion dollars, according to NASA.`,
    );
  });

  it('writes a note with a Correction paragraph and a Clarification paragraph, typos left out', async () => {
    const note = (await api().get(`/api/v1/documents/${documentId}/correction-note`).set('Authorization', editor)).body.correctionNote
      .draft as string;
    const [correction, clarification] = note.split('\n\n');
    expect(correction).toBe(
      'Correction: An earlier version of this article misstated a date: “on July 20, 1968.” With the right date, the passage reads: “Apollo 11 landed on the Moon on July 20, 1969.”',
    );
    expect(clarification).toBe(
      'Clarification: An earlier version of this article gave a misleading account of a figure: “Three astronauts walked on the Moon during the mission.” Clarified, the passage reads: “Two astronauts walked on the Moon; Michael Collins stayed in lunar orbit.”',
    );
    expect(note).not.toContain('Untied');
  });

  it('puts each source’s title, publisher, date, stance and excerpt in the html, md and csv exports', async () => {
    const download = async (format: string) =>
      (
        await api()
          .get(`/api/v1/documents/${documentId}/report?format=${format}`)
          .set('Authorization', editor)
          .buffer(true)
          .parse(textParser)
      ).body as string;
    const html = await download('html');
    expect(html).toContain(
      '<span class="stance-badge stance-refutes">Refutes</span> <a href="https://www.nasa.gov/mission/apollo-11/" rel="noopener noreferrer">Apollo 11</a> · NASA, ',
    );
    expect(html).toContain('<blockquote class="source-excerpt">Two of the three astronauts walked on the Moon.</blockquote>');
    const md = await download('md');
    expect(md).toMatch(
      /- Refutes: \[Apollo 11\]\(<https:\/\/www\.nasa\.gov\/mission\/apollo-11\/>\) · NASA, [^\n]*2019\n {2}> Two of the three astronauts walked on the Moon\./,
    );
    expect(await download('csv')).toContain(
      'Refutes: Apollo 11 <https://www.nasa.gov/mission/apollo-11/> (NASA, 2019-07-16) — “Two of the three astronauts walked on the Moon.”',
    );
  });

  it('refuses bad input with a 4xx and writes nothing', async () => {
    const target = claim('6 billion dollars');
    const before = (await api().get(`/api/v1/claims/${target.id}`).set('Authorization', editor)).body.claim;
    const attempts = [
      { correction: 'x'.repeat(2001) },
      { correctionScope: 'sentence', correction: '' },
      { correctionScope: 'sentence' },
      { claimStatement: 'y'.repeat(301) },
    ];
    for (const body of attempts) {
      const res = await patch('6 billion dollars', body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.body.error.message).toMatch(/correction|claimStatement/);
    }
    const after = (await api().get(`/api/v1/claims/${target.id}`).set('Authorization', editor)).body.claim;
    expect(after).toEqual(before);

    const empty = await api()
      .post('/api/v1/documents')
      .set('Authorization', editor)
      .send({ title: 'Nothing decided', text: 'The sky was blue on 3 May 2001.', language: 'en' });
    const publish = await api().post(`/api/v1/documents/${empty.body.document.id}/corrections`).set('Authorization', editor).send({});
    expect(publish.status).toBe(422);
    expect(publish.body.error.message).toContain('Nothing to publish');
    expect((await api().get('/corrections.json')).body.items).toEqual([]);
  });
});
