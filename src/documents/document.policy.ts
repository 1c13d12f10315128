import { can, type Actor } from '../users/permissions.js';

/** Who may do what to documents: the one place services and views ask. */
export const mayReadDocuments = (actor: Actor | null | undefined) => can(actor, 'document.read');
export const mayImportDocument = (actor: Actor | null | undefined) => can(actor, 'document.import');
export const mayEditDocument = (actor: Actor | null | undefined) => can(actor, 'document.edit');
export const mayDeleteDocument = (actor: Actor | null | undefined) => can(actor, 'document.delete');
export const mayArchiveDocument = (actor: Actor | null | undefined) => can(actor, 'document.archive');
export const mayReextract = (actor: Actor | null | undefined) => can(actor, 'document.reextract');
/** The correction note is the desk's published voice: editors write it. */
export const mayEditCorrectionNote = (actor: Actor | null | undefined) => can(actor, 'report.edit_note');
