// User text dropped into Markdown must read as text, never as markup. CommonMark lets any ASCII
// punctuation be escaped with a backslash, so the characters that open markup anywhere in a line
// are always escaped, and those that only matter at the start of a line are escaped there.

/** Characters that start emphasis, links, images, HTML, entities, code, tables or strikethrough. */
const INLINE = /[\\`*_[\]<>|~&!]/g;
/** Line openers: headings, quotes, list items (`-`, `+`, `1.`, `1)`), setext underlines, fences. */
const LINE_START = /^(\s*)(?:([#>+=-])|(\d+)([.)]))/;

/**
 * One paragraph of user text as literal Markdown: metacharacters escaped, line breaks folded into
 * spaces (a newline could otherwise start a list or end a table row), and trimmed (four leading
 * spaces would start a code block).
 */
export function mdText(text: string): string {
  return mdInline(text.trim());
}

/** Like mdText but keeps the edge spaces, for a piece of text that is glued to markup. */
export function mdInline(text: string): string {
  // "1." becomes "1\." : for an ordered-list opener the backslash goes before the punctuation.
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(INLINE, '\\$&')
    .replace(LINE_START, (_m, space: string, mark?: string, digits?: string, punct?: string) =>
      mark ? `${space}\\${mark}` : `${space}${digits}\\${punct}`,
    );
}

/** Several paragraphs of user text (blank lines kept as paragraph breaks), each escaped. */
export function mdParagraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(mdText)
    .join('\n\n');
}

/** A link to an http(s) URL; the angle-bracket destination keeps parentheses in URLs intact. */
export function mdLink(label: string, url: string): string {
  if (!/^https?:\/\/[^\s<>]+$/i.test(url)) return mdText(label);
  return `[${mdText(label)}](<${url}>)`;
}

/** A table cell: escaped text with `|` escaped too (done by mdText), never empty. */
export function mdCell(text: string | number | null | undefined): string {
  const value = text === null || text === undefined ? '' : String(text);
  return value === '' ? '—' : mdText(value);
}
