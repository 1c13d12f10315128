import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ejs from 'ejs';
import { verdictLabels } from '../../claims/claim-vocabulary.js';
import { ejsOptions, viewsDir } from '../../http/view-engine.js';
import { viewHelpers } from '../../web/view-helpers.js';
import * as wording from '../formats/wording.js';

export type Template = (locals: Record<string, unknown>) => string;

/**
 * Compiles a view of views/ outside Express, so the CLI writes the same HTML as the app and a
 * streamed page can render its claims one at a time. Compiled per export (a millisecond), so an
 * edited template shows at once in development.
 */
export function compileView(name: string): Template {
  const filename = `${viewsDir}${name}.ejs`;
  return ejs.compile(readFileSync(filename, 'utf8'), { ...ejsOptions, filename }) as Template;
}

/** What every report template may call: the app's view helpers and the report wording. */
export const reportHelpers = { ...viewHelpers, ...wording, verdictLabels };

/**
 * The stylesheet of downloaded HTML files. It is embedded, because a downloaded report is opened
 * from disk or mailed on; the CSP hash lets it apply even if the file is served inline.
 */
export const exportCss = readFileSync(new URL('./export.css', import.meta.url), 'utf8');
const cssHash = createHash('sha256').update(exportCss).digest('base64');
export const exportCsp = `default-src 'none'; style-src 'sha256-${cssHash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/**
 * Renders a page in three parts — top, one item at a time, bottom — so a long report streams.
 * `bottom` sees `count`, the number of items written.
 */
export async function* renderStreamed<T>(
  views: { top: string; item: string; bottom: string },
  locals: Record<string, unknown>,
  items: AsyncIterable<T>,
): AsyncGenerator<string> {
  const [top, item, bottom] = [compileView(views.top), compileView(views.item), compileView(views.bottom)];
  const base = { ...reportHelpers, ...locals };
  yield top(base);
  let count = 0;
  for await (const it of items) {
    count += 1;
    yield item({ ...base, item: it });
  }
  yield bottom({ ...base, count });
}
