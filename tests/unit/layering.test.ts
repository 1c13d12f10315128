import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of src/ (docs/ARCHITECTURE.md, "Layout"): pages import domains, domains never import
// pages, and http/ (the web plumbing every layer uses) imports no domain. Imports are read from
// the text (static, type-only, re-exports, side-effect and dynamic imports alike) and followed
// transitively, so a page reached through a helper counts as much as one imported directly.

const srcDir = resolve(new URL('../../src/', import.meta.url).pathname);

/** Folders holding a concept's tables, types, repositories, services, JSON and /api/v1 routes. */
const domains = [
  'claims',
  'documents',
  'notes',
  'sources',
  'users',
  'reports',
  'dashboard',
  'matching',
  'history',
  'extraction',
  'backup',
  'demo',
];
/** Everything else under src/: each page's home, the web plumbing, web helpers that know the domains, the database, the CLI. */
const layers = ['pages', 'http', 'web', 'db', 'cli', 'runtime'];

type Graph = Map<string, string[]>;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

// `import … from '…'`, `import type …`, `export … from '…'` (over several lines too), `import '…'`
// and `import('…')`. Statements start a line, so a JSDoc line (` * import …`) is not one.
const importPatterns = [
  /^\s*(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/gm,
  /^\s*import\s*(['"])([^'"]+)\1/gm,
  /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
];

/** The module specifiers a source text imports. */
function importSpecifiers(text: string): string[] {
  return importPatterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[2]!));
}

/** Each file (relative to src/) and the src/ files it imports. Imports of packages are left out. */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of tsFiles(srcDir)) {
    const targets = importSpecifiers(readFileSync(file, 'utf8')).map((spec) =>
      relative(srcDir, resolve(dirname(file), spec.replace(/\.js$/, '.ts'))),
    );
    graph.set(relative(srcDir, file), targets);
  }
  return graph;
}

const topFolder = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : null);
const isDomain = (file: string) => domains.includes(topFolder(file) ?? '');

/** The first import chain from `from` to a file `bad` accepts, or null; files `stop` accepts are not followed further. */
function chainTo(
  graph: Graph,
  from: string,
  bad: (file: string) => boolean,
  stop: (file: string) => boolean = () => false,
): string[] | null {
  const seen = new Set([from]);
  const queue: string[][] = [[from]];
  while (queue.length) {
    const path = queue.shift()!;
    for (const next of graph.get(path.at(-1)!) ?? []) {
      if (seen.has(next)) continue;
      if (bad(next)) return [...path, next];
      seen.add(next);
      if (!stop(next)) queue.push([...path, next]);
    }
  }
  return null;
}

/**
 * The layering rules' offences in `graph`, one import chain each: a domain file that reaches
 * src/pages/, and an http/ file that reaches a domain, a page or a web helper. http/ may use the
 * database layer, whose Database type names every table (db/database.ts), so db/ is not followed.
 */
function layeringViolations(graph: Graph): string[] {
  const offences: string[] = [];
  for (const file of graph.keys()) {
    const folder = topFolder(file);
    const chain = isDomain(file)
      ? chainTo(graph, file, (f) => topFolder(f) === 'pages')
      : folder === 'http'
        ? chainTo(
            graph,
            file,
            (f) => isDomain(f) || ['pages', 'web', 'cli'].includes(topFolder(f) ?? ''),
            (f) => topFolder(f) === 'db',
          )
        : null;
    if (chain) offences.push(chain.join(' → '));
  }
  return offences;
}

describe('layering: pages over domains over http', () => {
  const graph = importGraph();

  it('classifies every folder of src/ as a domain or a layer', () => {
    const folders = [...new Set([...graph.keys()].map(topFolder).filter((f) => f !== null))].sort();
    expect(folders.filter((f) => !domains.includes(f!) && !layers.includes(f!))).toEqual([]);
  });

  it('reads every form of import', () => {
    const text = [
      "import { a,\n  b } from './one.js';",
      "import type { C } from '../two.js';",
      "export { d } from './three.js';",
      "export * from './four.js';",
      "import './five.js';",
      "const { e } = await import('./six.js');",
      ' * import { f } from "./not-a-statement.js";',
      "import express from 'express';",
    ].join('\n');
    expect(importSpecifiers(text).sort()).toEqual(['../two.js', './five.js', './four.js', './one.js', './six.js', './three.js', 'express']);
  });

  it('reads the imports of the real tree (type-only and re-exports included)', () => {
    expect(graph.get('pages/claim/claim.routes.ts')).toContain('claims/claim.service.ts');
    expect(graph.get('claims/claim.service.ts')).toContain('history/event.repository.ts');
    expect(graph.get('app.ts')).toContain('routes.ts');
  });

  it('no domain folder imports src/pages/, directly or through another module; src/http/ imports no domain', () => {
    expect(layeringViolations(graph)).toEqual([]);
  });

  it('the claim review round trip goes page route → service → repository → history and never back into a page', () => {
    expect(graph.get('pages/claim/claim.routes.ts')).toContain('claims/claim.service.ts');
    expect(graph.get('claims/claim.service.ts')).toEqual(
      expect.arrayContaining(['claims/claim.repository.ts', 'history/event.repository.ts']),
    );
    expect(chainTo(graph, 'claims/claim.service.ts', (f) => topFolder(f) === 'pages')).toBeNull();
    expect(chainTo(graph, 'history/event.repository.ts', (f) => topFolder(f) === 'pages')).toBeNull();
  });

  it('finds a domain that reaches a page, and http/ reaching a domain (the check itself works)', () => {
    const bad: Graph = new Map([
      ['claims/claim.service.ts', ['claims/helper.ts']],
      ['claims/helper.ts', ['pages/claim/claim-page.ts']],
      ['pages/claim/claim-page.ts', ['claims/claim.service.ts']],
      ['http/auth.ts', ['can.ts']],
      ['can.ts', ['users/user.policy.ts']],
      ['users/user.policy.ts', []],
    ]);
    expect(layeringViolations(bad)).toEqual([
      'claims/claim.service.ts → claims/helper.ts → pages/claim/claim-page.ts',
      'claims/helper.ts → pages/claim/claim-page.ts',
      'http/auth.ts → can.ts → users/user.policy.ts',
    ]);
  });
});
