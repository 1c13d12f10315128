import { can, type Actor } from '../users/permissions.js';

/** Sources are research: any researcher adds, edits and removes them, on claims in any state. */
export const mayWriteSources = (actor: Actor | null | undefined) => can(actor, 'source.write');
