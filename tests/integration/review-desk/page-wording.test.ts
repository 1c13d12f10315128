import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Claim } from '../../../src/claims/claim.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

describe(`wording that fits the page and the role (${engineName})`, () => {
  let db: TestDb;
  let app: Express;
  let claims: Claim[];
  beforeAll(async () => {
    db = await openTestDb();
    app = testApp(db);
    ({ claims } = await buildDocument(db.ctx));
  });
  afterAll(() => db.close());

  it('the footer names claimdesk once when no organisation is configured', async () => {
    const viewer = browser(app, (await signIn(db.ctx, 'viewer')).cookie);
    const html = (await viewer.get('/documents')).text;
    const footer = /<footer[\s\S]*?<\/footer>/.exec(html)![0];
    expect(footer.match(/claimdesk/g)).toHaveLength(1);
  });

  it('a viewer is not told to propose a verdict; a reviewer is', async () => {
    const viewer = browser(app, (await signIn(db.ctx, 'viewer')).cookie);
    const reviewer = browser(app, (await signIn(db.ctx, 'reviewer')).cookie);
    const path = `/claims/${claims[0]!.id}`;
    expect((await viewer.get(path)).text).not.toContain('propose one instead');
    expect((await reviewer.get(path)).text).toContain('propose one instead');
  });

  it('queue rows keep the full document title on the one-line (truncated) cell and label each cell for the small-screen cards', async () => {
    const viewer = browser(app, (await signIn(db.ctx, 'viewer')).cookie);
    const html = (await viewer.get('/claims')).text;
    expect(html).toMatch(
      /<td class="doc-col" data-label="Document"><a href="\/documents\/\d+\?claim=\d+#claim-\d+" title="Digmaan sa Iraq">/,
    );
    expect(html).toContain('<td data-label="Kind">');
    expect(html).toContain('<td data-label="Status">');
  });
});
