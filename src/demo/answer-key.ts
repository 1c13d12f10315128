import { readFileSync } from 'node:fs';
import type { Ctx } from '../context.js';
import { findClaimById, findClaimsByDocumentId } from '../claims/claim.repository.js';
import { createClaim, updateClaim } from '../claims/claim.service.js';
import { claimKinds, verdicts, type ClaimKind, type Stance, type Verdict } from '../claims/claim-vocabulary.js';
import type { Document } from '../documents/document.js';
import { findDocumentById } from '../documents/document.repository.js';
import { findOccurrence } from '../documents/spans.js';
import { addSource } from '../sources/source.service.js';
import { addNote } from '../notes/note.service.js';
import type { Actor } from '../users/permissions.js';

export interface AnswerKeyEntry {
  sentence: number;
  quote: string;
  type: string;
  verdict: Verdict;
  correction: string | null;
  explanation: string;
  sources: { url: string; title?: string; publisher?: string }[];
}

export function readAnswerKey(file = new URL('./iraq_tl.gold.jsonl', import.meta.url)): AnswerKeyEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AnswerKeyEntry);
}

const stanceFor = (verdict: Verdict): Stance =>
  verdict === 'accurate' ? 'supports' : verdict === 'inaccurate' || verdict === 'misleading' || verdict === 'typo' ? 'refutes' : 'context';

/** The reviewer the answer key is credited to: an editor account with no password, so no one can sign in as it. */
async function answerKeyReviewer(ctx: Ctx): Promise<Actor> {
  const email = 'answer-key@claimdesk.invalid';
  const existing = await ctx.db.selectFrom('users').select(['id', 'display_name']).where('email', '=', email).executeTakeFirst();
  const row =
    existing ??
    (await ctx.db
      .insertInto('users')
      .values({ email, display_name: 'Answer key (demo)', role: 'editor', password_hash: null })
      .returning(['id', 'display_name'])
      .executeTakeFirstOrThrow());
  return { id: row.id, name: row.display_name, role: 'editor' };
}

interface Located {
  entry: AnswerKeyEntry;
  start: number;
  end: number;
}

/** Finds each entry's passage in its sentence (the first occurrence there); entries not found are left out. */
function locate(document: Document, entries: readonly AnswerKeyEntry[]): Located[] {
  return entries.flatMap((entry) => {
    const sentenceStart = document.sentenceStarts[entry.sentence - 1] ?? 0;
    const sentenceEnd = document.sentenceStarts[entry.sentence] ?? document.text.length;
    const { start } = findOccurrence(document.text.slice(sentenceStart, sentenceEnd), entry.quote, 1);
    return start === -1 ? [] : [{ entry, start: sentenceStart + start, end: sentenceStart + start + entry.quote.length }];
  });
}

/**
 * The key corrects a typo inside a passage that another entry rewrites whole ("reolusyon" inside
 * "binuhay … ang reolusyon 678"). Two corrections on overlapping text cannot both be applied, so
 * when the wider correction already contains the typo's fix, the typo keeps its verdict and
 * explanation and leaves the fixing to the wider one. Any other overlap is left as it is.
 */
export function foldNestedCorrections(located: readonly Located[]): Located[] {
  return located.map((inner) => {
    const { correction, quote } = inner.entry;
    if (!correction) return inner;
    const outer = located.find(
      (o) =>
        o !== inner &&
        o.entry.correction &&
        o.start <= inner.start &&
        o.end >= inner.end &&
        o.end - o.start > inner.end - inner.start &&
        o.entry.correction.includes(correction),
    );
    if (!outer) return inner;
    const explanation = `${inner.entry.explanation} Fixed by the correction of the surrounding passage “${outer.entry.quote}”, which already reads “${correction}” for “${quote}”.`;
    return { ...inner, entry: { ...inner.entry, correction: null, explanation } };
  });
}

/**
 * Applies the researched answer key to a document holding the seed text: each entry's passage is
 * found in its sentence, marked as a claim if extraction did not propose that exact span, and
 * resolved with the key's verdict, correction, explanation and sources, through the services.
 * @returns how many claims were resolved
 */
export async function applyAnswerKey(ctx: Ctx, documentId: number, entries = readAnswerKey()): Promise<number> {
  const document = await findDocumentById(ctx.db, documentId);
  if (!document) throw new Error(`No document ${documentId}`);
  const actor = await answerKeyReviewer(ctx);
  const existing = await findClaimsByDocumentId(ctx.db, documentId);
  let applied = 0;
  // Folded typos go last: a typo resolved without a correction takes its suggestion unless the
  // wider correction that covers it is already in place.
  const located = foldNestedCorrections(locate(document, entries));
  const folded = (l: Located) => l.entry.verdict === 'typo' && l.entry.correction === null;
  for (const { entry, start, end } of [...located.filter((l) => !folded(l)), ...located.filter(folded)]) {
    if (!verdicts.includes(entry.verdict)) continue;
    const kind: ClaimKind = (claimKinds as readonly string[]).includes(entry.type) ? (entry.type as ClaimKind) : 'other';
    const claim =
      existing.find((c) => c.start === start && c.end === end) ?? (await createClaim(ctx, actor, documentId, { kind, start, end }));
    const fresh = (await findClaimById(ctx.db, claim.id))!;
    if (fresh.status === 'resolved') continue; // two key entries on one span: the first decides
    for (const s of entry.sources) {
      await addSource(ctx, actor, claim.id, {
        url: s.url,
        stance: stanceFor(entry.verdict),
        ...(s.title ? { title: s.title } : {}),
        ...(s.publisher ? { publisher: s.publisher } : {}),
      });
    }
    await addNote(ctx, actor, claim.id, 'Researched for the claimdesk answer key.');
    const current = (await findClaimById(ctx.db, claim.id))!;
    await updateClaim(ctx, actor, claim.id, {
      version: current.version,
      status: 'resolved',
      verdict: entry.verdict,
      correction: entry.correction,
      explanation: entry.explanation,
    });
    applied += 1;
  }
  return applied;
}
