// Regenerates tests/fixtures/schema.json from a fresh PGlite database after a new migration.
// The migrations test compares both engines' catalogs against this file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine } from '../src/db/engine.js';
import { migrate } from '../src/db/migrate.js';
import { schemaFingerprint } from '../tests/helpers/schema.js';

const dataDir = mkdtempSync(join(tmpdir(), 'claimdesk-schema-'));
const engine = await openEngine({ databaseUrl: null, dataDir, dbPoolMax: 1, dbStatementTimeoutMs: 0, dbConnectTimeoutMs: 3000 });
await migrate(engine);
const file = new URL('../tests/fixtures/schema.json', import.meta.url);
writeFileSync(file, JSON.stringify(await schemaFingerprint(engine.db), null, 2) + '\n');
await engine.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(`wrote ${file.pathname}`);
