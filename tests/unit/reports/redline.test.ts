import { describe, expect, it } from 'vitest';
import { changeHtml, writeRedline } from '../../../src/reports/formats/redline.js';
import type { AcceptedCorrection, TextReport } from '../../../src/reports/report.js';
import { accepted, textHeader } from './builders.js';

/** An accepted correction rated 'inaccurate', the verdict `wrap` names. */
const fix = (claimId: number, start: number, quote: string, correction: string) =>
  accepted(claimId, start, quote, correction, 'inaccurate');

/** The wrapper every change gets, for claim #1 with the verdict 'inaccurate'. */
const wrap = (inner: string) => `<span class="redline-change" id="claim-1" data-claim="1" title="Claim 1: Inaccurate">${inner}</span>`;

describe('word diff or whole rewrite', () => {
  // The rule: a word diff only when the unchanged words (white space not counted) make up at
  // least 40% of the longer of the two versions (edge white space not counted).
  it('keeps the word diff when the shared words are exactly 40% of the longer version', () => {
    // 'noon' is 4 of 10 characters.
    expect(changeHtml(fix(1, 0, 'noon Marso', 'noon Hunyo'))).toBe(wrap('noon <del>Marso</del><ins>Hunyo</ins>'));
  });

  it('rewrites whole when the shared words fall short of 40%, the space after them not counting', () => {
    // 'noon' is 4 of 12 characters; 'noon ' with its space would be 5, above 4.8.
    expect(changeHtml(fix(1, 0, 'noon Agosto', 'noon Oktubre'))).toBe(wrap('<del>noon Agosto</del><ins>noon Oktubre</ins>'));
  });

  it('measures against the longer version, not the shorter', () => {
    // 4 is at least 40% of 'noon Mayo' (9) but not of 'noon Setyembre' (14).
    expect(changeHtml(fix(1, 0, 'noon Mayo', 'noon Setyembre'))).toBe(wrap('<del>noon Mayo</del><ins>noon Setyembre</ins>'));
  });

  it('does not count white space at the edges of the quote or the correction', () => {
    expect(changeHtml(fix(1, 0, '  noon Marso', 'noon Hunyo'))).toBe(wrap('<del>  </del>noon <del>Marso</del><ins>Hunyo</ins>'));
    expect(changeHtml(fix(1, 0, 'noon Marso', 'noon Hunyo  '))).toBe(wrap('noon <del>Marso</del><ins>Hunyo  </ins>'));
  });
});

const report = (text: string, corrections: AcceptedCorrection[]): TextReport => ({ header: textHeader, text, corrections });

const chunksOf = async (r: TextReport): Promise<string[]> => {
  const chunks: string[] = [];
  for await (const chunk of writeRedline(r)) chunks.push(chunk);
  return chunks;
};

const textOpening = '<div class="redline-text" lang="tl">';
const bottom = '</div>\n</main>\n</body>\n</html>\n';
const CHUNK = 65_536;

describe('the redline page, streamed', () => {
  it('puts the text right after the opening tag, escaped, and the page end right after the text', async () => {
    const text = 'Iraw & <Sates> "dito" \'ito\'\n  wakas.';
    const chunks = await chunksOf(report(text, [fix(1, 0, 'Iraw', 'Iraq')]));
    expect(chunks.length).toBe(2);
    expect(chunks[0]!.endsWith(textOpening)).toBe(true);
    expect(chunks[0]!.startsWith('<!doctype html>')).toBe(true);
    expect(chunks[1]).toBe(`${wrap('<del>Iraw</del><ins>Iraq</ins>')} &amp; &lt;Sates&gt; &#34;dito&#34; &#39;ito&#39;\n  wakas.${bottom}`);
  });

  it('flushes the text the moment it reaches 64 KiB exactly', async () => {
    const text = `${'a'.repeat(CHUNK)}Iraw.`;
    const chunks = await chunksOf(report(text, [fix(1, CHUNK, 'Iraw', 'Iraq')]));
    expect(chunks.length).toBe(3);
    expect(chunks[0]!.endsWith(textOpening)).toBe(true);
    expect(chunks[1]).toBe('a'.repeat(CHUNK));
    expect(chunks[2]).toBe(`${wrap('<del>Iraw</del><ins>Iraq</ins>')}.${bottom}`);
  });

  it('sends a text without corrections as it is, over several chunks', async () => {
    const text = 'a <b> '.repeat(20_000);
    const chunks = await chunksOf(report(text, []));
    // One run of text is one piece: escaped to 240,000 characters, it is flushed alone.
    expect(chunks.map((c) => c.length).slice(1)).toEqual([240_000, bottom.length]);
    expect(chunks.slice(1).join('')).toBe(`${'a &lt;b&gt; '.repeat(20_000)}${bottom}`);
  });
});
