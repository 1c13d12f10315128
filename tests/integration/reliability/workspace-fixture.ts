import { sql } from 'kysely';
import type { Ctx } from '../../../src/context.js';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { addNote } from '../../../src/notes/note.service.js';
import { addSource } from '../../../src/sources/source.service.js';
import { buildDocument, signIn } from '../../helpers/factories.js';

/** Text that is hard to carry through JSON: quotes, backslashes, emoji (astral), RTL, combining marks, tabs. */
export const awkwardText =
  'Sinabi niya: "Noong 2003, 140,000 sundalo" — \\ {json} 😀 مرحبا e\u0301\ttab. Ang ulat ng 2004 ay nagsabing 5% lamang.';

/**
 * A small workspace with something in every backed-up table: users (with and without
 * passwords), documents (one with awkward text), reviewed claims, sources with dates, notes,
 * history, the audit log — and a sub-millisecond timestamp that JS Date could not carry.
 */
export async function buildWorkspace(ctx: Ctx): Promise<void> {
  const editor = await signIn(ctx, 'editor', 'Editor “Ed”');
  await signIn(ctx, 'reviewer', 'Reviewer \\ R');
  const { claims } = await buildDocument(ctx);
  await buildDocument(ctx, { title: 'Awkward 😀', text: awkwardText, language: 'tl' });
  const [a, b] = [claims[0]!, claims[1]!];
  await updateClaim(ctx, editor.actor, a.id, {
    version: a.version,
    status: 'resolved',
    verdict: 'inaccurate',
    correction: '150,000 “troops”',
    explanation: 'Line\nbreaks\tand tabs.',
  });
  await updateClaim(ctx, editor.actor, b.id, { version: b.version, assigneeId: editor.actor.id, status: 'in_review' });
  await addSource(ctx, editor.actor, a.id, {
    url: 'https://example.org/report?x=1&y=2',
    stance: 'refutes',
    title: 'Report',
    publishedOn: '2004-02-29',
    excerpt: 'Quote: "150,000".',
  });
  await addNote(ctx, editor.actor, a.id, 'Checked against two sources. ✔');
  await sql`UPDATE claims SET updated_at = '2026-01-02 03:04:05.123456+00' WHERE id = ${b.id}`.execute(ctx.db);
}
