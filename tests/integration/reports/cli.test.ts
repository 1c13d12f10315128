import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { runCli, startServer } from '../../helpers/processes.js';

/**
 * A workspace for child processes: an embedded database in a fresh directory, or (with
 * TEST_DATABASE_URL) this file's own fresh server database. The child never shares it with the
 * test process while running.
 */
async function workspace(): Promise<{ env: Record<string, string>; db: TestDb | null }> {
  if (engineName === 'pglite') return { env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'claimdesk-report-cli-')) }, db: null };
  const db = await openTestDb();
  await db.engine.close();
  return { env: { DATABASE_URL: db.databaseUrl! }, db };
}

describe(`claimdesk demo --reviewed and claimdesk report (${engineName})`, () => {
  let ws: Awaited<ReturnType<typeof workspace>>;
  beforeAll(async () => {
    ws = await workspace();
    const r = await runCli(['demo', '--reviewed'], { env: ws.env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Loaded the demo document \(id 1\) with the answer key applied/);
  }, 120_000);
  afterAll(() => ws.db?.drop());

  it('prints the finished report of the demo document at once', async () => {
    const r = await runCli(['report', '1'], { env: ws.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Correction report: Digmaan sa Iraq');
    expect(r.stdout).toContain('<mark>American President George H. W. Bush</mark>');
    expect(r.stdout).toContain('**Proposed correction:** American President George W. Bush');
  });

  it('writes any format to a file, and only once it is complete', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'claimdesk-out-')), 'report.json');
    const r = await runCli(['report', '1', '--format', 'json', '--include-open', '--output', out], { env: ws.env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Wrote the json report of document 1 to ${out}.`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.filter.includeOpen).toBe(true);
    expect(report.summary).toMatchObject({ checked: 50, errors: { total: 32 } });
    expect(report.claims.filter((c: { open: boolean }) => c.open).length).toBe(report.summary.unreviewed);
    const corrected = await runCli(['report', '1', '-f', 'corrected'], { env: ws.env });
    expect(corrected.stdout).toContain('United States na dahil nasa “ material breach ”');
  });

  it('explains a bad document id, format or option', async () => {
    expect(await runCli(['report', 'abc'], { env: ws.env })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: claimdesk report <documentId>'),
    });
    expect(await runCli(['report', '1', '--format', 'pdf'], { env: ws.env })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('format: must be one of: html, md, csv, json, claimreview, newsarticle, corrected, redline'),
    });
    expect(await runCli(['report', '999'], { env: ws.env })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Document not found.'),
    });
  });
});

describe(`DEMO=reviewed (${engineName})`, () => {
  it('starts the app with the demo document already reviewed, so its report is finished', async () => {
    const ws = await workspace();
    try {
      const server = await startServer({ ...ws.env, DEMO: 'reviewed', SESSION_SECRET: 'x'.repeat(40) }, 120_000);
      expect(await server.stop()).toBe(0);
      const r = await runCli(['report', '1', '--format', 'csv'], { env: ws.env });
      expect(r.code).toBe(0);
      const rows = r.stdout.split('\r\n').filter(Boolean);
      expect(rows).toHaveLength(33); // the header and the 32 claims needing action
      expect(r.stdout).toContain('American President George W. Bush');
    } finally {
      await ws.db?.drop();
    }
  }, 180_000);
});
