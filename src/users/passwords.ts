import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt is memory-hard; at the default cost (N=2^15, r=8) a check takes 32 MiB and, on these
// machines, about 175 ms. The cost is log2(N), from PASSWORD_HASH_COST (src/config.ts).
const params = (cost: number) => ({ N: 2 ** cost, r: 8, p: 1 });
const KEY_LENGTH = 32;
// Parameters are read back from stored hashes; these bounds keep a corrupted row from asking for gigabytes.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 4;

function derive(password: string, salt: Buffer, opts: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...opts, maxmem: 128 * opts.N * opts.r * 2 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64url parts: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const opts = params(cost);
  const key = await derive(password, salt, opts);
  return ['scrypt', opts.N, opts.r, opts.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string | null) {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const sane =
    Number.isInteger(Math.log2(cost.N)) &&
    cost.N >= 2 &&
    cost.N <= MAX_N &&
    cost.r >= 1 &&
    cost.r <= MAX_R &&
    cost.p >= 1 &&
    cost.p <= MAX_P;
  return sane ? { cost, salt: Buffer.from(salt, 'base64url'), expected: Buffer.from(hash, 'base64url') } : null;
}

/**
 * Constant-time comparison. A missing or malformed hash (unknown email, invited user without a
 * password) still costs one full scrypt run and never matches, so timing does not tell them apart.
 */
export async function verifyPassword(password: string, stored: string | null, cost: number): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) {
    await derive(password, randomBytes(16), params(cost));
    return false;
  }
  const actual = await derive(password, parsed.salt, parsed.cost);
  return actual.length === parsed.expected.length && timingSafeEqual(actual, parsed.expected);
}

/** True when a hash was made with other parameters than today's, so the next sign-in should upgrade it. */
export function needsRehash(stored: string, cost: number): boolean {
  const parsed = parse(stored);
  const today = params(cost);
  return !parsed || parsed.cost.N !== today.N || parsed.cost.r !== today.r || parsed.cost.p !== today.p;
}

/** A readable random password, printed once by `claimdesk user add` when none is given. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
