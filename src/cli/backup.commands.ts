import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { writeBackup } from '../backup/backup.js';
import { restoreBackup } from '../backup/restore.js';
import type { Command } from './commands.js';
import { withWorkspace } from './open-ctx.js';

const usageError = (message: string) => Object.assign(new Error(message), { status: 2 });
const progress = (command: string) => (message: string) => process.stderr.write(`${command}: ${message}\n`);

/** Writes with back-pressure: waits for 'drain' whenever the destination's buffer is full. */
function writerFor(stream: Writable): (chunk: string) => Promise<void> {
  let failed: Error | null = null;
  stream.on('error', (err) => (failed = err));
  return async (chunk) => {
    if (failed) throw failed;
    if (!stream.write(chunk))
      await Promise.race([once(stream, 'drain'), once(stream, 'error').then(([err]) => Promise.reject(err as Error))]);
  };
}

/**
 * `claimdesk backup [--with-secrets] [--output FILE] > file.json`: the whole workspace as JSON,
 * streamed. With --output the file appears under its name only once complete.
 */
export const backupCommand: Command = {
  options: { 'with-secrets': { type: 'boolean' }, output: { type: 'string' } },
  async run({ config, values }) {
    const output = typeof values.output === 'string' ? values.output : null;
    if (!output && process.stdout.isTTY)
      throw usageError('usage: claimdesk backup > backup.json (or --output backup.json): the backup is not for a terminal');
    const partial = output ? `${output}.partial` : null;
    // Owner-only whatever the umask: a backup holds the findings, and with --with-secrets the password hashes.
    const stream: Writable = partial ? createWriteStream(partial, { mode: 0o600 }) : process.stdout;
    try {
      const rows = await withWorkspace(config, (ctx) =>
        writeBackup(ctx.db, { withSecrets: !!values['with-secrets'], write: writerFor(stream), progress: progress('backup') }),
      );
      if (partial) {
        stream.end();
        await once(stream, 'close');
        renameSync(partial, output!);
      }
      progress('backup')(
        `done: ${Object.entries(rows)
          .map(([t, n]) => `${n} ${t}`)
          .join(
            ', ',
          )}${values['with-secrets'] ? ' (with password hashes)' : ' (no password hashes; users set theirs through an invitation link)'}`,
      );
      return 0;
    } catch (err) {
      if (partial) rmSync(partial, { force: true });
      throw err;
    }
  },
};

/** `claimdesk restore FILE`: checks the whole file, then loads it into an empty workspace in one transaction. */
export const restoreCommand: Command = {
  options: {},
  async run({ config, positionals }) {
    const file = positionals[0];
    if (!file) throw usageError('usage: claimdesk restore backup.json (into an empty workspace)');
    const rows = await withWorkspace(config, (ctx) => restoreBackup(ctx.db, file, progress('restore')));
    progress('restore')(
      `done: ${Object.entries(rows)
        .map(([t, n]) => `${n} ${t}`)
        .join(', ')}`,
    );
    return 0;
  },
};
