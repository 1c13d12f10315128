import { describe, expect, it } from 'vitest';
import { mdCell, mdInline, mdLink, mdParagraphs, mdText } from '../../../src/reports/formats/markdown-escape.js';

describe('Markdown escaping of user text', () => {
  it.each([
    ['emphasis and code', 'ang_mga *tatlo* `x`', 'ang\\_mga \\*tatlo\\* \\`x\\`'],
    ['links and images', '[click](http://x) ![img](y)', '\\[click\\](http://x) \\!\\[img\\](y)'],
    ['raw HTML and autolinks', '<script>alert(1)</script> <http://x>', '\\<script\\>alert(1)\\</script\\> \\<http://x\\>'],
    ['table pipes', 'a | b', 'a \\| b'],
    ['entities', 'AT&T &copy;', 'AT\\&T \\&copy;'],
    ['strikethrough', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['a heading opener', '# 1 claim', '\\# 1 claim'],
    ['a list opener', '- item', '\\- item'],
    ['an ordered-list opener', '1990. Saddam', '1990\\. Saddam'],
    ['a block quote opener', '> quoted', '\\> quoted'],
    ['a setext underline', '===', '\\==='],
    ['a backslash', 'C:\\path', 'C:\\\\path'],
  ])('escapes %s', (_name, input, expected) => {
    expect(mdText(input)).toBe(expected);
  });

  it('folds line breaks into spaces and trims, so user text cannot start a block or end a table row', () => {
    expect(mdText('  first line\n- second\r\n\n    code?  ')).toBe('first line - second code?');
    expect(mdCell('a\n| b |')).toBe('a \\| b \\|');
    expect(mdCell(null)).toBe('—');
  });

  it('keeps the edge spaces of a piece glued to markup', () => {
    expect(mdInline(' ng ang_mga ')).toBe(' ng ang\\_mga ');
  });

  it('keeps paragraph breaks between escaped paragraphs', () => {
    expect(mdParagraphs('One *a*.\n\n\nTwo _b_.\n')).toBe('One \\*a\\*.\n\nTwo \\_b\\_.');
  });

  it('links only http(s) URLs, with a destination that survives parentheses', () => {
    expect(mdLink('Resolution [687]', 'https://en.wikipedia.org/wiki/Gulf_War_(1991)')).toBe('[Resolution \\[687\\]](<https://en.wikipedia.org/wiki/Gulf_War_(1991)>)');
    expect(mdLink('bad', 'javascript:alert(1)')).toBe('bad');
  });
});
