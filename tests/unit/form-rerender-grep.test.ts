import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../../src/', import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The body of every `catch (…) { … }` and `.catch((…) => { … })` in a source text, braces balanced. */
function catchBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const m of text.matchAll(/catch\s*(\([^)]*\))?\s*\{|\.catch\(\s*(?:async\s*)?(?:\([^)]*\)|\w+)\s*=>\s*\{/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < text.length && depth > 0; i++) depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
    blocks.push(text.slice(m.index, i));
  }
  return blocks;
}

// One form mechanism: a page declares its form (src/http/forms.ts) and the central error handler
// shows it again. A route that catches a ValidationError or a 409 to render is a second path.
describe('refused forms have one path', () => {
  const files = tsFiles(srcDir).filter((f) => !relative(srcDir, f).startsWith('http/'));

  it('no catch block outside src/http/ re-renders a refused form', () => {
    const offenders = files.flatMap((file) =>
      catchBlocks(readFileSync(file, 'utf8'))
        .filter((block) => /ValidationError|fieldMap|409/.test(block) && /\.render\(|render[A-Z]\w*\(|sendWithKeptParts\(/.test(block))
        .map((block) => `${relative(srcDir, file)}: ${block.slice(0, 80)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('covers the pages layer: every page module under src/pages/ is scanned', () => {
    const pages = files.map((f) => relative(srcDir, f)).filter((f) => f.startsWith('pages/'));
    const pageFolders = new Set(pages.map((f) => f.split('/')[1]));
    expect([...pageFolders].sort()).toEqual(
      expect.arrayContaining([
        'account',
        'admin',
        'auth',
        'claim',
        'conflict',
        'corrections',
        'dashboard',
        'documents',
        'publication',
        'queue',
        'reader',
        'reports',
      ]),
    );
    expect(pages).toEqual(
      expect.arrayContaining([
        'pages/claim/claim-page.ts',
        'pages/claim/claim.routes.ts',
        'pages/queue/queue.routes.ts',
        'pages/documents/document.routes.ts',
        'pages/auth/auth.routes.ts',
      ]),
    );
  });

  it('no page module catches a ValidationError or a 409 at all: refused forms reach the central handler', () => {
    const offenders = files
      .filter((f) => relative(srcDir, f).startsWith('pages/'))
      .flatMap((file) =>
        catchBlocks(readFileSync(file, 'utf8'))
          .filter((block) => /ValidationError|fieldMap|\b409\b|ConflictError/.test(block))
          .map((block) => `${relative(srcDir, file)}: ${block.slice(0, 80)}`),
      );
    expect(offenders).toEqual([]);
  });

  it('fieldMap lives in src/http/forms.ts only', () => {
    expect(files.filter((file) => /function fieldMap\b/.test(readFileSync(file, 'utf8'))).map((f) => relative(srcDir, f))).toEqual([]);
    expect(readFileSync(join(srcDir, 'http/forms.ts'), 'utf8')).toMatch(/export function fieldMap\b/);
  });

  it('finds a catch that re-renders (the check itself works)', () => {
    const sample = "try { await x(); } catch (err) { if (!(err instanceof ValidationError)) throw err; res.status(400).render('a', {}); }";
    expect(catchBlocks(sample)).toHaveLength(1);
    expect(catchBlocks(sample)[0]).toMatch(/ValidationError/);
    const promise = 'save().catch((err) => { if (err instanceof ValidationError) return renderForm(req, res, err); throw err; });';
    expect(catchBlocks(promise)).toHaveLength(1);
    expect(catchBlocks(promise)[0]).toMatch(/renderForm\(/);
  });
});
