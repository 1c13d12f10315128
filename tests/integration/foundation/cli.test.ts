import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-cli-'));

describe('claimdesk CLI: input errors', () => {
  it('names a missing file', async () => {
    const r = await runCli(['import', join(dir, 'nope.txt'), '--title', 'T'], { env: { DATA_DIR: join(dir, 'data') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no such file');
  });

  it('refuses a file that is not UTF-8', async () => {
    const file = join(dir, 'latin1.txt');
    writeFileSync(file, Buffer.from('Caf\xe9 na may 500 tao', 'latin1'));
    const r = await runCli(['import', file, '--title', 'T'], { env: { DATA_DIR: join(dir, 'data') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not valid UTF-8 text');
  });

  it('refuses an empty text', async () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '  \n\n');
    const r = await runCli(['import', file, '--title', 'T'], { env: { DATA_DIR: join(dir, 'data') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('must not be empty');
  });

  it('explains an unknown command or option', async () => {
    expect((await runCli(['frobnicate'])).stderr).toContain("unknown command 'frobnicate'");
    const r = await runCli(['import', '--colour', 'red']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--colour'/);
  });
});

describe('claimdesk extract', () => {
  it('prints the extraction result as JSON without a database', async () => {
    const file = join(dir, 'en.txt');
    writeFileSync(file, 'On March 20, 2003, the coalition had 140,000 troops in Iraq, according to the Pentagon.');
    const r = await runCli(['extract', file, '--json'], { env: { DATA_DIR: join(dir, 'never-created') } });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.language).toBe('en');
    expect(out.sentences).toHaveLength(1);
    expect(out.claims.map((c: { kind: string }) => c.kind)).toEqual(expect.arrayContaining(['date', 'statistic']));
    for (const c of out.claims)
      expect(c.quote).toBe('On March 20, 2003, the coalition had 140,000 troops in Iraq, according to the Pentagon.'.slice(c.start, c.end));
  });
});
