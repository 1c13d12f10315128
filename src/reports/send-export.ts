import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReportExport } from './export.js';

/**
 * Streams an export to the response as a download: Content-Type with its charset,
 * Content-Disposition naming the file, no caching (a report holds unpublished research).
 */
export async function sendExport(res: Response, exp: ReportExport): Promise<void> {
  res.attachment(exp.filename);
  res.set('Content-Type', exp.contentType);
  res.set('Cache-Control', 'private, no-store');
  if (exp.csp) res.set('Content-Security-Policy', exp.csp);
  await sendStream(res, exp.chunks);
}

/**
 * Pipes text chunks to the response with backpressure, so a slow client slows the database reads
 * down rather than letting the report pile up in memory.
 */
export async function sendStream(res: Response, chunks: AsyncIterable<string>): Promise<void> {
  try {
    await pipeline(Readable.from(chunks), res);
  } catch (err) {
    // A client that hangs up (a closed download tab) stops the export: the generator is returned,
    // so no more claims are read. That is not a failure of ours; anything else mid-stream goes to
    // the error handler, which cuts the connection.
    if ((err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw err;
  }
}
