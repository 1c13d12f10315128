import type { Config } from './config.js';
import { openEngine, type Engine } from './db/engine.js';
import { migrate } from './db/migrate.js';
import { seedDemo } from './demo/seed.js';
import { backfillMatches } from './matching/match.service.js';
import { backfillShingles } from './documents/near-duplicate.js';
import type { Logger } from 'pino';

/**
 * Opens the database the configuration names, applies pending migrations and, on an empty
 * workspace, loads the demo document (unless DEMO=0). Everything `serve` needs before listening.
 */
export async function openWorkspace(config: Readonly<Config>, log?: Pick<Logger, 'info'>): Promise<Engine> {
  const engine = await openEngine(config);
  try {
    const applied = await migrate(engine);
    if (applied.length) log?.info({ applied }, `applied ${applied.length} migration(s)`);
    // Claims from before sql/0016 (or loaded by bulk SQL) get their match keys and matches once.
    const indexed = await backfillMatches(engine.db);
    if (indexed) log?.info({ indexed }, `computed "seen before" matches for ${indexed} claim(s)`);
    const shingled = await backfillShingles(engine.db);
    if (shingled) log?.info({ shingled }, `computed near-duplicate shingles for ${shingled} document(s)`);
    if (config.demo !== 'off') {
      const seeded = await seedDemo({ db: engine.db, config }, { reviewed: config.demo === 'reviewed' });
      if (seeded) log?.info({ documentId: seeded.id }, 'loaded the demo document');
    }
    return engine;
  } catch (err) {
    await engine.close().catch(() => {});
    throw err;
  }
}
