import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { testApp } from '../../helpers/app.js';
import { axeViolations, listen, openBrowser, type TestBrowser } from '../../helpers/browser.js';
import { engineName, openTestDb, type TestDb } from '../../helpers/db.js';
import { buildUser } from '../../helpers/factories.js';
import { PASSWORD } from './helpers.js';

async function signInAs(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

describe(`accounts in Chromium: invite, first sign-in, tokens, password (${engineName})`, () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof listen>>;
  let chrome: TestBrowser;
  const cspErrors: string[] = [];
  beforeAll(async () => {
    db = await openTestDb();
    server = await listen(testApp(db));
    chrome = await openBrowser();
    chrome.page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await db?.close();
  });

  it('lets an admin invite a reviewer who sets a password, manages tokens and changes it, all accessible', async () => {
    const { page } = chrome;
    const url = (path: string) => `${server.url}${path}`;
    const admin = await buildUser(db.ctx, 'admin', 'Ada Admin');
    const accessibility: Record<string, unknown[]> = {};

    await signInAs(page, server.url, admin.email, PASSWORD);
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Bea Reyes');
    await page.getByLabel('Email', { exact: true }).fill('bea@example.test');
    await page.getByLabel('Role', { exact: true }).selectOption('reviewer');
    accessibility.users = await axeViolations(page);
    await page.getByRole('button', { name: 'Invite' }).click();
    const link = await page.getByLabel('Sign-in link').inputValue();
    expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    accessibility.invitation = await axeViolations(page);
    await page.getByRole('link', { name: 'Back to users' }).click();
    await page.getByRole('link', { name: 'Audit log' }).click();
    expect(await page.locator('table.audit-table').innerText()).toContain('user.invited');
    accessibility.audit = await axeViolations(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);

    await page.goto(link);
    expect(await page.locator('h1').innerText()).toBe('Choose your password');
    accessibility.choosePassword = await axeViolations(page);
    await page.getByLabel(/^New password/).fill('bea chooses this one');
    await page.getByLabel('Repeat the password').fill('bea chooses this one');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForURL(url('/'));
    expect(await page.locator('.account').innerText()).toContain('Bea Reyes');
    expect(await page.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: 'Bea Reyes' }).click();
    await page.getByLabel(/New token's name/).fill('fact-check bot');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByLabel('API token').inputValue();
    expect(token).toMatch(/^cd_/);
    const api = await fetch(url('/api/v1/documents'), { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status).toBe(200);
    await page.getByRole('link', { name: 'Back to your account' }).click();
    accessibility.account = await axeViolations(page);
    await page.getByRole('button', { name: 'Revoke fact-check bot' }).click();
    expect(await page.locator('.flash').innerText()).toContain('is revoked');
    expect((await fetch(url('/api/v1/documents'), { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);

    await page.getByLabel('Current password').fill('bea chooses this one');
    await page.getByLabel(/^New password/).fill('and now another one');
    await page.getByLabel('Repeat the new password').fill('and now another one');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.locator('.flash').innerText()).toContain('Your password is changed');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, server.url, 'bea@example.test', 'and now another one');
    expect(new URL(page.url()).pathname).toBe('/');

    expect(accessibility).toEqual({ users: [], invitation: [], audit: [], choosePassword: [], account: [] });
    expect(cspErrors).toEqual([]);
  });
});
