import * as claims from './claims/claim.policy.js';
import type { ClaimStatus } from './claims/claim-vocabulary.js';
import * as documents from './documents/document.policy.js';
import * as notes from './notes/note.policy.js';
import { mayWriteSources } from './sources/source.policy.js';
import type { Actor } from './users/permissions.js';
import * as users from './users/user.policy.js';

/**
 * The one `can` object every view receives (as `res.locals.can`, or passed to a view rendered on
 * its own): built from the concept policies, so a button is shown exactly when the service would
 * accept its form. Role answers are booleans; object answers are functions of the object.
 */
export function viewCan(actor: Actor | null | undefined) {
  return Object.freeze({
    importDocument: documents.mayImportDocument(actor),
    editDocument: documents.mayEditDocument(actor),
    deleteDocument: documents.mayDeleteDocument(actor),
    archiveDocument: documents.mayArchiveDocument(actor),
    reextract: documents.mayReextract(actor),
    editCorrectionNote: documents.mayEditCorrectionNote(actor),
    createClaim: claims.mayCreateClaim(actor),
    research: claims.mayResearch(actor),
    decide: claims.mayDecide(actor),
    assign: claims.mayAssign(actor),
    restructure: claims.mayRestructure(actor),
    writeSources: mayWriteSources(actor),
    writeNotes: notes.mayWriteNotes(actor),
    manageUsers: users.mayManageUsers(actor),
    readAudit: users.mayReadAudit(actor),
    editReview: (claim: { status: ClaimStatus }) => claims.mayEditReview(actor, claim),
    setStatus: (claim: { status: ClaimStatus }, status: ClaimStatus) => claims.maySetStatus(actor, claim, status),
    editNote: (note: { authorId: number | null }) => notes.mayEditNote(actor, note),
  });
}

export type ViewCan = ReturnType<typeof viewCan>;
