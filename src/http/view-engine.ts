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
