import { get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { signIn } from '../../helpers/factories.js';
import { insertBulkDocument } from './bulk-document.js';

const CLAIMS = 3000;

describe(`streamed exports (${engineName})`, () => {
  let db: TestDb;
  let server: Server;
  let base: string;
  let bearer: string;
  let documentId: number;
  beforeAll(async () => {
    db = await openTestDb();
    ({ bearer } = await signIn(db.ctx, 'viewer'));
    // ~6 KB of explanation per claim: 18 MB of CSV, far more than the socket buffers can hold.
    ({ documentId } = await insertBulkDocument(db.engine.db, { claims: CLAIMS, explanationLength: 6000 }));
    server = testApp(db).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  const open = (path: string) =>
    new Promise<IncomingMessage>((resolve, reject) =>
      get(`${base}${path}`, { headers: { Authorization: bearer, 'Accept-Encoding': 'identity' } }, resolve).on('error', reject),
    );

  it('sends the first bytes before the last claim is read', async () => {
    const last = await db.engine.db
      .selectFrom('claims')
      .select('id')
      .where('document_id', '=', documentId)
      .orderBy('start_offset', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const res = await open(`/api/v1/documents/${documentId}/report?format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const received: Buffer[] = [];
    // Pause inside the first 'data' event: a flowing stream may emit several chunks in one go.
    const first = await new Promise<Buffer>((resolve) =>
      res.once('data', (chunk: Buffer) => {
        res.pause();
        resolve(chunk);
      }),
    );
    received.push(first);
    // The download has begun; change the last claim now. If the export had read it already,
    // the old text would be in the file.
    await db.engine.db.updateTable('claims').set({ explanation: 'EDITED AFTER THE FIRST BYTES' }).where('id', '=', last.id).execute();
    res.on('data', (chunk: Buffer) => received.push(chunk));
    res.resume();
    await new Promise((resolve) => res.on('end', resolve));
    const rows = parse(Buffer.concat(received).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(CLAIMS);
    expect(rows.at(-1)).toMatchObject({ claim_id: String(last.id), explanation: 'EDITED AFTER THE FIRST BYTES' });
    expect(rows.map((r) => Number(r.number))).toEqual(Array.from({ length: CLAIMS }, (_, i) => i + 1));
  });

  it('stops reading when the client hangs up, and keeps serving', async () => {
    const res = await open(`/api/v1/documents/${documentId}/report?format=json`);
    await new Promise((resolve) => res.once('data', resolve));
    res.destroy();
    const again = await open(`/api/v1/documents/${documentId}/report?format=md`);
    expect(again.statusCode).toBe(200);
    let size = 0;
    again.on('data', (chunk: Buffer) => (size += chunk.length));
    await new Promise((resolve) => again.on('end', resolve));
    expect(size).toBeGreaterThan(CLAIMS * 6000);
  });
});
