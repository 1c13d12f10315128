/** The processes a benchmark run starts: the app (through the test helper) and the baseline server. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { awaitServer, freePort, startServer, type RunningServer } from '../tests/helpers/processes.js';

export { startServer, type RunningServer };

const runTs = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const baselineScript = fileURLToPath(new URL('./baseline-server.ts', import.meta.url));

/** Starts bench/baseline-server.ts in production mode on a free port; resolves once it answers. */
export async function startBaseline(): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [runTs, baselineScript], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return awaitServer(child, `http://127.0.0.1:${port}`, '/baseline', 30_000, 'baseline server');
}
