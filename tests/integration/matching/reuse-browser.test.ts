import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClaimById } from '../../../src/claims/claim.repository.js';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { importDocument } from '../../../src/documents/document.service.js';
import { findEventsByClaimId } from '../../../src/history/event.repository.js';
import { addSource } from '../../../src/sources/source.service.js';
import { testApp } from '../../helpers/app.js';
import { listen, openBrowser } from '../../helpers/browser.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';

/** "Reuse this review" in Chromium: with JavaScript on as an editor, with it off as a reviewer. */
describe(`reusing a review in Chromium (${engineName})`, () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof listen>>;
  let editor: Awaited<ReturnType<typeof signIn>>;
  let reviewer: Awaited<ReturnType<typeof signIn>>;
  let originId: number;
  beforeAll(async () => {
    db = await openTestDb();
    [editor, reviewer] = await Promise.all([signIn(db.ctx, 'editor', 'Eda Editor'), signIn(db.ctx, 'reviewer', 'Rico Reviewer')]);
    const {
      claims: [origin],
    } = await importDocument(db.ctx, editor.actor, {
      title: 'Sanctions, reviewed',
      text: 'Critics said more than 500,000 Iraqi children died because of the sanctions.',
      language: 'en',
    });
    await updateClaim(db.ctx, editor.actor, origin!.id, {
      version: origin!.version,
      status: 'resolved',
      verdict: 'needs_context',
      explanation: 'The figure was disputed by later surveys.',
    });
    await addSource(db.ctx, editor.actor, origin!.id, {
      url: 'https://example.org/survey',
      title: 'Child mortality survey',
      stance: 'context',
    });
    originId = origin!.id;
    server = await listen(testApp(db));
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const restatement = async (title: string) =>
    (
      await importDocument(db.ctx, editor.actor, {
        title,
        text: 'Critics estimated that more than half a million Iraqi children died as a result of the sanctions.',
        language: 'en',
        allowDuplicate: true,
      })
    ).claims[0]!;

  for (const { javaScriptEnabled, who, expected } of [
    { javaScriptEnabled: true, who: () => editor, expected: { status: 'resolved', verdict: 'needs_context', proposedVerdict: null } },
    { javaScriptEnabled: false, who: () => reviewer, expected: { status: 'in_review', verdict: null, proposedVerdict: 'needs_context' } },
  ] as const) {
    it(`copies the review from the Seen-before panel with JavaScript ${javaScriptEnabled ? 'on (an editor sets the verdict)' : 'off (a reviewer proposes it)'}`, async () => {
      const claim = await restatement(`Sanctions again (${javaScriptEnabled ? 'js' : 'no js'})`);
      const chrome = await openBrowser({ javaScriptEnabled });
      await chrome.context.addCookies([{ name: 'claimdesk_session', value: who().cookie.split('=')[1]!, url: server.url }]);
      try {
        const { page } = chrome;
        await page.goto(`${server.url}/claims/${claim.id}`);
        const panel = page.getByTestId('seen-before');
        expect(await panel.innerText()).toContain('Child mortality survey');
        await panel.getByRole('button', { name: `Reuse this review of claim #${originId}` }).click();
        await page.waitForURL(`${server.url}/claims/${claim.id}`);
        expect(await page.getByRole('status').first().innerText()).toContain(`Reused the review of claim #${originId}`);
        expect(await page.locator('body').innerText()).toContain(`reused the review of claim #${originId}`);
      } finally {
        await chrome.close();
      }
      expect(await findClaimById(db.ctx.db, claim.id)).toMatchObject({
        ...expected,
        explanation: 'The figure was disputed by later surveys.',
      });
      expect(
        (await db.ctx.db.selectFrom('claim_sources').select('url').where('claim_id', '=', claim.id).execute()).map((s) => s.url),
      ).toEqual(['https://example.org/survey']);
      expect(
        (await findEventsByClaimId(db.ctx.db, claim.id)).filter((e) => e.action === 'claim.reused').map((e) => e.after?.reusedFrom),
      ).toEqual([originId]);
    });
  }
});
