import type { Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEventsByClaimId } from '../../../src/history/event.repository.js';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, signIn } from '../../helpers/factories.js';
import { checksumsExceptClaim } from './checksums.js';

const CLIENTS = 20;
const EDITS = 50;

describe(`optimistic concurrency under load (${engineName})`, () => {
  let db: TestDb;
  let server: Server;
  let bearers: string[];
  let claimIds: number[];
  beforeAll(async () => {
    db = await openTestDb();
    // One listening server, so the clients' requests really run side by side on the pool.
    server = testApp(db).listen(0, '127.0.0.1');
    bearers = (await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signIn(db.ctx, 'editor', `Client ${i}`)))).map((s) => s.bearer);
    claimIds = (await buildDocument(db.ctx)).claims.map((c) => c.id);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  it(`lets ${CLIENTS} clients race ${EDITS} edits each at one claim: every write is accepted once or refused with 409`, async () => {
    const target = claimIds[0]!;
    const before = await checksumsExceptClaim(db.engine.db, target);
    const accepted: { explanation: string; version: number }[] = [];
    const statuses = new Map<number, number>();
    await Promise.all(
      bearers.map(async (bearer, client) => {
        let version = (await request(server).get(`/api/v1/claims/${target}`).set('Authorization', bearer)).body.claim.version as number;
        for (let edit = 0; edit < EDITS; edit++) {
          const explanation = `client ${client}, edit ${edit}`;
          // Half the clients send the version in If-Match, half in the body: both paths are checked.
          const req = request(server).patch(`/api/v1/claims/${target}`).set('Authorization', bearer);
          const res =
            client % 2 ? await req.set('If-Match', `"${version}"`).send({ explanation }) : await req.send({ version, explanation });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 200) {
            accepted.push({ explanation, version: res.body.claim.version });
            version = res.body.claim.version;
          } else {
            expect(res.body.error.current.id).toBe(target);
            version = res.body.error.current.version; // the client re-reads from the 409, as the UI does
          }
        }
      }),
    );
    expect([...statuses.keys()].sort()).toEqual(statuses.has(409) ? [200, 409] : [200]);
    expect(accepted.length + (statuses.get(409) ?? 0)).toBe(CLIENTS * EDITS);

    const events = (await findEventsByClaimId(db.engine.db, target)).filter((e) => e.action === 'claim.updated');
    expect(events).toHaveLength(accepted.length);
    const explained = events.map((e) => e.after?.explanation as string).sort();
    expect(explained).toEqual(accepted.map((a) => a.explanation).sort());
    // Versions are handed out one at a time: accepted edits took 2, 3, … with no gap and no repeat.
    expect(accepted.map((a) => a.version).sort((a, b) => a - b)).toEqual(accepted.map((_, i) => i + 2));

    const last = accepted.reduce((a, b) => (b.version > a.version ? b : a));
    const final = (await request(server).get(`/api/v1/claims/${target}`).set('Authorization', bearers[0]!)).body.claim;
    expect(final).toMatchObject({ explanation: last.explanation, version: last.version });
    expect(await checksumsExceptClaim(db.engine.db, target)).toEqual(before);
    console.info(`[concurrency ${engineName}] ${accepted.length} accepted, ${statuses.get(409) ?? 0} refused with 409`);
  });

  it('never makes edits of different claims wait for each other', async () => {
    const own = claimIds.slice(1, CLIENTS + 1);
    const results = await Promise.all(
      own.map(async (claimId, client) => {
        const codes: number[] = [];
        let version = 1;
        for (let edit = 0; edit < 5; edit++) {
          const res = await request(server)
            .patch(`/api/v1/claims/${claimId}`)
            .set('Authorization', bearers[client]!)
            .send({ version, explanation: `own ${edit}` });
          codes.push(res.status);
          version = res.body.claim?.version ?? version;
        }
        return codes;
      }),
    );
    expect(results.flat().every((s) => s === 200)).toBe(true);
    if (db.engine.kind !== 'postgres') return; // PGlite has one connection: nothing runs side by side to block

    // Hold claim A's row lock in another transaction: an edit of claim B goes through meanwhile,
    // and the edit of A waits for the lock, then succeeds from the version it read.
    const [a, b] = [claimIds[CLIENTS + 1]!, claimIds[CLIENTS + 2]!];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.engine.db.transaction().execute(async (trx) => {
      await trx.selectFrom('claims').select('id').where('id', '=', a).forUpdate().execute();
      locked();
      await held;
    });
    await isLocked;
    let aDone = false;
    const editA = request(server)
      .patch(`/api/v1/claims/${a}`)
      .set('Authorization', bearers[0]!)
      .send({ version: 1, explanation: 'A' })
      .then((r) => {
        aDone = true;
        return r;
      });
    const started = Date.now();
    const editB = await request(server)
      .patch(`/api/v1/claims/${b}`)
      .set('Authorization', bearers[1]!)
      .send({ version: 1, explanation: 'B' });
    expect(editB.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(aDone).toBe(false);
    release();
    await holder;
    expect((await editA).status).toBe(200);
  });
});
