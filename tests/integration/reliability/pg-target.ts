import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../helpers/processes.js';

const run = promisify(execFile);

/** A PostgreSQL server a test may take down and bring back: `url` stays the same throughout. */
export interface OutageTarget {
  kind: 'throw-away cluster' | 'proxy to the CI server';
  url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  destroy(): Promise<void>;
}

/** initdb and friends: Debian's /usr/lib/postgresql/N/bin, the newest there, if any. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/**
 * A cluster of its own in a temporary directory on a free loopback port (initdb refuses root,
 * so as root it runs as the `postgres` user). Taking it down is `pg_ctl stop -m fast`: every
 * connection is terminated and new ones are refused, as in a real restart.
 */
export async function startCluster(): Promise<OutageTarget | null> {
  const bin = postgresBin();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout), Number((await run('id', ['-g', 'postgres'])).stdout));
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  const port = await freePort();
  const data = join(dir, 'data');
  await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = () => pg('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']).then(() => {});
  await start();
  return {
    kind: 'throw-away cluster',
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    down: () => pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).then(() => {}),
    up: start,
    async destroy() {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The fallback without PostgreSQL binaries: a TCP proxy on a free loopback port in front of
 * `serverUrl`. Down closes every proxied connection and refuses new ones; up listens again.
 */
export async function startProxy(serverUrl: string): Promise<OutageTarget> {
  const upstream = new URL(serverUrl);
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const remote = connect(Number(upstream.port || 5432), upstream.hostname);
        for (const s of [client, remote]) {
          sockets.add(s);
          s.on('error', () => s.destroy());
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(remote).pipe(client);
      });
      server.once('error', reject).listen(port, '127.0.0.1', () => resolve());
    });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server ? server.close(() => resolve()) : resolve();
      server = null;
    });
  await listen();
  const url = new URL(serverUrl);
  url.host = `127.0.0.1:${port}`;
  return { kind: 'proxy to the CI server', url: url.toString(), down: close, up: listen, destroy: close };
}
