import type { Response } from 'superagent';
import type { Ctx } from '../../../src/context.js';
import { applyAnswerKey, readAnswerKey } from '../../../src/demo/answer-key.js';
import { buildDocument } from '../../helpers/factories.js';

export const seedSourceUrl = 'https://tl.wikipedia.org/wiki/Digmaan_sa_Iraq';

/** The seed article imported through the service, with the answer key's review applied to it. */
export async function buildReviewedSeed(ctx: Ctx) {
  const { document } = await buildDocument(ctx, { title: 'Digmaan sa Iraq', sourceUrl: seedSourceUrl });
  const applied = await applyAnswerKey(ctx, document.id);
  return { document, applied, key: readAnswerKey() };
}

/** Reads a whole response body as UTF-8 text into `res.body`, whatever its content type. */
export function textParser(res: Response, done: (err: Error | null, body: unknown) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (body += chunk));
  stream.on('end', () => done(null, body));
  stream.on('error', (err: Error) => done(err, body));
}

/** Reads a whole response body as bytes into `res.body`. */
export function bytesParser(res: Response, done: (err: Error | null, body: unknown) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => done(err, Buffer.concat(chunks)));
}
