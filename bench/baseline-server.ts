/**
 * The ceiling the real pages are compared with: Express rendering 50 claim rows held in memory,
 * through claimdesk's own layout partials and view helpers, with no database, sessions or
 * security middleware. Run as its own process, like the app, so both pay the same process and
 * loopback costs.
 *
 * Usage: PORT=4100 NODE_ENV=production node bin/run-ts.js bench/baseline-server.ts
 * (GET /baseline; prints "listening <url>" when ready)
 */
import express from 'express';
import { fileURLToPath } from 'node:url';
import { claimKinds, claimStatuses, verdicts } from '../src/claims/claim-vocabulary.js';
import type { QueueClaim } from '../src/claims/claim-queue.js';
import { ejsEngine } from '../src/http/view-engine.js';
import { viewFragments } from '../src/web/view-fragments.js';
import { viewHelpers } from '../src/web/view-helpers.js';
import { textGenerator } from './text.js';

/** Fifty queue rows shaped like the real ones: sentence-bank quotes, every status and verdict. */
export function inMemoryRows(count = 50): QueueClaim[] {
  const g = textGenerator(7);
  return Array.from({ length: count }, (_, i) => {
    const sentence = g.paragraph().split(/(?<=[.!?”"])\s/)[0]!;
    const start = g.int(0, Math.max(0, sentence.length - 40));
    const c = {
      start,
      end: start + 40,
      quote: sentence.slice(start, start + 40),
      sentenceIndex: 1 + i,
      score: g.int(30, 99) / 100,
      reasons: ['a figure with a unit'],
      suggestion: null,
    };
    const status = claimStatuses[i % claimStatuses.length]!;
    const verdict = status === 'resolved' ? verdicts[i % verdicts.length]! : null;
    const updatedAt = new Date(Date.UTC(2025, 0, 1 + i));
    return {
      id: 1000 + i,
      documentId: 1 + (i % 7),
      start: c.start,
      end: c.end,
      quote: c.quote,
      sentenceIndex: c.sentenceIndex,
      kind: claimKinds[i % claimKinds.length]!,
      score: c.score,
      reasons: c.reasons,
      suggestion: c.suggestion,
      origin: 'extracted',
      status,
      verdict,
      proposedVerdict: null,
      correction: verdict === 'inaccurate' ? `Dapat ay ${c.quote}` : null,
      explanation: verdict ? 'Checked against the official figures.' : null,
      assigneeId: i % 3 ? 7 : null,
      assigneeName: i % 3 ? 'Ana Dizon' : null,
      resolvedById: null,
      resolvedByName: null,
      resolvedAt: null,
      createdAt: updatedAt,
      updatedAt,
      version: 1,
      documentTitle: `Ulat ${1 + (i % 7)}: Ang digmaan sa Iraq`,
    } as QueueClaim;
  });
}

const app = express();
app.engine('ejs', ejsEngine(process.env.NODE_ENV === 'production'));
app.set('views', fileURLToPath(new URL('./views/', import.meta.url)));
app.set('view engine', 'ejs');
app.disable('x-powered-by');
if (process.env.NODE_ENV === 'production') app.enable('view cache');
Object.assign(app.locals, viewHelpers, viewFragments, { orgName: 'claimdesk' });
const claims = inMemoryRows();
const actor = { id: 2, name: 'Bench Editor', role: 'editor' };
// `?bytes=N` pads the page to N bytes, so it can stand beside a real page (or a mix's mean) of that size.
app.get('/baseline', (req, res) => {
  const bytes = Number(req.query.bytes ?? 0);
  res.render(
    'baseline',
    {
      title: 'Claims',
      claims,
      actor,
      currentPath: req.path,
      csrfField: () => `<input type="hidden" name="_csrf" value="${'bench-csrf-token-'.padEnd(88, 'x')}">`,
      flashes: [],
    },
    (err, html) => {
      if (err) return void res.status(500).end(String(err));
      const pad = Math.max(0, bytes - Buffer.byteLength(html));
      res
        .type('html')
        .send(pad ? html.replace('</main>', `<p hidden>${'claim '.repeat(Math.ceil(pad / 6)).slice(0, pad - 14)}</p></main>`) : html);
    },
  );
});

const server = app.listen(Number(process.env.PORT ?? 4100), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
