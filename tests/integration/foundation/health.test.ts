import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../helpers/app.js';
import { engineName, openTestDb } from '../../helpers/db.js';

describe(`GET /healthz (${engineName})`, () => {
  it('answers 200 while the database answers and 503 with Retry-After once it does not', async () => {
    const db = await openTestDb();
    const app = testApp(db);
    const ok = await request(app).get('/healthz');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'ok', database: 'up' });
    expect(Object.keys(ok.body).sort()).toEqual(['database', 'latencyMs', 'status']);
    await db.close();
    const down = await request(app).get('/healthz');
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.body).toMatchObject({ status: 'unavailable', database: 'down' });
  });
});
