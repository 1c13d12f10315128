import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../../src/db/engine.js';
import { verifyPassword } from '../../../src/users/passwords.js';
import { hashSecret } from '../../../src/users/session.service.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { runCli } from '../../helpers/processes.js';

// On a server the CLI works on this file's own database; embedded, on a data directory of its own.
describe(`claimdesk user add / token create (${engineName})`, () => {
  let db: TestDb;
  let env: Record<string, string>;
  const dataDir = join(mkdtempSync(join(tmpdir(), 'claimdesk-cli-users-')), 'data');
  beforeAll(async () => {
    db = await openTestDb();
    env = db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : { DATA_DIR: dataDir, DEMO: '0' };
  });
  afterAll(() => db.close());

  /** Reads the CLI's database once the CLI has exited (PGlite allows one process at a time). */
  async function inCliDatabase<T>(fn: (engine: Awaited<ReturnType<typeof openEngine>>) => Promise<T>): Promise<T> {
    const engine = await openEngine({
      databaseUrl: db.databaseUrl,
      dataDir,
      dbPoolMax: 1,
      dbStatementTimeoutMs: 0,
      dbConnectTimeoutMs: 3000,
    });
    try {
      return await fn(engine);
    } finally {
      await engine.close();
    }
  }
  const userRow = (email: string) =>
    inCliDatabase((e) => e.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst());

  it('creates a user with the password read from standard input, printing no password', async () => {
    const r = await runCli(['user', 'add', '--email', 'Eve@Example.test', '--role', 'editor', '--name', 'Eve Editor'], {
      env,
      input: 'a piped passphrase\n',
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Created editor eve@example\.test \(id \d+\)\.\n$/);
    const row = (await userRow('eve@example.test'))!;
    expect(row).toMatchObject({ display_name: 'Eve Editor', role: 'editor' });
    expect(await verifyPassword('a piped passphrase', row.password_hash, 10)).toBe(true);
  });

  it('generates a password when none is piped and prints it once', async () => {
    const r = await runCli(['user', 'add', '--email', 'vic@example.test', '--role', 'viewer'], { env });
    expect(r.code).toBe(0);
    const password = /Password \(shown once\): (\S+)/.exec(r.stdout)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await verifyPassword(password, (await userRow('vic@example.test'))!.password_hash, 10)).toBe(true);
  });

  it('explains a wrong role, a short password and a taken email, creating nobody', async () => {
    const role = await runCli(['user', 'add', '--email', 'x@example.test', '--role', 'owner'], { env, input: 'long enough password' });
    expect(role.code).toBe(2); // called wrongly
    expect(role.stderr).toContain('--role must be one of: admin, editor, reviewer, viewer');
    const short = await runCli(['user', 'add', '--email', 'x@example.test', '--role', 'viewer'], { env, input: 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password: must be at least 10 characters');
    const taken = await runCli(['user', 'add', '--email', 'EVE@example.test', '--role', 'admin'], { env, input: 'long enough password' });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('A user with the email eve@example.test already exists.');
    expect(await userRow('x@example.test')).toBeUndefined();
    expect((await userRow('eve@example.test'))!.role).toBe('editor');
  });

  it('creates an API token printed once and stored only as its hash', async () => {
    const r = await runCli(['token', 'create', '--email', 'EVE@example.test', '--name', 'nightly import'], { env });
    expect(r.code).toBe(0);
    const token = /\n(cd_[A-Za-z0-9_-]{43})\n$/.exec(r.stdout)![1]!;
    const row = await inCliDatabase((e) =>
      e.db.selectFrom('api_tokens').selectAll().where('name', '=', 'nightly import').executeTakeFirstOrThrow(),
    );
    expect(row.token_hash).toBe(hashSecret(token));
    expect(row.prefix).toBe(token.slice(0, 10));
    const unknown = await runCli(['token', 'create', '--email', 'nobody@example.test'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no user with the email nobody@example.test');
  });
});
