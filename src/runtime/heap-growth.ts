import { setFlagsFromString } from 'node:v8';

/**
 * Bounds how far V8 lets the old generation grow past what survived its last full collection
 * before it collects again. Left to itself, V8 allows up to four times the live size when the app
 * allocates fast, and a server under load does: each request's objects that outlive two young
 * collections are promoted and die there. At 100,000 claims that let a PGlite server reach 297 MB;
 * at 50% it peaked at 222 MB for the same requests/s and CPU per request (docs/BENCHMARKS.md).
 *
 * V8 reads the flag each time it sets the next limit, so setting it after start takes effect at
 * the next full collection. 0 leaves V8's own choice.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
