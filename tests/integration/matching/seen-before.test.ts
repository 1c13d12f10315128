import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { sql } from 'kysely';
import request from 'supertest';
import { findClaimById } from '../../../src/claims/claim.repository.js';
import { validateQueueQuery } from '../../../src/claims/claim-queue.js';
import { listClaimQueue } from '../../../src/claims/claim-queue.service.js';
import { seedDemo } from '../../../src/demo/seed.js';
import { findEventsByClaimId } from '../../../src/history/event.repository.js';
import { readEvalItems, type EvalItem } from '../../../src/matching/match-eval.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';

type Match = {
  claimId: number;
  documentId: number;
  documentTitle: string;
  score: number;
  reasons: string[];
  status: string;
  verdict: string | null;
  quote: string;
  language: string;
};

const items = readEvalItems(new URL('../../fixtures/match-eval.jsonl', import.meta.url));
const restatements = (language: string) => items.filter((i) => i.type === 'restatement' && i.language === language);

describe(`seen before: matching claims across documents and languages (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  let viewer: Awaited<ReturnType<typeof signIn>>;
  let seedId: number;
  let seedClaims: { id: number; sentenceIndex: number; quote: string }[];
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    seedId = (await seedDemo(db.ctx, { reviewed: true }))!.id;
    seedClaims = (
      await db.ctx.db.selectFrom('claims').select(['id', 'sentence_index', 'quote']).where('document_id', '=', seedId).execute()
    ).map((c) => ({ id: c.id, sentenceIndex: c.sentence_index, quote: c.quote }));
    [editor, reviewer, viewer] = await Promise.all([
      signIn(db.ctx, 'editor', 'Eda Editor'),
      signIn(db.ctx, 'reviewer', 'Rico Reviewer'),
      signIn(db.ctx, 'viewer', 'Vina Viewer'),
    ]);
  });
  afterAll(() => db.close());

  const importText = async (title: string, text: string, language: string) => {
    const res = await request(app).post('/api/v1/documents').set('Authorization', editor.bearer).send({ title, text, language });
    expect(res.status).toBe(201);
    return res.body as {
      document: { id: number };
      claims: { id: number; start: number; sentenceIndex: number; kind: string; version: number }[];
    };
  };
  const matchesOf = async (claimId: number, who = viewer) => {
    const res = await request(app).get(`/api/v1/claims/${claimId}/matches`).set('Authorization', who.bearer);
    expect(res.status).toBe(200);
    return (res.body as { matches: Match[] }).matches;
  };
  /** One document of restatements, a line each; for each, the seed claims it restates and whether one is in its first five. */
  const restatementHits = async (language: string, list: EvalItem[]) => {
    const imported = await importText(`Restatements (${language})`, list.map((i) => i.text).join('\n'), language);
    // Each line's offsets: the extractor's sentences need not be the lines ("George H. W. Bush").
    const starts = list.map((_, n) => list.slice(0, n).reduce((sum, i) => sum + i.text.length + 1, 0));
    return Promise.all(
      list.map(async (item, n) => {
        const targets = item.targets.flatMap((t) =>
          seedClaims.filter((c) => c.sentenceIndex === t.sentence && c.quote === t.quote).map((c) => c.id),
        );
        const ranked = new Map<number, number>();
        for (const claim of imported.claims.filter((c) => c.start >= starts[n]! && c.start < starts[n]! + item.text.length)) {
          for (const m of await matchesOf(claim.id)) ranked.set(m.claimId, Math.max(ranked.get(m.claimId) ?? 0, m.score));
        }
        const firstFive = [...ranked.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([id]) => id);
        return { id: item.id, hit: firstFive.some((id) => targets.includes(id)) };
      }),
    );
  };

  it('finds the seed claims a Tagalog and an English restatement state among the first five matches', async () => {
    for (const language of ['tl', 'en']) {
      const hits = await restatementHits(language, restatements(language));
      // The figures, dates and names of the reviewed demo, restated: every one is found.
      for (const id of ['s6', 's20a', 's20b', 's19', 's14', 's18a', 's10'])
        expect(hits.find((h) => h.id === `${language}-${id}`)?.hit, `${language}-${id}`).toBe(true);
      // Issue 17's targets: success@5 ≥ 0.9 within a language (the seed is Tagalog), ≥ 0.75 across.
      expect(hits.filter((h) => h.hit).length / hits.length, language).toBeGreaterThanOrEqual(language === 'tl' ? 0.9 : 0.75);
    }
  });

  it('makes a claim of a sentence the claim finder skips when it restates a reviewed claim, and of no other', async () => {
    // Neither sentence has a figure, a date or a quotation; only the first restates a claim of the reviewed demo.
    const restating = 'No Iraqi weapons of mass destruction have been found since the invasion.';
    const unrelated = 'The committee met again on a rainy afternoon to discuss the budget.';
    const { claims } = await importText('Restated event', `${restating}\n${unrelated}`, 'en');
    expect(claims).toHaveLength(1);
    const target = seedClaims.find((c) => c.sentenceIndex === 16 && c.quote.startsWith('walang Iraqi mass destruction'))!;
    expect(claims[0]).toMatchObject({ start: 0, quote: restating, reasons: [`restates claim #${target.id}, already reviewed`] });
    expect((await matchesOf(claims[0]!.id)).map((m) => m.claimId)).toContain(target.id);
  });

  it('answers with the review of each match, best first, with its reasons in words', async () => {
    const { claims } = await importText(
      'Half a million',
      'Critics estimated that more than half a million Iraqi children died as a result of the sanctions.',
      'en',
    );
    const matches = await matchesOf(claims[0]!.id);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.length).toBeLessThanOrEqual(10);
    expect(matches.map((m) => m.score)).toEqual([...matches.map((m) => m.score)].sort((a, b) => b - a));
    const top = matches[0]!;
    expect(top).toMatchObject({
      documentId: seedId,
      status: 'resolved',
      verdict: 'needs_context',
      language: 'tl',
      quote: 'higit sa 500,000 batang Iraqi',
    });
    expect(top.reasons).toContain('same figure 500,000');
    expect(top.reasons).toContain('same name Iraq');
  });

  it('matches nothing for sentences that only share a figure or a name with a reviewed claim', async () => {
    // One document, since two distractors may well state the same thing as each other.
    const distractors = items.filter((i) => i.type === 'distractor');
    const { claims } = await importText('Distractors', distractors.map((i) => i.text).join('\n'), 'tl');
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(await matchesOf(claim.id), `claim ${claim.id}`).toEqual([]);
  });

  it('filters the queue to claims with a reviewed match', async () => {
    const { document, claims } = await importText(
      'Filter',
      'Critics estimated that more than half a million Iraqi children died as a result of the sanctions.\nRice prices rose by 10 percent in Mindanao last year.',
      'en',
    );
    const res = await request(app).get(`/api/v1/claims?seen=reviewed&documentId=${document.id}`).set('Authorization', viewer.bearer);
    expect(res.status).toBe(200);
    const ids = (res.body.claims as { id: number; quote: string }[]).map((c) => c.id);
    const withMatch = await Promise.all(
      claims.map(async (c) => ((await matchesOf(c.id)).some((m) => m.status === 'resolved') ? c.id : null)),
    );
    expect(ids.sort()).toEqual(withMatch.filter((id) => id !== null).sort());
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(claims.length);
    expect((await request(app).get('/api/v1/claims?seen=maybe').set('Authorization', viewer.bearer)).status).toBe(400);
    expect((await browser(app, viewer.cookie).get('/claims?seen=reviewed')).text).toContain('Has a reviewed match');
    const reader = (await browser(app, viewer.cookie).get(`/documents/${document.id}`)).text;
    expect(reader.match(/data-testid="seen-before-mark"/g)).toHaveLength(ids.length);
  });

  it('sorts claims with a reviewed match first on request, paging through each exactly once', async () => {
    // The unrelated sentence comes first in the text, so text order and this order differ.
    const { document } = await importText(
      'Sort',
      'Rice prices rose by 10 percent in Mindanao last year.\nCritics estimated that more than half a million Iraqi children died as a result of the sanctions.\nThe mayor opened 3 new schools in 2019.',
      'en',
    );
    const reviewed = new Set(
      (
        (await request(app).get(`/api/v1/claims?seen=reviewed&documentId=${document.id}`).set('Authorization', viewer.bearer)).body
          .claims as { id: number }[]
      ).map((c) => c.id),
    );
    expect(reviewed.size).toBeGreaterThan(0);
    const seen: number[] = [];
    let after: string | null = null;
    // A page of one claim, so the cursor crosses from the reviewed-match group to the others.
    do {
      const page = await listClaimQueue(
        db.ctx,
        viewer.actor,
        validateQueueQuery({ documentId: String(document.id), sort: 'seen', ...(after ? { after } : {}) }),
        1,
      );
      seen.push(...page.claims.map((c) => c.id));
      after = page.nextCursor;
    } while (after);
    const api = await request(app)
      .get('/api/v1/claims')
      .query({ documentId: document.id, sort: 'seen' })
      .set('Authorization', viewer.bearer);
    expect(api.status).toBe(200);
    expect((api.body.claims as { id: number }[]).map((c) => c.id)).toEqual(seen);
    const inTextOrder = (
      (await request(app).get(`/api/v1/claims?documentId=${document.id}`).set('Authorization', viewer.bearer)).body.claims as {
        id: number;
      }[]
    ).map((c) => c.id);
    expect(seen).toEqual([...inTextOrder.filter((id) => reviewed.has(id)), ...inTextOrder.filter((id) => !reviewed.has(id))]);
    expect(seen).not.toEqual(inTextOrder);
    // A cursor of another order is refused; the queue page offers the order.
    const other =
      (await request(app).get(`/api/v1/claims?sort=score&documentId=${document.id}`).set('Authorization', viewer.bearer)).body.nextCursor ??
      Buffer.from(JSON.stringify(['score', 0.5, 1])).toString('base64url');
    expect((await request(app).get(`/api/v1/claims?sort=seen&after=${other}`).set('Authorization', viewer.bearer)).status).toBe(400);
    expect((await browser(app, viewer.cookie).get('/claims?sort=seen')).text).toContain('Reviewed match first');
  });

  it('refuses a malformed id with 400, answers 404 for an unknown claim, and an empty list for a claim with no words or figures', async () => {
    expect((await request(app).get('/api/v1/claims/abc/matches').set('Authorization', viewer.bearer)).status).toBe(400);
    expect((await request(app).get('/api/v1/claims/0/matches').set('Authorization', viewer.bearer)).status).toBe(400);
    expect((await request(app).get('/api/v1/claims/99999999/matches').set('Authorization', viewer.bearer)).status).toBe(404);
    const { document } = await importText('Punctuation', '— !!! ??? …\n', 'en');
    const created = await request(app)
      .post(`/api/v1/documents/${document.id}/claims`)
      .set('Authorization', editor.bearer)
      .send({ kind: 'other', quote: '!!!' });
    expect(created.status).toBe(201);
    expect(await matchesOf(created.body.claim.id as number)).toEqual([]);
  });

  it('keeps matches right when a claim becomes a spelling claim and when a document is deleted', async () => {
    const { document, claims } = await importText('Troops', 'More than 140 thousand coalition troops remained in Iraq.', 'en');
    const claim = claims[0]!;
    expect((await matchesOf(claim.id)).length).toBeGreaterThan(0);
    const patched = await request(app)
      .patch(`/api/v1/claims/${claim.id}`)
      .set('Authorization', editor.bearer)
      .send({ version: claim.version, kind: 'spelling' });
    expect(patched.status).toBe(200);
    expect(await matchesOf(claim.id)).toEqual([]);
    await request(app)
      .patch(`/api/v1/claims/${claim.id}`)
      .set('Authorization', editor.bearer)
      .send({ version: claim.version + 1, kind: claim.kind });
    const back = await matchesOf(claim.id);
    expect(back.length).toBeGreaterThan(0);
    await db.ctx.db.deleteFrom('documents').where('id', '=', document.id).execute();
    const seedMatch = back[0]!.claimId;
    expect((await matchesOf(seedMatch)).some((m) => m.documentId === document.id)).toBe(false);
  });

  it('keeps the retrieval postings equal to the stored keys through imports, a change of kind and deletions', async () => {
    // Rows in one and not the other, both ways round: the postings are the keys' terms, one row each.
    const drift = async () =>
      (
        await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM (
            (SELECT t, k.spelling, k.claim_id, k.document_id FROM claim_match_keys k, unnest(k.terms) AS t
             EXCEPT SELECT term, spelling, claim_id, document_id FROM claim_match_postings)
            UNION ALL
            (SELECT term, spelling, claim_id, document_id FROM claim_match_postings
             EXCEPT SELECT t, k.spelling, k.claim_id, k.document_id FROM claim_match_keys k, unnest(k.terms) AS t)
          ) d`.execute(db.ctx.db)
      ).rows[0]!.n;
    const postingsOf = async (claimId: number) =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM claim_match_postings WHERE claim_id = ${claimId}`.execute(db.ctx.db))
        .rows[0]!.n;
    const { document, claims } = await importText('Postings', 'The Lancet estimated 655,000 excess Iraqi deaths by mid-2006.', 'en');
    const claim = claims[0]!;
    expect(await postingsOf(claim.id)).toBeGreaterThan(3);
    expect(await drift()).toBe(0);
    const patched = await request(app)
      .patch(`/api/v1/claims/${claim.id}`)
      .set('Authorization', editor.bearer)
      .send({ version: claim.version, kind: 'spelling' });
    expect(patched.status).toBe(200);
    const spelling = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM claim_match_postings WHERE claim_id = ${claim.id} AND spelling`.execute(db.ctx.db);
    expect(spelling.rows[0]!.n).toBe(await postingsOf(claim.id));
    expect(await drift()).toBe(0);
    await db.ctx.db.deleteFrom('documents').where('id', '=', document.id).execute();
    expect(await postingsOf(claim.id)).toBe(0);
    expect(await drift()).toBe(0);
  });

  it('reuses a review: a reviewer proposes, an editor decides (no JavaScript), viewers cannot; provenance is in the history', async () => {
    const { claims } = await importText(
      'Lancet',
      'A study in The Lancet put the number of civilians who died in Iraq at 655 thousand.',
      'en',
    );
    const claim = claims[0]!;
    const origin = (await matchesOf(claim.id)).find((m) => m.status === 'resolved')!;
    const originSources = await db.ctx.db.selectFrom('claim_sources').select('url').where('claim_id', '=', origin.claimId).execute();

    expect(
      (
        await request(app)
          .post(`/api/v1/claims/${claim.id}/reuse`)
          .set('Authorization', viewer.bearer)
          .send({ from: origin.claimId, version: claim.version })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(app)
          .post(`/api/v1/claims/${claim.id}/reuse`)
          .set('Authorization', reviewer.bearer)
          .send({ from: claims[0]!.id, version: claim.version })
      ).status,
    ).toBe(400);

    const proposed = await request(app)
      .post(`/api/v1/claims/${claim.id}/reuse`)
      .set('Authorization', reviewer.bearer)
      .send({ from: origin.claimId, version: claim.version });
    expect(proposed.status).toBe(200);
    expect(proposed.body.claim).toMatchObject({ status: 'in_review', verdict: null, proposedVerdict: origin.verdict });
    const copied = await db.ctx.db.selectFrom('claim_sources').select('url').where('claim_id', '=', claim.id).execute();
    expect(copied.map((s) => s.url).sort()).toEqual(originSources.map((s) => s.url).sort());

    // The editor, from the claim page's form without JavaScript.
    const page = browser(app, editor.cookie);
    const html = await page.get(`/claims/${claim.id}`);
    expect(html.text).toContain('Seen before');
    expect(html.text).toContain(`action="/claims/${claim.id}/reuse"`);
    const current = (await findClaimById(db.ctx.db, claim.id))!;
    const res = await page.post(`/claims/${claim.id}/reuse`, { from: origin.claimId, version: current.version }, `/claims/${claim.id}`);
    expect(res.status).toBe(303);
    const decided = (await findClaimById(db.ctx.db, claim.id))!;
    const originClaim = (await findClaimById(db.ctx.db, origin.claimId))!;
    expect(decided).toMatchObject({
      status: 'resolved',
      verdict: originClaim.verdict,
      correction: originClaim.correction,
      explanation: originClaim.explanation,
    });

    const events = await findEventsByClaimId(db.ctx.db, claim.id);
    expect(events.filter((e) => e.action === 'claim.reused').map((e) => e.after?.reusedFrom)).toEqual([origin.claimId, origin.claimId]);
    const shown = await page.get(`/claims/${claim.id}`);
    expect(shown.text).toContain(`reused the review of claim #${origin.claimId}`);
    const dashboard = await page.get('/');
    expect(/data-testid="resolved-by-reuse">1 claim resolved by reusing a review/.test(dashboard.text)).toBe(true);

    // Undone like any edit: the editor reopens it with the review form.
    const undo = await request(app)
      .patch(`/api/v1/claims/${claim.id}`)
      .set('Authorization', editor.bearer)
      .send({ version: decided.version, status: 'in_review', proposedVerdict: null, correction: null, explanation: null });
    expect(undo.status).toBe(200);
    expect(undo.body.claim).toMatchObject({ status: 'in_review', verdict: null, correction: null });
  });
});
