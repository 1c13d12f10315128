/**
 * Loads a planned workspace the fast way: users through the service (their passwords are hashed
 * like any other), then documents and claims as JSON record sets in a few large INSERT … SELECTs,
 * and sources, notes and history derived from the claims inside the database. The schema's
 * checks and span trigger run on every row as they would for an import.
 */
import { storeMatchKeys } from './match-keys.js';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../src/context.js';
import type { Db } from '../src/db/database.js';
import { chunks } from '../src/db/sql-helpers.js';
import { cliActor, type Role } from '../src/users/permissions.js';
import { createUser } from '../src/users/user.service.js';
import type { PlannedDocument } from './plan.js';

export interface SeededWorkspace {
  userIds: Record<Role, number[]>;
  /** Document ids in plan order (the featured documents first). */
  documentIds: number[];
  counts: Record<'documents' | 'claims' | 'claim_sources' | 'claim_notes' | 'claim_events', number>;
}

const DAY = 86_400_000;
const STAFF: [Role, string][] = [
  ['admin', 'Bench Admin'],
  ['editor', 'Bench Editor'],
  ['editor', 'Liza Soberano'],
  ['editor', 'Ramon Tulfo'],
  ['reviewer', 'Ana Dizon'],
  ['reviewer', 'Ben Cruz'],
  ['reviewer', 'Carla Reyes'],
  ['reviewer', 'Dado Santos'],
  ['reviewer', 'Ella Ramos'],
  ['reviewer', 'Fe Lim'],
  ['viewer', 'Gino Tan'],
];

/** Inserts the users, documents, claims, sources, notes and history of `plan`. */
export async function seedWorkspace(ctx: Ctx, plan: readonly PlannedDocument[]): Promise<SeededWorkspace> {
  const userIds: Record<Role, number[]> = { admin: [], editor: [], reviewer: [], viewer: [] };
  for (const [i, [role, displayName]] of STAFF.entries()) {
    const user = await createUser(ctx, cliActor, { email: `bench${i}@example.test`, displayName, role, password: 'bench password 1' });
    userIds[role].push(user.id);
  }
  const editor = userIds.editor[0]!;
  const now = Date.now();
  const documentIds: number[] = [];
  for (const [batchIndex, batch] of [...chunks(plan, 50)].entries()) {
    const rows = batch.map((d, i) => ({
      ord: batchIndex * 50 + i,
      title: d.title,
      language: d.language,
      source_url: `https://news.example.ph/${batchIndex * 50 + i + 1}`,
      body: d.text,
      content_hash: createHash('sha256').update(d.text).digest('hex'),
      sentence_starts: `{${d.sentenceStarts.join(',')}}`,
      created_by: editor,
      created_at: new Date(now - d.ageDays * DAY).toISOString(),
    }));
    const { rows: ids } = await sql<{ id: number; title: string }>`
      INSERT INTO documents (title, language, source_url, body, content_hash, sentence_starts, created_by, created_at, updated_at)
      SELECT title, language, source_url, body, content_hash, sentence_starts::integer[], created_by, created_at, created_at
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(ord integer, title text, language text, source_url text, body text,
        content_hash text, sentence_starts text, created_by integer, created_at timestamptz)
      ORDER BY ord
      RETURNING id, title`.execute(ctx.db);
    const byTitle = new Map(ids.map((r) => [r.title, r.id]));
    for (const d of batch) documentIds.push(byTitle.get(d.title)!);
  }
  const reviewers = userIds.reviewer;
  const claimRows = plan.flatMap((d, i) =>
    d.claims.map((c) => {
      const created = now - d.ageDays * DAY;
      const touched = c.status === 'open' ? created : Math.min(now, created + (1 + (c.start % 20)) * DAY);
      return {
        document_id: documentIds[i]!,
        start_offset: c.start,
        end_offset: c.end,
        quote: c.quote,
        sentence_index: c.sentenceIndex,
        kind: c.kind,
        score: c.score,
        reasons: c.reasons,
        suggestion: c.suggestion,
        status: c.status,
        verdict: c.verdict,
        correction: c.correction,
        explanation: c.explanation,
        assignee_id: c.assignee === null ? null : reviewers[c.assignee % reviewers.length]!,
        resolved_by: c.status === 'resolved' ? editor : null,
        resolved_at: c.status === 'resolved' ? new Date(touched).toISOString() : null,
        created_at: new Date(created).toISOString(),
        updated_at: new Date(touched).toISOString(),
        version: { open: 1, in_review: 2, dismissed: 2, resolved: 3 }[c.status],
      };
    }),
  );
  for (const batch of chunks(claimRows, 5000)) {
    await sql`
      INSERT INTO claims (document_id, start_offset, end_offset, quote, sentence_index, kind, score, reasons, suggestion, origin,
        status, verdict, correction, explanation, assignee_id, resolved_by, resolved_at, created_at, updated_at, version)
      SELECT document_id, start_offset, end_offset, quote, sentence_index, kind, score, reasons, suggestion, 'extracted',
        status, verdict, correction, explanation, assignee_id, resolved_by, resolved_at, created_at, updated_at, version
      FROM json_to_recordset(${JSON.stringify(batch)}::json) AS x(document_id integer, start_offset integer, end_offset integer,
        quote text, sentence_index integer, kind text, score real, reasons jsonb, suggestion text, status text, verdict text,
        correction text, explanation text, assignee_id integer, resolved_by integer, resolved_at timestamptz,
        created_at timestamptz, updated_at timestamptz, version integer)`.execute(ctx.db);
  }
  await deriveResearch(ctx.db, editor);
  await storeMatchKeys(ctx.db);
  return { userIds, documentIds, counts: await countRows(ctx.db) };
}

/**
 * Sources (two on average for a decided claim), notes and the history each claim's status implies,
 * computed from the claims in the database: a few statements, whatever the workspace size.
 */
async function deriveResearch(db: Db, editor: number): Promise<void> {
  await sql`
    INSERT INTO claim_sources (claim_id, url, title, publisher, published_on, excerpt, stance, added_by, created_at, updated_at)
    SELECT c.id,
      'https://' || (ARRAY['www.rappler.com', 'newsinfo.inquirer.net', 'www.reuters.com', 'www.un.org', 'psa.gov.ph', 'www.philstar.com'])[1 + (c.id + g) % 6] || '/article/' || c.id || '-' || g,
      (ARRAY['Ulat ng ahensya tungkol sa ', 'Official statement on ', 'Datos mula sa ', 'Archive: '])[1 + (c.id + g) % 4] || left(c.quote, 60),
      (ARRAY['Rappler', 'Philippine Daily Inquirer', 'Reuters', 'United Nations', 'Philippine Statistics Authority', 'The Philippine Star'])[1 + (c.id + g) % 6],
      date '2003-03-20' + (c.id * 13 + g) % 7000,
      'The record shows ' || c.quote || ' as reported at the time; ang tala ay tugma sa ulat.',
      CASE WHEN c.verdict IN ('inaccurate', 'misleading', 'typo') AND g = 1 THEN 'refutes' WHEN g = 3 THEN 'context' ELSE 'supports' END,
      coalesce(c.assignee_id, ${editor}::integer), c.updated_at, c.updated_at
    FROM claims c CROSS JOIN LATERAL generate_series(1,
      CASE c.status WHEN 'resolved' THEN 1 + c.id % 3 WHEN 'in_review' THEN c.id % 2 WHEN 'open' THEN (c.id % 10 = 0)::integer ELSE 0 END) AS g`.execute(
    db,
  );
  await sql`
    INSERT INTO claim_notes (claim_id, author_id, body, created_at)
    SELECT c.id, coalesce(c.assignee_id, ${editor}::integer),
      (ARRAY['Tinawagan ang tagapagsalita; hinihintay ang sagot.', 'The ministry publishes a different figure for that year.', 'Need a second source before resolving.', 'Nasa archive ang orihinal na ulat.'])[1 + (c.id + g) % 4],
      c.updated_at
    FROM claims c CROSS JOIN LATERAL generate_series(1, CASE WHEN c.status IN ('resolved', 'in_review') THEN c.id % 3 ELSE (c.id % 20 = 0)::integer END) AS g`.execute(
    db,
  );
  await sql`
    INSERT INTO claim_events (claim_id, document_id, actor_id, action, after, created_at)
    SELECT id, document_id, ${editor}::integer, 'claim.created',
      jsonb_build_object('kind', kind, 'quote', quote, 'start', start_offset, 'end', end_offset, 'origin', origin), created_at
    FROM claims ORDER BY id`.execute(db);
  await sql`
    INSERT INTO claim_events (claim_id, document_id, actor_id, action, before, after, created_at)
    SELECT id, document_id, coalesce(assignee_id, ${editor}::integer), 'claim.updated',
      jsonb_build_object('status', 'open', 'assigneeId', NULL), jsonb_build_object('status', 'in_review', 'assigneeId', assignee_id),
      created_at + (updated_at - created_at) / 2
    FROM claims WHERE status IN ('in_review', 'resolved') ORDER BY id`.execute(db);
  await sql`
    INSERT INTO claim_events (claim_id, document_id, actor_id, action, before, after, created_at)
    SELECT id, document_id, ${editor}::integer, 'claim.updated',
      jsonb_build_object('status', CASE status WHEN 'resolved' THEN 'in_review' ELSE 'open' END, 'verdict', NULL),
      jsonb_build_object('status', status, 'verdict', verdict), updated_at
    FROM claims WHERE status IN ('resolved', 'dismissed') ORDER BY id`.execute(db);
}

async function countRows(db: Db): Promise<SeededWorkspace['counts']> {
  const { rows } = await sql<SeededWorkspace['counts']>`
    SELECT (SELECT count(*) FROM documents)::integer AS documents, (SELECT count(*) FROM claims)::integer AS claims,
      (SELECT count(*) FROM claim_sources)::integer AS claim_sources, (SELECT count(*) FROM claim_notes)::integer AS claim_notes,
      (SELECT count(*) FROM claim_events)::integer AS claim_events`.execute(db);
  return rows[0]!;
}
