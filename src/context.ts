import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { ReadCache } from './db/read-cache.js';

/** What every service function needs: the database and the settings. Built once in app.ts / the CLI. */
export interface Ctx {
  db: Db;
  config: Readonly<Config>;
  /** The app's copies of a few hot reads (src/db/read-cache.ts); absent in the CLI, which reads everything. */
  cache?: ReadCache;
}
