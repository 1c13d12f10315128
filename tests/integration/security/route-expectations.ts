import type { Role } from '../../../src/users/permissions.js';
import type { SignedInActor } from '../../../src/request-context.js';
import { buildUser } from '../../helpers/factories.js';
import { findClaimById, findClaimsByDocumentId } from '../../../src/claims/claim.repository.js';
import { findMatchesOf } from '../../../src/matching/match.repository.js';
import { updateClaim } from '../../../src/claims/claim.service.js';
import { importDocument } from '../../../src/documents/document.service.js';
import { PASSWORD } from './helpers.js';
import type { Scene } from './scene.js';

/** A valid request for one route: the path with its ids filled in, and a body that would succeed. */
export interface BuiltRequest {
  path: string;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface RouteExpectation {
  /** The roles that may call it, or 'public' for the routes that exist for signed-out visitors. */
  allowed: readonly Role[] | 'public';
  build(scene: Scene, actor: SignedInActor | null): BuiltRequest | Promise<BuiltRequest>;
}

const everyone: readonly Role[] = ['admin', 'editor', 'reviewer', 'viewer'];
const researchers: readonly Role[] = ['admin', 'editor', 'reviewer'];
const editors: readonly Role[] = ['admin', 'editor'];
const admins: readonly Role[] = ['admin'];

let unique = 0;
const next = () => `${Date.now()}-${++unique}`;
// Each text differs: an identical text is refused as a duplicate import.
const article = () => {
  const n = next();
  return {
    title: `Imported ${n}`,
    text: `In 2004 the council spent 3.2 million pesos on roads, the mayor said. Filed as ${n}.`,
    language: 'en',
  };
};
/** Resolves the scene's claim as a corrected typo (as an editor would), so the document has something to publish. */
async function withResolvedError(s: Scene): Promise<number> {
  const editor = await buildUser(s.ctx, 'editor');
  await updateClaim(s.ctx, editor, s.claim.id, { version: s.claim.version, status: 'resolved', verdict: 'typo', correction: 'fixed' });
  return s.documentId;
}
/**
 * A claim that has come back: one article imported twice, and the claim of the first copy
 * that the second copy's claim matches resolved by an editor, so its review can be reused.
 */
const REVIEWED_TEXT =
  'The Lancet estimated in 2006 that 655,000 Iraqis had died because of the war, far more than the Iraq Body Count recorded.';

async function claimWithReviewedMatch(s: Scene): Promise<{ id: number; version: number; from: number }> {
  const editor = await buildUser(s.ctx, 'editor');
  const copy = async () =>
    (await importDocument(s.ctx, editor, { title: `Again ${next()}`, text: REVIEWED_TEXT, language: 'en', allowDuplicate: true })).document
      .id;
  await copy();
  const again = await findClaimsByDocumentId(s.ctx.db, await copy());
  for (const claim of again) {
    // Earlier copies (other rows of the matrix) match too: any of them will do.
    const match = (await findMatchesOf(s.ctx.db, claim.id, 10))[0];
    if (!match) continue;
    const reviewed = (await findClaimById(s.ctx.db, match.claimId))!;
    await updateClaim(s.ctx, editor, reviewed.id, {
      version: reviewed.version,
      status: 'resolved',
      verdict: 'accurate',
      explanation: 'Checked before.',
    });
    return { id: claim.id, version: claim.version, from: reviewed.id };
  }
  throw new Error('the article has no claim that matches its own copy');
}

const claimPath = (s: Scene, suffix = '') => `/claims/${s.claim.id}${suffix}`;
const apiClaimPath = (s: Scene, suffix = '') => `/api/v1/claims/${s.claim.id}${suffix}`;

/**
 * Every state-changing route of the app, keyed "METHOD path" exactly as Express lists it, with
 * who may call it. The matrix test fails when the app has a route this table lacks (or the table
 * names one the app no longer has), so a new route cannot go unchecked.
 */
export const routeExpectations: Record<string, RouteExpectation> = {
  // Signing in and out, first run and invitation links are for signed-out visitors by nature.
  'POST /setup': {
    allowed: 'public',
    build: () => ({ path: '/setup', body: { displayName: 'Late', email: `late-${next()}@example.test`, password: PASSWORD } }),
  },
  'POST /login': {
    allowed: 'public',
    build: async (s) => ({ path: '/login', body: { email: (await buildUser(s.ctx, 'viewer')).email, password: PASSWORD } }),
  },
  'POST /logout': { allowed: 'public', build: () => ({ path: '/logout', body: {} }) },
  'POST /invitations/:token': {
    allowed: 'public',
    build: async (s) => ({
      path: `/invitations/${await s.linkFor()}`,
      body: { password: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' },
    }),
  },

  'POST /documents': { allowed: editors, build: () => ({ path: '/documents', body: article() }) },
  'POST /documents/:id/claims': {
    allowed: researchers,
    build: (s) => ({ path: `/documents/${s.documentId}/claims`, body: { kind: 'other', quote: 'the coalition sent' } }),
  },
  'POST /documents/:id/reextract': { allowed: editors, build: (s) => ({ path: `/documents/${s.documentId}/reextract`, body: {} }) },
  'POST /api/v1/documents': { allowed: editors, build: () => ({ path: '/api/v1/documents', body: article() }) },
  'PATCH /api/v1/documents/:id': {
    allowed: editors,
    build: (s) => ({ path: `/api/v1/documents/${s.documentId}`, body: { version: s.documentVersion, title: 'Retitled' } }),
  },
  'POST /documents/:id/delete': { allowed: editors, build: (s) => ({ path: `/documents/${s.documentId}/delete`, body: {} }) },
  'DELETE /api/v1/documents/:id': { allowed: editors, build: (s) => ({ path: `/api/v1/documents/${s.documentId}` }) },
  'POST /documents/:id/edit': {
    allowed: editors,
    build: (s) => ({
      path: `/documents/${s.documentId}/edit`,
      body: { version: s.documentVersion, title: 'Retitled by form', language: 'tl' },
    }),
  },
  'POST /documents/:id/archive': { allowed: editors, build: (s) => ({ path: `/documents/${s.documentId}/archive`, body: {} }) },
  'POST /documents/:id/restore': { allowed: editors, build: (s) => ({ path: `/documents/${s.documentId}/restore`, body: {} }) },
  'POST /api/v1/documents/:id/archive': {
    allowed: editors,
    build: (s) => ({ path: `/api/v1/documents/${s.documentId}/archive`, body: {} }),
  },
  'POST /api/v1/documents/:id/restore': {
    allowed: editors,
    build: (s) => ({ path: `/api/v1/documents/${s.documentId}/restore`, body: {} }),
  },
  'POST /api/v1/documents/:id/reextract': {
    allowed: editors,
    build: (s) => ({ path: `/api/v1/documents/${s.documentId}/reextract`, body: {} }),
  },
  'POST /api/v1/documents/:id/claims': {
    allowed: researchers,
    build: (s) => ({ path: `/api/v1/documents/${s.documentId}/claims`, body: { kind: 'other', quote: 'the coalition sent' } }),
  },

  'POST /claims/bulk': {
    allowed: researchers,
    build: (s) => ({ path: '/claims/bulk', body: { claimIds: [s.claim.id], action: 'status', status: 'in_review' } }),
  },
  'POST /api/v1/claims/bulk': {
    allowed: researchers,
    build: (s) => ({ path: '/api/v1/claims/bulk', body: { claimIds: [s.claim.id], action: 'status', status: 'in_review' } }),
  },
  'POST /claims/:id': {
    allowed: researchers,
    build: (s) => ({ path: claimPath(s), body: { version: s.claim.version, status: 'in_review' } }),
  },
  'PATCH /api/v1/claims/:id': {
    allowed: researchers,
    build: (s) => ({ path: apiClaimPath(s), body: { version: s.claim.version, status: 'in_review' } }),
  },
  'POST /claims/:id/dismiss': { allowed: editors, build: (s) => ({ path: claimPath(s, '/dismiss'), body: { version: s.claim.version } }) },
  'POST /claims/:id/merge': {
    allowed: editors,
    build: (s) => ({
      path: claimPath(s, '/merge'),
      body: { with: 'next', version: s.claim.version, withId: s.next.id, withVersion: s.next.version },
    }),
  },
  'POST /claims/:id/split': {
    allowed: editors,
    build: (s) => ({ path: claimPath(s, '/split'), body: { at: s.claim.start + 2, version: s.claim.version } }),
  },
  'POST /api/v1/claims/:id/merge': {
    allowed: editors,
    build: (s) => ({
      path: apiClaimPath(s, '/merge'),
      body: { with: 'next', version: s.claim.version, withId: s.next.id, withVersion: s.next.version },
    }),
  },
  'POST /api/v1/claims/:id/split': {
    allowed: editors,
    build: (s) => ({ path: apiClaimPath(s, '/split'), body: { at: s.claim.start + 2, version: s.claim.version } }),
  },

  'POST /claims/:id/sources': {
    allowed: researchers,
    build: (s) => ({ path: claimPath(s, '/sources'), body: { url: 'https://example.org/a', stance: 'refutes' } }),
  },
  'POST /api/v1/claims/:id/sources': {
    allowed: researchers,
    build: (s) => ({ path: apiClaimPath(s, '/sources'), body: { url: 'https://example.org/a', stance: 'refutes' } }),
  },
  'POST /sources/:id': {
    allowed: researchers,
    build: (s) => ({
      path: `/sources/${s.sourceId}`,
      body: { version: s.sourceVersion, url: 'https://example.org/b', stance: 'context', title: 'Renamed' },
    }),
  },
  'PATCH /api/v1/sources/:id': {
    allowed: researchers,
    build: (s) => ({ path: `/api/v1/sources/${s.sourceId}`, body: { version: s.sourceVersion, title: 'Renamed' } }),
  },
  'POST /sources/:id/delete': {
    allowed: researchers,
    build: (s) => ({ path: `/sources/${s.sourceId}/delete`, body: { version: s.sourceVersion } }),
  },
  'DELETE /api/v1/sources/:id': {
    allowed: researchers,
    build: (s) => ({ path: `/api/v1/sources/${s.sourceId}`, headers: { 'If-Match': `"${s.sourceVersion}"` } }),
  },

  'POST /claims/:id/notes': {
    allowed: researchers,
    build: (s) => ({ path: claimPath(s, '/notes'), body: { body: 'Checked against the briefing.' } }),
  },
  'POST /api/v1/claims/:id/notes': {
    allowed: researchers,
    build: (s) => ({ path: apiClaimPath(s, '/notes'), body: { body: 'Checked against the briefing.' } }),
  },
  'POST /notes/:id': {
    allowed: researchers,
    build: async (s, a) => {
      const n = await s.noteFor(a);
      return { path: `/notes/${n.id}`, body: { body: 'Edited.', version: n.version } };
    },
  },
  'PATCH /api/v1/notes/:id': {
    allowed: researchers,
    build: async (s, a) => {
      const n = await s.noteFor(a);
      return { path: `/api/v1/notes/${n.id}`, body: { body: 'Edited.', version: n.version } };
    },
  },

  'POST /documents/:id/report/note': {
    allowed: editors,
    build: (s) => ({ path: `/documents/${s.documentId}/report/note`, body: { note: 'Corrected on review.', version: s.documentVersion } }),
  },
  'PUT /api/v1/documents/:id/correction-note': {
    allowed: editors,
    build: (s) => ({
      path: `/api/v1/documents/${s.documentId}/correction-note`,
      body: { note: 'Corrected on review.', version: s.documentVersion },
    }),
  },
  // Publishing needs a claim resolved as an error: the build resolves the scene's claim as a typo first.
  'POST /claims/:id/reuse': {
    allowed: researchers,
    build: async (s) => {
      const c = await claimWithReviewedMatch(s);
      return { path: `/claims/${c.id}/reuse`, body: { from: c.from, version: c.version } };
    },
  },
  'POST /api/v1/claims/:id/reuse': {
    allowed: researchers,
    build: async (s) => {
      const c = await claimWithReviewedMatch(s);
      return { path: `/api/v1/claims/${c.id}/reuse`, body: { from: c.from, version: c.version } };
    },
  },
  'POST /documents/:id/corrections': {
    allowed: editors,
    build: async (s) => ({ path: `/documents/${await withResolvedError(s)}/corrections`, body: {} }),
  },
  'POST /api/v1/documents/:id/corrections': {
    allowed: editors,
    build: async (s) => ({ path: `/api/v1/documents/${await withResolvedError(s)}/corrections`, body: {} }),
  },
  'POST /documents/:id/publication': {
    allowed: editors,
    build: (s) => ({ path: `/documents/${s.documentId}/publication`, body: { version: s.documentVersion, author: 'A. Writer' } }),
  },
  'PATCH /api/v1/documents/:id/publication': {
    allowed: editors,
    build: (s) => ({ path: `/api/v1/documents/${s.documentId}/publication`, body: { version: s.documentVersion, author: 'A. Writer' } }),
  },
  // The no-JavaScript correction preview shows the form again and saves nothing: anyone who can read the claim.
  'POST /claims/:id/preview': {
    allowed: everyone,
    build: (s) => ({ path: claimPath(s, '/preview'), body: { version: s.claim.version, correction: 'a preview' } }),
  },

  'POST /admin/users': {
    allowed: admins,
    build: () => ({ path: '/admin/users', body: { email: `invitee-${next()}@example.test`, displayName: 'Invitee', role: 'reviewer' } }),
  },
  'POST /admin/users/:id/role': {
    allowed: admins,
    build: async (s) => ({ path: `/admin/users/${(await s.target()).id}/role`, body: { role: 'editor' } }),
  },
  'POST /admin/users/:id/disable': {
    allowed: admins,
    build: async (s) => ({ path: `/admin/users/${(await s.target()).id}/disable`, body: {} }),
  },
  'POST /admin/users/:id/enable': {
    allowed: admins,
    build: async (s) => ({ path: `/admin/users/${(await s.disabledTarget()).id}/enable`, body: {} }),
  },
  'POST /admin/users/:id/link': { allowed: admins, build: async (s) => ({ path: `/admin/users/${(await s.target()).id}/link`, body: {} }) },

  'POST /account/password': {
    allowed: everyone,
    build: () => ({
      path: '/account/password',
      body: { currentPassword: PASSWORD, password: 'another long passphrase', confirmPassword: 'another long passphrase' },
    }),
  },
  'POST /account/tokens': { allowed: everyone, build: () => ({ path: '/account/tokens', body: { name: 'script' } }) },
  'POST /account/time-zone': { allowed: everyone, build: () => ({ path: '/account/time-zone', body: { timeZone: 'Asia/Manila' } }) },
  'POST /account/tokens/:id/revoke': {
    allowed: everyone,
    build: async (s, a) => ({ path: `/account/tokens/${await s.tokenOf(a)}/revoke`, body: {} }),
  },
};
