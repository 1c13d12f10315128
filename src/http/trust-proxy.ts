import { isIP } from 'node:net';

const namedRanges = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY as Express's `trust proxy` setting. Only a trusted proxy's X-Forwarded-Proto makes a
 * request HTTPS (and so cookies Secure) and its X-Forwarded-For names the client the login rate
 * limit counts; trusting everyone would let any client pick its own address.
 * - `false` (or unset): no proxy; `true`: trust every hop (only behind a proxy that strips these headers);
 * - a number: trust that many hops; otherwise a comma-separated list of addresses, subnets or
 *   `loopback` / `linklocal` / `uniquelocal`.
 */
export function trustProxySetting(value: string | null): boolean | number | string[] {
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  if (/^[0-9]+$/.test(value)) return Number(value);
  const entries = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const ok = namedRanges.has(entry) || (isIP(address) !== 0 && (bits === undefined || /^[0-9]{1,3}$/.test(bits)));
    if (!ok)
      throw new Error(
        `Invalid configuration: TRUST_PROXY entry "${entry}" is not true, false, a hop count, an address, a subnet or loopback/linklocal/uniquelocal.`,
      );
  }
  return entries;
}
