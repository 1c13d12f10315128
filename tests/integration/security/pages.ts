import type { RouteEntry } from './route-table.js';

/** The ids a page path can name, from a scene the test built. */
export interface PageIds {
  documentId: number;
  claimId: number;
  userId: number;
  invitationToken: string;
}

// Which id fills `:id` (or `:token`) depends on what the path is about. A new page whose parameter
// is not listed here makes the tests that use this fail, so it gets added rather than skipped.
const fillers: [RegExp, (ids: PageIds) => string][] = [
  [/^\/documents\/:id/, (ids) => String(ids.documentId)],
  [/^\/claims\/:id/, (ids) => String(ids.claimId)],
  [/^\/admin\/users\/:id/, (ids) => String(ids.userId)],
  [/^\/invitations\/:token/, (ids) => ids.invitationToken],
];

/** Every HTML page the app serves (GET, outside /api and /healthz), with its parameters filled in. */
export function pagePaths(routes: RouteEntry[], ids: PageIds): string[] {
  return routes
    .filter((r) => r.method === 'GET' && !r.api && r.path !== '/healthz')
    .map((r) => {
      if (!r.path.includes(':')) return r.path;
      const filler = fillers.find(([pattern]) => pattern.test(r.path));
      if (!filler) throw new Error(`pages.ts does not know how to fill the parameters of ${r.path}`);
      return r.path.replace(/:[A-Za-z]+/, filler[1](ids));
    });
}

const runsData = new Set(['a', 'area', 'iframe', 'frame', 'object', 'embed', 'script', 'form', 'button', 'input']);

/** Each start tag of the markup with its attribute names and values, quoted values read whole. */
function* startTags(html: string): Generator<{ name: string; attributes: [string, string][]; source: string }> {
  for (const tag of html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const attributes: [string, string][] = [];
    for (const a of tag[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attributes.push([a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']);
    }
    yield { name: tag[1]!.toLowerCase(), attributes, source: tag[0].slice(0, 100) };
  }
}

/**
 * What a strict CSP would block, found in the markup: inline scripts, inline event handlers,
 * style attributes and elements, and javascript: URLs. Empty means the page runs as written.
 * Escaped text (`&lt;svg onload=…&gt;`, also inside attribute values) is rightly not a finding.
 */
export function inlineCode(html: string): string[] {
  const found: string[] = [];
  for (const tag of startTags(html)) {
    const names = tag.attributes.map(([n]) => n);
    if (tag.name === 'script' && !names.includes('src')) found.push(`inline <script>: ${tag.source}`);
    if (tag.name === 'style') found.push('<style> element');
    for (const [name, value] of tag.attributes) {
      if (name.startsWith('on')) found.push(`event handler attribute ${name} on <${tag.name}>`);
      if (name === 'style') found.push(`style attribute: ${tag.source}`);
      if (!['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name)) continue;
      // data: only runs where a document or script is loaded (an icon or image is just data)
      if (/^\s*(javascript|vbscript):/i.test(value) || (/^\s*data:/i.test(value) && runsData.has(tag.name)))
        found.push(`${name}=${value.slice(0, 40)} on <${tag.name}>`);
    }
  }
  return found;
}
