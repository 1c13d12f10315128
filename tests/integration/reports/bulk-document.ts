import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Verdict } from '../../../src/claims/claim-vocabulary.js';
import type { Db } from '../../../src/db/database.js';
import { chunks } from '../../../src/db/sql-helpers.js';

export interface BulkOptions {
  claims: number;
  /** Length of each explanation, to make the export as large as a real one (or larger). */
  explanationLength?: number;
}

const cycle: Verdict[] = ['typo', 'inaccurate', 'misleading', 'needs_context', 'typo'];

/**
 * A resolved document with `claims` claims needing action (each with two sources), inserted in
 * bulk for the streaming test and the export benchmark. Spans are correct by construction, so
 * the load skips the per-row span trigger (which re-reads the whole text for every row) the way
 * pg_restore would: session_replication_role = replica, for this transaction only.
 */
export async function insertBulkDocument(db: Db, options: BulkOptions): Promise<{ documentId: number; text: string }> {
  const filler = 'x'.repeat(Math.max(0, (options.explanationLength ?? 120) - 60));
  const sentences: string[] = [];
  const spans: { start: number; end: number; sentence: number; quote: string }[] = [];
  let length = 0;
  for (let i = 0; i < options.claims; i++) {
    const lead = `Ayon sa ulat ${i + 1} , sinabi ng `;
    const sentence = `${lead}United Sates na umabot sa ${(i * 37) % 900_000} ang bilang .`;
    spans.push({ start: length + lead.length, end: length + lead.length + 'United Sates'.length, sentence: i + 1, quote: 'United Sates' });
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  const text = sentences.join('\n') + '\n';
  const starts = sentences.reduce<number[]>((acc, s, i) => (acc.push(i === 0 ? 0 : acc[i - 1]! + sentences[i - 1]!.length + 1), acc), []);

  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    const reviewer = await trx
      .insertInto('users')
      .values({ email: `bulk-${Date.now()}-${Math.random()}@example.test`, display_name: 'Bulk Reviewer', role: 'editor' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const document = await trx
      .insertInto('documents')
      .values({
        title: `Bulk document (${options.claims} claims)`,
        language: 'tl',
        body: text,
        content_hash: createHash('sha256').update(text).digest('hex'),
        sentence_starts: starts,
        source_url: 'https://news.example/bulk',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const resolvedAt = new Date();
    for (const batch of chunks(spans, 1000)) {
      const ids = await trx
        .insertInto('claims')
        .values(
          batch.map((s) => {
            const verdict = cycle[s.sentence % cycle.length]!;
            return {
              document_id: document.id,
              start_offset: s.start,
              end_offset: s.end,
              quote: s.quote,
              sentence_index: s.sentence,
              kind: 'spelling' as const,
              score: 0.9,
              reasons: '[]',
              origin: 'extracted' as const,
              status: 'resolved' as const,
              verdict,
              correction: verdict === 'needs_context' ? null : 'United States',
              explanation: `Claim ${s.sentence}: the country is the United States. ${filler}`,
              resolved_by: reviewer.id,
              resolved_at: resolvedAt,
            };
          }),
        )
        .returning('id')
        .execute();
      const sources = ids.flatMap(({ id }) => [
        {
          claim_id: id,
          url: `https://archive.example/${id}/a`,
          title: 'Country names',
          publisher: 'Archive',
          stance: 'refutes' as const,
          added_by: reviewer.id,
        },
        {
          claim_id: id,
          url: `https://archive.example/${id}/b`,
          title: null,
          publisher: null,
          stance: 'context' as const,
          added_by: reviewer.id,
        },
      ]);
      for (const part of chunks(sources, 1000)) await trx.insertInto('claim_sources').values(part).execute();
    }
    return { documentId: document.id, text };
  });
}
