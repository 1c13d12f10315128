import type { Application, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';

export const viewsDir = fileURLToPath(new URL('../../views/', import.meta.url));

/**
 * The options every EJS template is compiled with. Includes name their file from views/
 * (`include('/partials/head')`): EJS resolves such a name against `root` by string alone, where a
 * relative name costs a file-system look-up on every include of every request.
 */
export const ejsOptions: { root: string; views: string[] } = { root: viewsDir, views: [viewsDir] };

type Done = (err: Error | null, html?: string) => void;

/** Express's view engine for .ejs: EJS with `ejsOptions`, templates cached when `cache` is on. */
export function ejsEngine(cache: boolean): (path: string, data: object, done: Done) => void {
  return (path, data, done) => {
    ejs.renderFile(path, data, { ...ejsOptions, cache }, done);
  };
}

/**
 * Renders a view to a string with the app's locals (its helpers) and none of a request's (no
 * CSRF token, no signed-in user): what it renders can be kept and shared between requests.
 */
export function renderView(app: Application, view: string, locals: object): Promise<string> {
  return new Promise((resolve, reject) => app.render(view, locals, (err, html) => (err ? reject(err) : resolve(html!))));
}

// Stands in for a kept piece while the view around it renders. A comment with this process's
// random nonce: no escaped text can contain `<`, and no one else knows the nonce.
const nonce = randomBytes(8).toString('hex');
const markerOf = (name: string) => `<!--kept:${name}:${nonce}-->`;

/**
 * Renders `view` (with the response's locals, as `res.render` does) around pieces of HTML kept as
 * UTF-8 bytes, and sends the page without encoding those pieces again: a kept 1.6 MB reader text
 * would otherwise be copied into the page's string, encoded and hashed on every request. Each
 * piece's local holds a marker while the view renders; the page is written as the text between
 * the markers and the kept bytes in their place.
 */
export async function sendWithKeptParts(
  res: Response,
  view: string,
  locals: Record<string, unknown>,
  parts: Record<string, Buffer>,
): Promise<void> {
  const byMarker = new Map(Object.entries(parts).map(([name, bytes]) => [markerOf(name), { name, bytes }]));
  const html = await new Promise<string>((resolve, reject) =>
    res.render(view, { ...locals, ...Object.fromEntries([...byMarker].map(([marker, { name }]) => [name, marker])) }, (err, out) =>
      err ? reject(err) : resolve(out),
    ),
  );
  const chunks: Buffer[] = [];
  let from = 0;
  for (const match of html.matchAll(new RegExp([...byMarker.keys()].join('|'), 'g'))) {
    chunks.push(Buffer.from(html.slice(from, match.index), 'utf8'), byMarker.get(match[0])!.bytes);
    from = match.index + match[0].length;
  }
  chunks.push(Buffer.from(html.slice(from), 'utf8'));
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader(
    'Content-Length',
    chunks.reduce((n, c) => n + c.length, 0),
  );
  for (const chunk of chunks) res.write(chunk);
  res.end();
}
