import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/processes.js';

// Each case starts the CLI twice; a busy machine can take a while per start.
describe('claimdesk reextract', { timeout: 150_000 }, () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'claimdesk-reextract-')), 'data');

  it('re-extracts a document and reports that nothing new was found the second time', async () => {
    const demo = await runCli(['demo'], { env: { DATA_DIR: dataDir } });
    expect(demo.code).toBe(0);
    const r = await runCli(['reextract', '1'], { env: { DATA_DIR: dataDir } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Re-extracted document 1 “Digmaan sa Iraq.*”: 0 new claims; existing claims unchanged\.\n$/);
  });

  it('explains a bad or unknown document id', async () => {
    const bad = await runCli(['reextract', 'abc'], { env: { DATA_DIR: dataDir } });
    expect(bad.code).toBe(2); // called wrongly
    expect(bad.stderr).toContain('usage: claimdesk reextract <documentId>');
    const missing = await runCli(['reextract', '999'], { env: { DATA_DIR: dataDir } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Document not found.');
  });
});
