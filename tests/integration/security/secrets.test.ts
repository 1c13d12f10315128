import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { Db } from '../../../src/db/database.js';
import { loadSessionSecret } from '../../../src/http/secret.js';
import { trustProxySetting } from '../../../src/http/trust-proxy.js';
import { startServer } from '../../helpers/processes.js';
import { PASSWORD } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'claimdesk-secret-'));
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('the session secret', () => {
  it('is generated once in DATA_DIR, readable by the owner only, and reused', () => {
    const dataDir = join(tmp(), 'data');
    const first = loadSessionSecret({ sessionSecret: null, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(64);
    expect(modeOf(join(dataDir, 'session-secret'))).toBe(0o600);
    expect(loadSessionSecret({ sessionSecret: null, dataDir })).toBe(first);
  });

  it('tightens a secret file others could read back to 600', () => {
    const dataDir = tmp();
    const file = join(dataDir, 'session-secret');
    writeFileSync(file, 'k'.repeat(64) + '\n');
    chmodSync(file, 0o644);
    expect(loadSessionSecret({ sessionSecret: null, dataDir })).toBe('k'.repeat(64));
    expect(modeOf(file)).toBe(0o600);
  });

  it('refuses to sign with a truncated secret file', () => {
    const dataDir = tmp();
    writeFileSync(join(dataDir, 'session-secret'), 'short\n', { mode: 0o600 });
    expect(() => loadSessionSecret({ sessionSecret: null, dataDir })).toThrow(/fewer than 32 characters/);
  });

  it('uses SESSION_SECRET when set, and writes no file', () => {
    const dataDir = tmp();
    expect(loadSessionSecret({ sessionSecret: 's'.repeat(40), dataDir })).toBe('s'.repeat(40));
    expect(existsSync(join(dataDir, 'session-secret'))).toBe(false);
  });

  it('is required in production with a server database, and must be at least 32 characters', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/claimdesk' })).toThrow(
      /SESSION_SECRET \(at least 32 characters\) is required in production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/claimdesk', SESSION_SECRET: 'too short' })).toThrow(
      /SESSION_SECRET must NOT have fewer than 32 characters/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/claimdesk', SESSION_SECRET: 'p'.repeat(48) }).sessionSecret,
    ).toBe('p'.repeat(48));
    expect(loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() }).sessionSecret).toBeNull(); // embedded: generated in DATA_DIR
  });
});

describe('TRUST_PROXY', () => {
  it('accepts true/false, a hop count, addresses, subnets and named ranges, and explains anything else', () => {
    expect(trustProxySetting(null)).toBe(false);
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('true')).toBe(true);
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('loopback, 10.0.0.0/8, ::1')).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(() => trustProxySetting('yes please')).toThrow(/TRUST_PROXY entry "yes please"/);
  });

  it('means what it says in the app (Express alone reads "1" as the address 0.0.0.1 and refuses "true")', () => {
    const appWith = (value: string) =>
      createApp({
        db: {} as Db,
        config: loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40), TRUST_PROXY: value, DATA_DIR: tmp() }),
        secret: 'x'.repeat(40),
      });
    expect(appWith('1').get('trust proxy')).toBe(1);
    expect(appWith('true').get('trust proxy')).toBe(true);
  });
});

describe('the embedded workspace across a restart', () => {
  it('generates its secret on first start, and keeps the admin signed in after a restart', async () => {
    const dataDir = join(tmp(), 'data');
    const env = { DATA_DIR: dataDir, DEMO: '0', NODE_ENV: 'development', LOG_LEVEL: 'warn' };
    let server = await startServer(env);
    let session: string;
    try {
      expect(modeOf(join(dataDir, 'session-secret'))).toBe(0o600);
      const setup = await fetch(`${server.url}/setup`, { redirect: 'manual' });
      const csrfCookie = setup.headers
        .getSetCookie()
        .find((c) => c.startsWith('claimdesk_csrf='))!
        .split(';')[0]!;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await setup.text())![1]!;
      const created = await fetch(`${server.url}/setup`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
        body: new URLSearchParams({ _csrf: csrf, displayName: 'Ada', email: 'ada@example.test', password: PASSWORD }),
      });
      expect(created.status).toBe(303);
      session = created.headers
        .getSetCookie()
        .find((c) => c.startsWith('claimdesk_session='))!
        .split(';')[0]!;
    } finally {
      await server.stop();
    }
    const secret = readFileSync(join(dataDir, 'session-secret'), 'utf8');
    server = await startServer(env);
    try {
      expect(readFileSync(join(dataDir, 'session-secret'), 'utf8')).toBe(secret);
      const account = await fetch(`${server.url}/account`, { redirect: 'manual', headers: { Cookie: session } });
      expect(account.status).toBe(200);
      expect(await account.text()).toContain('ada@example.test');
    } finally {
      await server.stop();
    }
  });
});
