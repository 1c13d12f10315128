import type { Ctx } from '../../../src/context.js';
import type { Claim } from '../../../src/claims/claim.js';
import { findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { importDocument } from '../../../src/documents/document.service.js';
import { addNote } from '../../../src/notes/note.service.js';
import { addSource } from '../../../src/sources/source.service.js';
import { issueInvitation } from '../../../src/users/invitation.service.js';
import { cliActor, type Role } from '../../../src/users/permissions.js';
import { createApiToken } from '../../../src/users/token.service.js';
import { changeUser } from '../../../src/users/user.service.js';
import type { SignedInActor } from '../../../src/request-context.js';
import { buildUser } from '../../helpers/factories.js';

/** A short English article: six claims in two sentences, fast to import many times over. */
export const sceneText =
  'In March 2003, the coalition sent 140,000 troops to Iraq, according to the Pentagon. By 2007 the number had risen to 170,000 soldiers, said General David Petraeus.';

/** Everything a state-changing route can act on, built fresh for one request so no case sees another's leftovers. */
export interface Scene {
  ctx: Ctx;
  documentId: number;
  documentVersion: number;
  /** The first claim in text order (it has a next claim, and spaces to split at). */
  claim: Claim;
  /** The claim after it, as a merge with 'next' must name it. */
  next: Claim;
  sourceId: number;
  sourceVersion: number;
  /** An active reviewer other than the caller, for the admin routes. */
  target(): Promise<SignedInActor>;
  /** A disabled editor, for the enable route. */
  disabledTarget(): Promise<SignedInActor>;
  /** A note by `author`; note edits are for their author only. */
  noteFor(author: SignedInActor | null): Promise<{ id: number; version: number }>;
  tokenOf(actor: SignedInActor | null): Promise<number>;
  linkFor(): Promise<string>;
}

/** The people who wrote the scene's document, source and notes; built once per file and shared. */
export interface Authors {
  editor: SignedInActor;
  reviewer: SignedInActor;
}

export async function buildAuthors(ctx: Ctx): Promise<Authors> {
  return { editor: await buildUser(ctx, 'editor'), reviewer: await buildUser(ctx, 'reviewer') };
}

export async function buildScene(ctx: Ctx, { editor, reviewer }: Authors, title = 'Scene'): Promise<Scene> {
  const { document } = await importDocument(ctx, editor, { title, text: sceneText, language: 'en', allowDuplicate: true });
  const claim = (await findClaimsByDocumentId(ctx.db, document.id))[0]!;
  const source = await addSource(ctx, reviewer, claim.id, {
    url: 'https://example.org/pentagon-2003',
    stance: 'supports',
    title: 'Pentagon briefing',
  });
  return {
    ctx,
    documentId: document.id,
    documentVersion: document.version,
    claim: (await findClaimsByDocumentId(ctx.db, document.id))[0]!,
    next: (await findClaimsByDocumentId(ctx.db, document.id))[1]!,
    sourceId: source.id,
    sourceVersion: source.version,
    target: () => buildUser(ctx, 'reviewer'),
    async disabledTarget() {
      const user = await buildUser(ctx, 'editor');
      await changeUser(ctx, cliActor, user.id, { disabled: true });
      return user;
    },
    async noteFor(author) {
      const writer = author && author.role !== 'viewer' ? author : reviewer;
      const note = await addNote(ctx, writer, claim.id, 'The Pentagon figure is from the 20 March briefing.');
      return { id: note.id, version: note.version };
    },
    async tokenOf(actor) {
      const owner = actor ?? reviewer;
      return (await createApiToken(ctx, owner, owner.id, 'to revoke')).record.id;
    },
    async linkFor() {
      const invitee = await buildUser(ctx, 'viewer');
      return (await issueInvitation(ctx, cliActor, invitee.id)).token;
    },
  };
}

export const roleNames: readonly Role[] = ['admin', 'editor', 'reviewer', 'viewer'];
