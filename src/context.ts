import type { Config } from './config.js';
import type { Db } from './db/database.js';

/** What every service function needs: the database and the settings. Built once in app.ts / the CLI. */
export interface Ctx {
  db: Db;
  config: Readonly<Config>;
}
