/**
 * Scores "seen before" matching on tests/fixtures/match-eval.jsonl against the reviewed seed, in
 * a throwaway embedded database: success@1, success@5 and the false-match rate per language
 * pair. Prints a table and the misses, and writes the figures to docs/matching-eval.json.
 *
 * Usage: npm run eval:match
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { openEngine } from '../src/db/engine.js';
import { migrate } from '../src/db/migrate.js';
import { seedDemo } from '../src/demo/seed.js';
import { readEvalItems, runMatchEval, summarise } from '../src/matching/match-eval.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-eval-match-'));
const config = loadConfig({ DATA_DIR: dir, DEMO: 'reviewed', NODE_ENV: 'test' });
const engine = await openEngine(config);
try {
  await migrate(engine);
  const ctx = { db: engine.db, config };
  const seed = (await seedDemo(ctx, { reviewed: true }))!;
  const results = await runMatchEval(ctx, seed.id, readEvalItems(new URL('../tests/fixtures/match-eval.jsonl', import.meta.url)));
  const figures = summarise(results, seed.language);
  console.table(figures);
  for (const r of results) {
    const hit = r.item.type === 'restatement' ? r.ranked.slice(0, 5).some((id) => r.targetIds.includes(id)) : r.ranked.length === 0;
    if (!hit)
      console.log(`miss ${r.item.id} (${r.claims} claims, targets ${r.targetIds.join(',')}, ranked ${r.ranked.slice(0, 5).join(',')})`);
  }
  writeFileSync(new URL('../docs/matching-eval.json', import.meta.url), `${JSON.stringify({ figures }, null, 2)}\n`);
} finally {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
}
