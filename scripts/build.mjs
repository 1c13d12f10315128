#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci` runs it): compiles src/ to dist/ with tsc, and
// copies the files the code reads next to itself (lexicons, notes, the demo text, CSS). dist/
// sits beside src/, so the paths the code builds from import.meta.url to views/, sql/ and
// public/ mean the same from either. bin/claimdesk.js runs dist/ while it is newer than
// every file in src/, and the sources through tsx otherwise.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const started = Date.now();

let tsc;
try {
  tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
} catch {
  // An install without dev dependencies (npm ci --omit=dev) has no compiler: the sources run through tsx.
  console.log('typescript is not installed: dist/ not built; claimdesk runs its sources through tsx');
  process.exit(0);
}
rmSync(dist, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
} catch {
  // No .built stamp, so bin/claimdesk.js runs the sources. `npm ci` (prepare) still installs:
  // `npm test` reports the type errors; `npm run build` fails on them.
  rmSync(dist, { recursive: true, force: true });
  console.error('tsc failed: dist/ not built; claimdesk runs its sources through tsx');
  process.exit(process.env.npm_lifecycle_event === 'prepare' ? 0 : 1);
}

let copied = 0;
for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(dist, relative(src, from));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  copied += 1;
}
// Written last: bin/claimdesk.js trusts dist/ only when this is newer than every source file.
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
console.log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s (${copied} data files copied)`);
