import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../../src/', import.meta.url).pathname;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The body of every `catch (…) { … }` in a source text, braces balanced. */
function catchBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const m of text.matchAll(/catch\s*(\([^)]*\))?\s*\{/g)) {
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

  it('fieldMap lives in src/http/forms.ts only', () => {
    expect(files.filter((file) => /function fieldMap\b/.test(readFileSync(file, 'utf8'))).map((f) => relative(srcDir, f))).toEqual([]);
    expect(readFileSync(join(srcDir, 'http/forms.ts'), 'utf8')).toMatch(/export function fieldMap\b/);
  });

  it('finds a catch that re-renders (the check itself works)', () => {
    const sample = "try { await x(); } catch (err) { if (!(err instanceof ValidationError)) throw err; res.status(400).render('a', {}); }";
    expect(catchBlocks(sample)).toHaveLength(1);
    expect(catchBlocks(sample)[0]).toMatch(/ValidationError/);
  });
});
