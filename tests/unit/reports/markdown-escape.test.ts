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
    expect(mdLink('Resolution [687]', 'https://en.wikipedia.org/wiki/Gulf_War_(1991)')).toBe(
      '[Resolution \\[687\\]](<https://en.wikipedia.org/wiki/Gulf_War_(1991)>)',
    );
    expect(mdLink('bad', 'javascript:alert(1)')).toBe('bad');
  });

  it('links plain http as well as https, in any letter case', () => {
    expect(mdLink('site', 'http://example.org/a')).toBe('[site](<http://example.org/a>)');
    expect(mdLink('site', 'HTTPS://Example.org')).toBe('[site](<HTTPS://Example.org>)');
  });

  it('refuses a URL with anything before the scheme or a space or angle bracket in it', () => {
    expect(mdLink('site', 'xhttps://example.org')).toBe('site');
    expect(mdLink('site', 'see https://example.org')).toBe('site');
    expect(mdLink('site', 'https://example.org/a b')).toBe('site');
    expect(mdLink('site', 'https://example.org/>x')).toBe('site');
    expect(mdLink('site', 'https://')).toBe('site');
  });

  it('splits paragraphs at blank lines, including CRLF and blank lines holding spaces', () => {
    expect(mdParagraphs('One\n\nTwo')).toBe('One\n\nTwo');
    expect(mdParagraphs('One\r\n\r\nTwo')).toBe('One\n\nTwo');
    expect(mdParagraphs('One\n \t \nTwo')).toBe('One\n\nTwo');
    expect(mdParagraphs('One\r\n \r\nTwo')).toBe('One\n\nTwo');
    // A single line break is no paragraph break: it folds into a space.
    expect(mdParagraphs('One\nTwo')).toBe('One Two');
  });

  it('drops empty and blank paragraphs at either end', () => {
    expect(mdParagraphs('\n\nOne\n\n')).toBe('One');
    expect(mdParagraphs('   \n\nOne\n\n  \t')).toBe('One');
    expect(mdParagraphs('  \n\n  ')).toBe('');
    expect(mdParagraphs('')).toBe('');
  });

  it('fills an empty table cell with a dash and writes numbers as text', () => {
    expect(mdCell(undefined)).toBe('—');
    expect(mdCell('')).toBe('—');
    expect(mdCell(0)).toBe('0');
    expect(mdCell(12)).toBe('12');
  });

  it('folds a run of blank lines and their spaces into one space', () => {
    expect(mdInline('a \r\n\r\n  b')).toBe('a b');
    expect(mdInline('a\rb')).toBe('a b');
  });
});
