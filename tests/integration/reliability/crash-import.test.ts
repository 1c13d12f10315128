import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../src/db/engine.js';
import { migrate } from '../../../src/db/migrate.js';
import { extract } from '../../../src/extraction/index.js';
import { bin, childEnv } from '../../helpers/processes.js';
import { engineName, openTestDb, testConfig, type TestDb } from '../../helpers/db.js';
import { seedText } from '../../helpers/factories.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-crash-'));
const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/** A ~3 MB article: the seed text over and over, its years varied so that claims differ. */
function largeArticle(): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < 3 * 1024 * 1024; i++) {
    const part = seedText().replaceAll('2003', String(1900 + (i % 120)));
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  return parts.join('\n\n');
}

/** The newest modification time of any file under `root`: it moves once the import's transaction writes. */
function lastWrite(root: string): number {
  let newest = 0;
  if (!existsSync(root)) return newest;
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  }
  return newest;
}

describe(`an import killed with SIGKILL (${engineName})`, () => {
  const file = join(dir, 'large.txt');
  let expectedClaims: number;
  let db: TestDb | null = null;
  const dataDir = join(dir, 'data');
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    DEMO: '0',
    MAX_TEXT_BYTES: String(MAX_TEXT_BYTES),
    LOG_LEVEL: 'warn',
    MAX_CLAIMS_PER_DOCUMENT: '9999999',
    EXTRACTION_TIMEOUT_MS: '9999999',
  }; // a crash test, not a limits test: the article is far over the default cap
  beforeAll(async () => {
    const text = largeArticle();
    writeFileSync(file, text);
    // What a complete import stores: one claim per distinct span and kind.
    expectedClaims = new Set(extract(text, { language: 'tl' }).claims.map((c) => `${c.start}:${c.end}:${c.kind}`)).size;
    if (engineName === 'postgres') {
      db = await openTestDb();
      env.DATABASE_URL = db.databaseUrl!;
      await db.engine.close();
    }
    const engine = await openEngine(testConfig({ dataDir, databaseUrl: env.DATABASE_URL ?? null }));
    await migrate(engine);
    await engine.close();
  });
  afterAll(() => db?.drop());

  /** Runs the import and kills it once `killWhen` says so; resolves with its stderr. */
  function importAndKill(title: string, killWhen: (stderr: string, stdout: string) => boolean): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'import', file, '--title', title, '--language', 'tl'], {
        env: childEnv(env),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d) => (stdout += d));
      const watch = setInterval(() => killWhen(stderr, stdout) && child.kill('SIGKILL'), 20);
      const limit = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearInterval(watch);
        clearTimeout(limit);
        resolve(`${signal ?? code} ${stderr}${stdout}`);
      });
    });
  }

  /** Opens the database as a restart would, and says whether the document is there, and whole. */
  async function afterRestart(title: string): Promise<{ documents: number; claims: number }> {
    const engine = await openEngine(testConfig({ dataDir, databaseUrl: env.DATABASE_URL ?? null }));
    try {
      const { rows } = await sql<{ documents: number; claims: number }>`
        SELECT (SELECT count(*)::int FROM documents WHERE title = ${title}) AS documents,
               (SELECT count(*)::int FROM claims c JOIN documents d ON d.id = c.document_id WHERE d.title = ${title}) AS claims`.execute(
        engine.db,
      );
      return rows[0]!;
    } finally {
      await engine.close();
    }
  }

  it('leaves no trace when killed while its transaction is writing', async () => {
    // The transaction has begun once the database files (or, on a server, its activity) move after "Importing".
    const probe = env.DATABASE_URL ? await openEngine(testConfig({ databaseUrl: env.DATABASE_URL })) : null;
    const serverBusy = async () =>
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query ILIKE 'insert%'`.execute(probe!.db)
      ).rows[0]!.n > 0;
    let baseline = 0;
    let writing = false;
    const poll = setInterval(
      async () => (writing ||= probe ? await serverBusy().catch(() => false) : baseline > 0 && lastWrite(dataDir) > baseline),
      50,
    );
    const outcome = await importAndKill('Killed', (stderr) => {
      if (!probe && stderr.includes('Importing') && baseline === 0) baseline = lastWrite(dataDir);
      return writing;
    });
    clearInterval(poll);
    await probe?.close();
    expect(outcome, 'the import finished before the kill: the test document is too small for this machine').toMatch(/^SIGKILL/);
    expect(await afterRestart('Killed')).toEqual({ documents: 0, claims: 0 });
  }, 180_000);

  it('is whole after a restart when killed just after it committed', async () => {
    const outcome = await importAndKill('Committed', (_stderr, stdout) => stdout.includes('Imported document'));
    expect(outcome).toMatch(/Imported document/);
    expect(await afterRestart('Committed')).toEqual({ documents: 1, claims: expectedClaims });
  }, 180_000);
});
