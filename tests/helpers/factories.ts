import { readFileSync } from 'node:fs';
import type { Ctx } from '../../src/context.js';
import { importDocument } from '../../src/documents/document.service.js';
import { createSession } from '../../src/users/session.service.js';
import { createApiToken } from '../../src/users/token.service.js';
import { cliActor, type Role } from '../../src/users/permissions.js';
import { createUser } from '../../src/users/user.service.js';
import type { SignedInActor } from '../../src/request-context.js';
import type { Claim } from '../../src/claims/claim.js';
import type { ClaimKind } from '../../src/claims/claim-vocabulary.js';
import { createClaim, listDocumentClaims } from '../../src/claims/claim.service.js';

export const seedText = () => readFileSync(new URL('../fixtures/iraq_tl.txt', import.meta.url), 'utf8');

let counter = 0;

/** A user of the given role, created through the service (as an admin would). */
export async function buildUser(ctx: Ctx, role: Role = 'editor', name?: string): Promise<SignedInActor> {
  counter += 1;
  const displayName = name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${counter}`;
  const user = await createUser(ctx, cliActor, {
    email: `${role}${counter}-${Date.now()}@example.test`,
    displayName,
    role,
    password: 'correct horse battery',
  });
  return { id: user.id, name: user.displayName, role: user.role, email: user.email };
}

/** A signed-in user with a session cookie and an API token. */
export async function signIn(ctx: Ctx, role: Role = 'editor', name?: string) {
  const actor = await buildUser(ctx, role, name);
  const session = await createSession(ctx, actor.id, { ip: null, userAgent: 'vitest' });
  const { token } = await createApiToken(ctx, actor, actor.id, 'test');
  return { actor, cookie: `claimdesk_session=${session}`, bearer: `Bearer ${token}` };
}

/** A document (the seed article by default) imported through the service, with its extracted claims; the same text may be built twice. */
export async function buildDocument(ctx: Ctx, overrides: { title?: string; text?: string; language?: string; sourceUrl?: string } = {}) {
  const editor = await buildUser(ctx, 'editor');
  return importDocument(ctx, editor, {
    title: overrides.title ?? 'Digmaan sa Iraq',
    text: overrides.text ?? seedText(),
    language: overrides.language ?? 'tl',
    allowDuplicate: true,
    ...(overrides.sourceUrl ? { sourceUrl: overrides.sourceUrl } : {}),
  });
}

/**
 * The claim of that kind on that passage: the one the pre-checks found at import, or one marked by
 * hand when they did not. Tests about what happens to a claim use this, so they do not break each
 * time the extractor learns to find one more typo.
 */
export async function claimFor(
  ctx: Ctx,
  actor: SignedInActor,
  documentId: number,
  input: { kind: ClaimKind; quote: string },
): Promise<Claim> {
  const found = (await listDocumentClaims(ctx, actor, documentId)).find((c) => c.kind === input.kind && c.quote === input.quote);
  return found ?? createClaim(ctx, actor, documentId, input);
}
