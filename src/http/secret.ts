import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';

const MIN_LENGTH = 32;

/**
 * The secret that signs cookies and CSRF tokens: SESSION_SECRET when set (required in production
 * with a server database), otherwise generated once and kept in DATA_DIR/session-secret, readable
 * by the owner only. A file others can read is tightened back to 600; a file too short to be a
 * secret stops start-up rather than signing with it.
 */
export function loadSessionSecret(config: Pick<Config, 'sessionSecret' | 'dataDir'>): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = join(config.dataDir, 'session-secret');
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  // Written aside, then linked into place: link() fails if the file exists, so two processes
  // starting at once agree on one secret and neither can read a half-written file.
  if (!existsSync(file)) {
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(draft, randomBytes(48).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    try {
      linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(draft);
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_LENGTH)
    throw new Error(`${file} holds fewer than ${MIN_LENGTH} characters; delete it to generate a new secret, or set SESSION_SECRET.`);
  return secret;
}
