import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { exportDocumentReport } from '../reports/export.js';
import { documentFormats, parseDocumentQuery } from '../reports/report-query.js';
import { cliActor } from '../users/permissions.js';
import type { Command } from './commands.js';
import { withWorkspace } from './open-ctx.js';

const usageError = (message: string) => Object.assign(new Error(message), { status: 2 });

/**
 * Writes to standard output chunk by chunk, waiting whenever the pipe is full. A reader that goes
 * away (`claimdesk report 1 | head`) ends the export quietly, and no further claims are read.
 */
async function toStdout(chunks: AsyncIterable<string>): Promise<void> {
  const stdout = process.stdout;
  let failure = null as NodeJS.ErrnoException | null;
  const onError = (err: NodeJS.ErrnoException) => {
    failure = err;
    stdout.emit('drain'); // wakes a writer waiting for room that will never come
  };
  stdout.on('error', onError);
  try {
    for await (const chunk of chunks) {
      if (!stdout.write(chunk)) await once(stdout, 'drain');
      if (failure) break;
    }
  } finally {
    stdout.off('error', onError);
  }
  if (failure && failure.code !== 'EPIPE') throw failure;
}

/**
 * Writes to `file` through a temporary name and renames it at the end, so a failed export never
 * leaves a half-written report where the finished one is expected.
 */
async function toFile(file: string, chunks: AsyncIterable<string>): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await pipeline(Readable.from(chunks), createWriteStream(partial));
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/** `claimdesk report <documentId> [--format md] [--include-open] [--output file]`: the same exports as the app. */
export const reportCommand: Command = {
  options: { format: { type: 'string', short: 'f' }, 'include-open': { type: 'boolean' }, output: { type: 'string', short: 'o' } },
  async run({ config, values, positionals }) {
    const usage = `usage: claimdesk report <documentId> [--format ${documentFormats.join('|')}] [--include-open] [--output file]`;
    const raw = positionals[0];
    if (!raw || positionals.length > 1 || !/^[1-9][0-9]{0,9}$/.test(raw)) throw usageError(usage);
    const query = parseDocumentQuery({ format: values.format ?? 'md', ...(values['include-open'] ? { includeOpen: 'true' } : {}) });
    const output = typeof values.output === 'string' ? values.output : null;
    return withWorkspace(config, async (ctx) => {
      const exp = await exportDocumentReport(ctx, cliActor, Number(raw), query);
      if (output) {
        await toFile(output, exp.chunks);
        process.stderr.write(`Wrote the ${query.format} report of document ${raw} to ${output}.\n`);
      } else {
        await toStdout(exp.chunks);
      }
      return 0;
    });
  },
};
