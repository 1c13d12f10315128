import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptReads, ReadCache } from '../../../src/db/read-cache.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, settleChanges, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe(`the read cache (${engineName})`, () => {
  let db: TestDb;
  let cache: ReadCache;
  beforeAll(async () => {
    db = await openTestDb();
    cache = new ReadCache(db.engine);
    await until(() => cache.live, 'the change feed');
  });
  afterAll(async () => {
    cache.close();
    await db.close();
  });

  function counted<T>(value: () => Promise<T>) {
    let loads = 0;
    return {
      load: () => {
        loads += 1;
        return value();
      },
      get loads() {
        return loads;
      },
    };
  }
  it('declares each kept read with tables whose writes the database announces (the triggers of sql/0010, sql/0011)', async () => {
    const { rows } = await sql<{ table: string }>`
      SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE p.proname = 'notify_table_changed' AND NOT t.tgisinternal`.execute(db.engine.db);
    const announced = new Set(rows.map((r) => r.table));
    for (const [read, tables] of Object.entries(keptReads))
      for (const table of tables) expect(announced.has(table), `${read} depends on ${table}, whose writes nothing announces`).toBe(true);
  });

  const names = () => db.engine.db.selectFrom('users').select(['id', 'display_name']).orderBy('id').execute();

  it('keeps a read, frozen, until this process writes one of its tables', async () => {
    await signIn(db.ctx, 'editor', 'Ana Dizon');
    await settleChanges(db.engine);
    const users = counted(names);
    const first = await cache.get('users', ['users'], users.load);
    expect(await cache.get('users', ['users'], users.load)).toBe(first);
    expect(users.loads).toBe(1);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
    // A watched table of another read changes nothing here.
    await db.engine.db.updateTable('documents').set({ title: 'x' }).where('id', '=', -1).execute();
    await cache.get('users', ['users'], users.load);
    expect(users.loads).toBe(1);
    await db.engine.db.updateTable('users').set({ display_name: 'Ana D. Dizon' }).where('display_name', '=', 'Ana Dizon').execute();
    const after = await cache.get('users', ['users'], users.load);
    expect(users.loads).toBe(2);
    expect(after.map((u) => u.display_name)).toContain('Ana D. Dizon');
  });

  it('lets go once the database announces a write made elsewhere (another process, raw SQL)', async () => {
    // The last test's writes are still being announced; one landing here would count as a load.
    await settleChanges(db.engine);
    const users = counted(names);
    await cache.get('users elsewhere', ['users'], users.load);
    await cache.get('users elsewhere', ['users'], users.load);
    expect(users.loads).toBe(1);
    // Past Kysely, as another process would write: only the notification (sql/0010) can tell.
    await db.engine.scriptTransaction((exec) => exec(`UPDATE users SET display_name = display_name || '.'`));
    await until(async () => {
      await cache.get('users elsewhere', ['users'], users.load);
      return users.loads === 2;
    }, 'the notification');
    expect((await cache.get('users elsewhere', ['users'], users.load)).every((u) => u.display_name.endsWith('.'))).toBe(true);
  });

  it('forgets at once what a raw SQL statement of this process writes, and what a note changes', async () => {
    const users = counted(names);
    await cache.get('users raw', ['users'], users.load);
    await sql`UPDATE users SET display_name = display_name WHERE id = -1`.execute(db.engine.db);
    await cache.get('users raw', ['users'], users.load);
    expect(users.loads).toBe(2);
    const notes = counted(async () => 1);
    await cache.get('research', ['claim_notes'], notes.load);
    await db.engine.db.deleteFrom('claim_notes').where('id', '=', -1).execute();
    await cache.get('research', ['claim_notes'], notes.load);
    expect(notes.loads).toBe(2);
  });

  it('holds at most maxEntries copies, dropping the one read longest ago first', async () => {
    const small = new ReadCache(db.engine, { maxEntries: 2 });
    await until(() => small.live, 'the change feed');
    try {
      const [a, b, c] = [counted(async () => 'a'), counted(async () => 'b'), counted(async () => 'c')];
      await small.get('a', ['claims'], a.load);
      await small.get('b', ['claims'], b.load);
      expect(small.size).toBe(2);
      await small.get('c', ['claims'], c.load);
      expect(small.size).toBe(2);
      await small.get('b', ['claims'], b.load);
      await small.get('c', ['claims'], c.load);
      await small.get('a', ['claims'], a.load);
      expect([a.loads, b.loads, c.loads]).toEqual([2, 1, 1]);
    } finally {
      small.close();
    }
  });

  it('does not keep a read that a change overlapped', async () => {
    const racing = counted(async () => {
      const rows = await names();
      cache.changed('users'); // as a commit landing while the read was in flight
      return rows;
    });
    await cache.get('racing', ['users'], racing.load);
    await cache.get('racing', ['users'], racing.load);
    expect(racing.loads).toBe(2);
  });

  it('keeps nothing while notifications are not flowing', async () => {
    let live: (on: boolean) => void = () => {};
    const offline = new ReadCache({
      watchChanges: (_change, onLive) => {
        live = onLive;
        return () => {};
      },
    });
    const users = counted(names);
    await offline.get('users', ['users'], users.load);
    await offline.get('users', ['users'], users.load);
    expect(users.loads).toBe(2);
    live(true);
    await offline.get('users', ['users'], users.load);
    await offline.get('users', ['users'], users.load);
    expect(users.loads).toBe(3);
    live(false); // the feed dropped: what was kept may be stale
    await offline.get('users', ['users'], users.load);
    expect(users.loads).toBe(4);
  });

  it('signs a disabled user out on the next request, though the app had kept the session', async () => {
    const app = testApp(db);
    const admin = await signIn(db.ctx, 'admin', 'Admin Reyes');
    const reviewer = await signIn(db.ctx, 'reviewer', 'Ben Cruz');
    await until(async () => (await request(app).get('/healthz')).body.readCache === 'live', "the app's change feed");
    expect((await request(app).get('/claims').set('Cookie', reviewer.cookie)).status).toBe(200);
    expect((await request(app).get('/claims').set('Cookie', reviewer.cookie)).status).toBe(200);
    const res = await browser(app, admin.cookie).post(`/admin/users/${reviewer.actor.id}/disable`, {}, '/admin/users');
    expect(res.status).toBe(303);
    const after = await request(app).get('/claims').set('Cookie', reviewer.cookie);
    expect(after.status).toBe(303);
    expect(after.headers.location).toMatch(/^\/login/);
  });
});
