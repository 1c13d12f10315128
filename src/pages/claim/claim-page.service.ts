import type { Ctx } from '../../context.js';
import { findDocumentById, findDocumentExcerpt, type DocumentExcerpt } from '../../documents/document.repository.js';
import { notFound } from '../../http/errors.js';
import { findEventsByClaimId } from '../../history/event.repository.js';
import type { Note } from '../../notes/note.js';
import { findNoteById, findNotesByClaimIds } from '../../notes/note.repository.js';
import type { Source } from '../../sources/source.js';
import { findSourceById, findSourcesByClaimIds } from '../../sources/source.repository.js';
import { requirePermission, type Actor } from '../../users/permissions.js';
import { mayBeAssigned } from '../../claims/claim.policy.js';
import type { User } from '../../users/user.js';
import { listActiveUsers } from '../../users/user.repository.js';
import type { Claim } from '../../claims/claim.js';
import { findClaimById, findClaimIdsAtSpans } from '../../claims/claim.repository.js';
import { quoteInContext, splitPoints, type QuoteContext, type SplitPoint } from './claim-context.js';
import { describeEvent, type TimelineEntry } from './claim-timeline.js';
import { correctionView, type CorrectionView } from './correction-preview.js';
import { findNeighbourRefs, type NeighbourRef } from '../../claims/restructure.repository.js';
import { seenBefore, type SeenBefore } from '../../matching/match.service.js';

export interface ClaimPage {
  claim: Claim;
  document: { id: number; title: string; language: string };
  context: QuoteContext;
  splitPoints: SplitPoint[];
  /** The claims before and after in text order: links, and the merge forms' versions and quotes. */
  neighbours: { prev: NeighbourRef | null; next: NeighbourRef | null };
  sources: Source[];
  notes: Note[];
  timeline: TimelineEntry[];
  /** Active users who can research, for the assignee picker. */
  assignees: User[];
  /** Claims in other documents that state the same thing (docs/MATCHING.md). */
  seenBefore: SeenBefore[];
  /** The correction preview and how this correction combines with others in its sentence. */
  correctionView: CorrectionView;
  /** Per finding, the id of the other claim it is about (a competing or restated figure), or null. */
  findingLinks: (number | null)[];
}

/**
 * Everything the claim page shows, in a fixed number of queries whatever the numbers of sources,
 * notes and events: the claim, its document, its two neighbours, sources, notes, history, users,
 * matches elsewhere, and the claims its findings point at.
 */
export async function getClaimPage(ctx: Ctx, actor: Actor, id: number): Promise<ClaimPage> {
  requirePermission(actor, 'claim.read');
  const claim = await findClaimById(ctx.db, id);
  if (!claim) throw notFound('Claim');
  const related = claim.findings.flatMap((f) => (f.related ? [f.related] : []));
  const [excerpt, neighbours, sources, notes, events, users, matches, relatedIds] = await Promise.all([
    claimExcerpt(ctx, claim),
    findNeighbourRefs(ctx.db, claim),
    findSourcesByClaimIds(ctx.db, [id]),
    findNotesByClaimIds(ctx.db, [id]),
    findEventsByClaimId(ctx.db, id),
    listActiveUsers(ctx.db),
    seenBefore(ctx.db, id),
    findClaimIdsAtSpans(ctx.db, claim.documentId, related),
  ]);
  if (!excerpt) throw notFound('Claim');
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  // The excerpt's own coordinates: offsets from its first character, sentences from its first.
  const at = { start: claim.start - excerpt.offset, end: claim.end - excerpt.offset };
  const view = await correctionView(ctx.db, excerpt, { ...claim, ...at });
  const context = quoteInContext(excerpt.text, excerpt.sentenceStarts, at.start, at.end);
  return {
    claim,
    document: { id: excerpt.id, title: excerpt.title, language: excerpt.language },
    context: {
      ...context,
      firstSentence: context.firstSentence + excerpt.firstSentence - 1,
      lastSentence: context.lastSentence + excerpt.firstSentence - 1,
    },
    splitPoints: splitPoints(claim.quote, claim.start),
    neighbours,
    sources,
    notes,
    timeline: events.map((e) => describeEvent(e, names)).reverse(),
    assignees: users.filter(mayBeAssigned),
    seenBefore: matches,
    correctionView: view,
    findingLinks: claim.findings.map((f) => (f.related ? (relatedIds.shift() ?? null) : null)),
  };
}

/** Sentences a claim spans at most for its page to read just the sentences around it; a longer claim reads the whole text. */
const EXCERPT_SENTENCES = 40;

/**
 * The claim's sentences and one on either side (what the page quotes and previews), read without
 * the rest of the document: the whole text only when the claim runs past the excerpt.
 */
async function claimExcerpt(ctx: Ctx, claim: Claim): Promise<DocumentExcerpt | undefined> {
  const from = Math.max(1, claim.sentenceIndex - 1);
  const excerpt = await findDocumentExcerpt(ctx.db, claim.documentId, from, claim.sentenceIndex + EXCERPT_SENTENCES);
  if (!excerpt || (claim.start >= excerpt.offset && claim.end <= excerpt.offset + excerpt.text.length)) return excerpt;
  const whole = await findDocumentById(ctx.db, claim.documentId);
  return (
    whole && {
      id: whole.id,
      title: whole.title,
      language: whole.language,
      text: whole.text,
      offset: 0,
      sentenceStarts: whole.sentenceStarts,
      firstSentence: 1,
    }
  );
}

/** The claim a source belongs to (for re-rendering its claim page), or 404. */
export async function claimIdOfSource(ctx: Ctx, actor: Actor, sourceId: number): Promise<number> {
  requirePermission(actor, 'claim.read');
  const source = await findSourceById(ctx.db, sourceId);
  if (!source) throw notFound('Source');
  return source.claimId;
}

/** The claim a note belongs to, or 404. */
export async function claimIdOfNote(ctx: Ctx, actor: Actor, noteId: number): Promise<number> {
  requirePermission(actor, 'claim.read');
  const note = await findNoteById(ctx.db, noteId);
  if (!note) throw notFound('Note');
  return note.claimId;
}

/** Users an editor can assign claims to, by id (for the conflict page's names). */
export async function listAssignees(ctx: Ctx, actor: Actor): Promise<User[]> {
  requirePermission(actor, 'claim.read');
  return (await listActiveUsers(ctx.db)).filter(mayBeAssigned);
}
