import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBaseline, type RunningServer } from '../../../bench/processes.js';

/**
 * `npm run bench` compares every page with this in-memory page, rendered with the app's own head
 * and foot: when those change what they need (a new local), the baseline must keep rendering, or
 * the bench stops at its first step.
 */
describe('the benchmark baseline page', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startBaseline();
  });
  afterAll(() => server.stop());

  it('renders 50 in-memory rows in the app layout, and pads to the size asked for', async () => {
    const plain = await fetch(`${server.url}/baseline`);
    expect(plain.status).toBe(200);
    const html = await plain.text();
    expect(html).toContain('<input type="hidden" name="_csrf" value="bench-csrf-token-');
    expect(html.match(/<tr[ >]/g)?.length).toBeGreaterThanOrEqual(50);
    const padded = await (await fetch(`${server.url}/baseline?bytes=60000`)).text();
    expect(Buffer.byteLength(padded)).toBe(60_000);
  });
});
