import type { Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadRoutes } from '../../../src/app.js';
import { addNote } from '../../../src/notes/note.service.js';
import { addSource } from '../../../src/sources/source.service.js';
import { browser, testApp } from '../../helpers/app.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildDocument, buildUser, signIn } from '../../helpers/factories.js';
import { tableChecksums } from '../../helpers/tables.js';
import { bodyOf, corpus, listRoutes, sendUpload, type Route } from './bad-input-corpus.js';

// superagent would JSON-encode a Buffer sent as application/json; the corpus sends its bytes as they are.
const asIs = (body: unknown) => body as string;

interface Outcome {
  label: string;
  status: number;
  message: string | null;
}

describe(`bad-input corpus over every route (${engineName})`, () => {
  let db: TestDb;
  let server: Server;
  let routes: Route[];
  let bearer: string;
  let user: ReturnType<typeof browser>;
  let csrf: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    db = await openTestDb({ maxTextBytes: 64 * 1024 });
    const app = testApp(db);
    server = app.listen(0, '127.0.0.1');
    routes = listRoutes(app);
    const admin = await signIn(db.ctx, 'admin');
    bearer = admin.bearer;
    user = browser(app, admin.cookie);
    csrf = await user.csrf('/documents/new');
    const { document, claims } = await buildDocument(db.ctx);
    const claim = claims[0]!;
    const source = await addSource(db.ctx, admin.actor, claim.id, { url: 'https://example.org/a', stance: 'supports' });
    const note = await addNote(db.ctx, admin.actor, claim.id, 'A note.');
    const viewer = await buildUser(db.ctx, 'viewer');
    const token = await db.engine.db.selectFrom('api_tokens').select('id').where('user_id', '=', admin.actor.id).executeTakeFirstOrThrow();
    ids = {
      documents: String(document.id),
      claims: String(claim.id),
      sources: String(source.id),
      notes: String(note.id),
      users: String(viewer.id),
      tokens: String(token.id),
    };
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.close();
  });

  /** A real id for each parameter, chosen by the path segment before it; `/invitations/:token` gets a made-up token. */
  const fill = (path: string, value?: string) =>
    path.replace(
      /\/([a-z-]+)\/:(\w+)/g,
      (_m, segment: string, name: string) => `/${segment}/${value ?? ids[segment] ?? (name === 'token' ? 'x'.repeat(43) : '1')}`,
    );

  const isApi = (r: Route) => r.path.startsWith('/api/');
  const authed = (test: request.Test, api: boolean) => (api ? test.set('Authorization', bearer) : test.set('Cookie', user.cookie));
  const open = (r: Route, path: string) => authed(request(server)[r.method.toLowerCase() as 'get'](path), isApi(r));

  // Lazy: a supertest request starts when awaited, and the corpus runs a few at a time.
  const outcome = (label: string, pending: request.Test) => async (): Promise<Outcome> => {
    let res: request.Response;
    try {
      res = await pending.timeout(20_000).ok(() => true);
    } catch (err) {
      return { label, status: 0, message: `no response: ${(err as Error).message}` };
    }
    const json = res.type === 'application/json' ? (res.body?.error?.message as string | undefined) : undefined;
    const html = res.type === 'text/html' && /<h1>[^<]+<\/h1>/.test(res.text) ? res.text : undefined;
    return { label, status: res.status, message: json ?? html ?? null };
  };

  function cases(): (() => Promise<Outcome>)[] {
    const out: (() => Promise<Outcome>)[] = [];
    for (const r of routes) {
      const route = `${r.method} ${r.path}`;
      const writes = r.method !== 'GET';
      if (writes && isApi(r)) {
        for (const spec of corpus.jsonBodies.filter((s) => !s.validFor?.includes(route))) {
          const { type, body } = bodyOf(spec, 'json');
          out.push(outcome(`${route} [${spec.name}]`, open(r, fill(r.path)).set('Content-Type', type).serialize(asIs).send(body)));
        }
      } else if (writes) {
        for (const spec of corpus.formBodies) {
          const { type, body } = bodyOf(spec, 'form', csrf);
          out.push(outcome(`${route} [${spec.name}]`, open(r, fill(r.path)).set('Content-Type', type).serialize(asIs).send(body)));
        }
        if (uploadRoutes.has(r.path))
          for (const spec of corpus.uploads) out.push(outcome(`${route} [upload: ${spec.name}]`, sendUpload(open(r, r.path), spec, csrf)));
      } else {
        for (const q of corpus.queries) out.push(outcome(`${route} [query: ${q.name}]`, open(r, `${fill(r.path)}?${q.query}`)));
      }
      if (!r.path.includes(':')) continue;
      for (const id of corpus.ids) {
        const pending = open(r, fill(r.path, id.value));
        out.push(
          outcome(
            `${route} [id: ${id.name}]`,
            !writes ? pending : isApi(r) ? pending.send({}) : pending.type('form').send({ _csrf: csrf }),
          ),
        );
      }
    }
    return out;
  }

  it('answers every case with a 4xx and a message, and changes no table', async () => {
    const before = await tableChecksums(db.engine.db);
    const pending = cases();
    const outcomes: Outcome[] = [];
    // A few at a time: enough to overlap, not so many that a slow engine times out.
    for (let i = 0; i < pending.length; i += 8) outcomes.push(...(await Promise.all(pending.slice(i, i + 8).map((run) => run()))));
    const wrong = outcomes
      .filter((o) => o.status < 400 || o.status > 499 || !o.message)
      .map((o) => `${o.label} → ${o.status}${o.message ? '' : ' without a message'}`);
    expect(wrong).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(200);
    expect(await tableChecksums(db.engine.db)).toEqual(before);
    const byStatus: Record<number, number> = {};
    for (const o of outcomes) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    console.info(`[bad-input ${engineName}] ${outcomes.length} cases over ${routes.length} routes: ${JSON.stringify(byStatus)}`);
  });

  // The corpus's {"surprise": true} alone mostly earns a 400 for a missing required field; here the
  // unknown field rides on a body each route would accept, so the 400 can only be for it.
  const validBodies: Record<string, Record<string, unknown>> = {
    'POST /api/v1/documents': { title: 'Valid', text: 'Sinabi ng pangulo na umabot sa 40 porsiyento ito.', language: 'tl' },
    'PATCH /api/v1/documents/:id': { version: 1, title: 'Renamed' },
    'POST /api/v1/documents/:id/reextract': {},
    'POST /api/v1/documents/:id/archive': {},
    'POST /api/v1/documents/:id/restore': {},
    'PUT /api/v1/documents/:id/correction-note': { note: 'A note.', version: 1 },
    'POST /api/v1/documents/:id/claims': { kind: 'other', quote: 'Iraq', occurrence: 1 },
    'PATCH /api/v1/claims/:id': { version: 1, explanation: 'Checked.' },
    'POST /api/v1/claims/bulk': { claimIds: [1], action: 'status', status: 'in_review' },
    'POST /api/v1/claims/:id/merge': { with: 'next', version: 1, withId: 2, withVersion: 1 },
    'POST /api/v1/claims/:id/reuse': { from: 2, version: 1 },
    'PATCH /api/v1/documents/:id/publication': { version: 1, author: 'Ana Reyes' },
    'POST /api/v1/documents/:id/corrections': {},
    'POST /api/v1/claims/:id/split': { at: 1, version: 1 },
    'POST /api/v1/claims/:id/sources': { url: 'https://example.org/b', stance: 'supports' },
    'PATCH /api/v1/sources/:id': { version: 1, stance: 'refutes' },
    'POST /api/v1/claims/:id/notes': { body: 'Another note.' },
    'PATCH /api/v1/notes/:id': { body: 'Edited.', version: 1 },
  };

  it('refuses an unknown field beside an otherwise valid body on every API write, naming only that field', async () => {
    const writes = routes.filter((r) => isApi(r) && ['POST', 'PUT', 'PATCH'].includes(r.method)).map((r) => `${r.method} ${r.path}`);
    expect(Object.keys(validBodies).sort()).toEqual([...writes].sort());
    const before = await tableChecksums(db.engine.db);
    for (const route of writes) {
      const [method, path] = route.split(' ') as [string, string];
      const res = await open({ method, path }, fill(path)).send({ ...validBodies[route], surprise: true });
      expect(res.status, route).toBe(400);
      expect(res.body.error.fields, route).toEqual([{ field: 'surprise', message: expect.any(String) }]);
    }
    expect(await tableChecksums(db.engine.db)).toEqual(before);
  });
});
