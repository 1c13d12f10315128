import type { Server } from 'node:http';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { loadSessionSecret } from './http/secret.js';
import { logger } from './http/logger.js';
import { purgeExpiredSessions } from './users/session.service.js';
import { openWorkspace } from './workspace.js';
import { hasAnyUser } from './users/user.service.js';

/**
 * Starts claimdesk: database, migrations, demo, then HTTP. On SIGTERM or SIGINT it stops
 * accepting connections, lets in-flight requests finish (up to SHUTDOWN_TIMEOUT_MS), then closes
 * the database — PGlite must be closed or its directory may be left inconsistent.
 */
export async function serve(config: Readonly<Config>): Promise<Server> {
  const log = logger(config);
  const engine = await openWorkspace(config, log);
  const ctx = { db: engine.db, config };
  const app = createApp({ db: engine.db, config, secret: loadSessionSecret(config) });
  await purgeExpiredSessions(ctx);
  const purge = setInterval(() => purgeExpiredSessions(ctx).catch(() => {}), 3600_000).unref();

  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  log.info({ url, database: engine.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL server' }, `claimdesk is listening on ${url}`);
  if (!(await hasAnyUser(ctx))) log.info(`First run: open ${url}/setup to create the administrator account.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log.warn('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: finishing in-flight requests');
    clearInterval(purge);
    const force = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs).unref();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    await engine.close();
    log.info('database closed; bye');
    process.exitCode = 0;
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return server;
}
