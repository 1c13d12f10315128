import { createServer, type Server, type ServerResponse } from 'node:http';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { loadSessionSecret } from './http/secret.js';
import { logger } from './http/logger.js';
import { stopBackgroundMatching } from './matching/background-matching.js';
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

  // Requests in flight: shutdown waits for them (and so for their transactions) before it closes
  // the database. Once stopping, a request that still arrives on an open keep-alive connection
  // is turned away (503, Connection: close) rather than started, and answers in flight close
  // their connection when done.
  let stopping = false;
  let onDrained = () => {};
  const active = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (stopping) {
      res
        .writeHead(503, { Connection: 'close', 'Retry-After': '5', 'Content-Type': 'text/plain; charset=utf-8' })
        .end('claimdesk is shutting down; try again in a moment.\n');
      return;
    }
    active.add(res);
    res.once('close', () => {
      active.delete(res);
      if (active.size === 0) onDrained();
    });
    app(req, res);
  });
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  log.info(
    { url, database: engine.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL server' },
    `claimdesk is listening on ${url}`,
  );
  if (!(await hasAnyUser(ctx))) log.info(`First run: open ${url}/setup to create the administrator account.`);

  const stop = async (signal: string) => {
    if (stopping) {
      log.warn('second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, inFlight: active.size }, 'shutting down: no new connections; finishing in-flight requests');
    for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
    clearInterval(purge);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const drained = active.size === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => (onDrained = () => resolve(true)));
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), config.shutdownTimeoutMs).unref());
    if (!(await Promise.race([drained, timedOut])))
      log.warn(
        { inFlight: active.size },
        `requests still running after ${config.shutdownTimeoutMs} ms: closing them; their transactions roll back`,
      );
    server.closeAllConnections();
    await closed;
    // A long document still being matched stops after its current batch; the next start finishes it.
    await stopBackgroundMatching();
    await engine.close();
    log.info('database closed; bye');
    process.exitCode = 0;
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return server;
}
