/** The processes a benchmark run starts: the app (through the test helper) and the baseline server. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, startServer, type RunningServer } from '../tests/helpers/processes.js';

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
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; ; ) {
    if (child.exitCode !== null) throw new Error(`baseline server exited early:\n${output}`);
    if (await fetch(`${url}/baseline`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`baseline server did not answer in 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}
