import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../helpers/db.js';
import { runCli, startServer, type RunningServer } from '../../helpers/processes.js';

const EMAIL = 'scale.out@example.test';
const PASSWORD = 'two processes, one database';

/** A browser's cookie jar, shared by requests to either process as a load balancer would let it be. */
class Browser {
  readonly cookies = new Map<string, string>();
  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookie },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
  /** The CSRF token of a form on `url` (the page also sets the matching cookie). */
  async csrf(url: string): Promise<string> {
    const html = await (await this.fetch(url)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no CSRF token on ${url}`);
    return token;
  }
  post(url: string, form: Record<string, string>): Promise<Response> {
    return this.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }
}

// Sessions live in the database and every process is given the same SESSION_SECRET, so any
// process can serve any request: shown with two `claimdesk serve` processes on one server database.
// No process keeps a copy of a session or a user: each request reads them, so what one process
// ends, the other refuses on the next request.
describe.skipIf(!process.env.TEST_DATABASE_URL)('two app processes on one Postgres database', () => {
  let db: TestDb;
  let a: RunningServer;
  let b: RunningServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await openTestDb();
    await db.engine.close(); // the processes below are the only clients
    env = {
      DATABASE_URL: db.databaseUrl!,
      DEMO: '0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'scale-out-test-secret-'.padEnd(48, 'x'),
    };
    const added = await runCli(['user', 'add', '--email', EMAIL, '--role', 'editor', '--name', 'Scale Tester'], { env, input: PASSWORD });
    expect(added.code, added.stderr).toBe(0);
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it('runs on two ports', () => {
    expect(a.url).not.toBe(b.url);
  });

  it('accepts on process B the session signed in on process A, writes on B and reads the write on A', async () => {
    const browser = new Browser();
    const signIn = await browser.post(`${a.url}/login`, {
      email: EMAIL,
      password: PASSWORD,
      next: '/documents',
      _csrf: await browser.csrf(`${a.url}/login`),
    });
    expect(signIn.status).toBe(303);
    expect(browser.cookies.has('claimdesk_session')).toBe(true);

    const onB = await browser.fetch(`${b.url}/documents`);
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain('Scale Tester');

    // The form comes from A and is posted to B: CSRF tokens hold across processes too.
    const token = await browser.csrf(`${a.url}/documents/new`);
    const text = 'Noong ika-20 ng Marso, 2003, umabot sa 1,234 katao ang lumikas sa Basra, ayon sa ulat ng United Nations.\n';
    const imported = await browser.post(`${b.url}/documents`, { title: 'Written on B', text, language: 'tl', _csrf: token });
    expect(imported.status).toBe(303);
    const location = imported.headers.get('location')!;
    expect(location).toMatch(/^\/documents\/\d+$/);

    const readOnA = await browser.fetch(`${a.url}${location}`);
    expect(readOnA.status).toBe(200);
    expect(await readOnA.text()).toContain('Written on B');
    const listOnA = await (await browser.fetch(`${a.url}/documents`)).text();
    expect(listOnA).toContain('Written on B');
  });

  it('signs out everywhere: a session ended on A is refused on B', async () => {
    const browser = new Browser();
    await browser.post(`${a.url}/login`, { email: EMAIL, password: PASSWORD, _csrf: await browser.csrf(`${a.url}/login`) });
    const session = browser.cookies.get('claimdesk_session')!;
    expect((await browser.fetch(`${b.url}/documents`)).status).toBe(200);

    const out = await browser.post(`${a.url}/logout`, { _csrf: await browser.csrf(`${a.url}/documents`) });
    expect(out.status).toBe(303);
    browser.cookies.set('claimdesk_session', session); // a stale copy of the cookie, as another tab would hold
    const refused = await browser.fetch(`${b.url}/documents`);
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toMatch(/^\/login/);
  });

  it('refuses on B, at once, a user an administrator disabled on A', async () => {
    const [target, admin] = [
      { email: 'disabled.target@example.test', name: 'Dana Disabled', role: 'editor', password: 'soon to be disabled, not guessed' },
      { email: 'scale.admin@example.test', name: 'Ada Admin', role: 'admin', password: 'the administrator of both processes' },
    ];
    const added = await Promise.all(
      [target, admin].map((u) =>
        runCli(['user', 'add', '--email', u.email, '--role', u.role, '--name', u.name], { env, input: u.password }),
      ),
    );
    for (const r of added) expect(r.code, r.stderr).toBe(0);
    const signedIn = async (u: typeof target) => {
      const browser = new Browser();
      const res = await browser.post(`${a.url}/login`, {
        email: u.email,
        password: u.password,
        _csrf: await browser.csrf(`${a.url}/login`),
      });
      expect(res.status).toBe(303);
      return browser;
    };
    const [dana, ada] = [await signedIn(target), await signedIn(admin)];
    expect((await dana.fetch(`${b.url}/documents`)).status).toBe(200);

    const users = await (await ada.fetch(`${a.url}/admin/users`)).text();
    const id = /action="\/admin\/users\/(\d+)\/disable"(?:(?!action=)[\s\S])*?visually-hidden"> Dana Disabled</.exec(users)?.[1];
    expect(id).toMatch(/^\d+$/);
    const disabled = await ada.post(`${a.url}/admin/users/${id}/disable`, { _csrf: await ada.csrf(`${a.url}/admin/users`) });
    expect(disabled.status).toBe(303);

    const refused = await dana.fetch(`${b.url}/documents`);
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toMatch(/^\/login/);
  });

  it('holds the sign-in limit across both processes: the 6th wrong password is refused wherever it lands', async () => {
    const email = 'limit.target@example.test';
    const added = await runCli(['user', 'add', '--email', email, '--role', 'viewer'], { env, input: 'the right password, not guessed' });
    expect(added.code, added.stderr).toBe(0);
    const browser = new Browser();
    const attempt = async (server: RunningServer) =>
      (await browser.post(`${server.url}/login`, { email, password: 'a wrong guess', _csrf: await browser.csrf(`${server.url}/login`) }))
        .status;
    // Alternating, each process sees only three failures: counted apart, neither would refuse.
    const statuses = [];
    for (const server of [a, b, a, b, a]) statuses.push(await attempt(server));
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(await attempt(b)).toBe(429);
    expect(await attempt(a)).toBe(429);
  });
});
