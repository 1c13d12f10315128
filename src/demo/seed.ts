import { readFileSync } from 'node:fs';
import type { Ctx } from '../context.js';
import type { Document } from '../documents/document.js';
import { importDocument, isWorkspaceEmpty } from '../documents/document.service.js';
import { cliActor } from '../users/permissions.js';

export const demoText = () => readFileSync(new URL('./iraq_tl.txt', import.meta.url), 'utf8');
export const demoTitle = 'Digmaan sa Iraq (Tagalog encyclopedia excerpt)';
export const demoSourceUrl = 'https://tl.wikipedia.org/wiki/Digmaan_sa_Iraq';

/**
 * Imports the seed article when the workspace has no documents yet; does nothing otherwise, so a
 * restart never duplicates it. With `reviewed`, the answer key's verdicts, corrections and sources
 * are applied as well.
 * @returns the new document, or null when the workspace already had documents
 */
export async function seedDemo(ctx: Ctx, options: { reviewed: boolean }): Promise<Document | null> {
  if (!(await isWorkspaceEmpty(ctx))) return null;
  const { document } = await importDocument(ctx, cliActor, {
    title: demoTitle,
    text: demoText(),
    language: 'tl',
    sourceUrl: demoSourceUrl,
  });
  if (options.reviewed) {
    const { applyAnswerKey } = await import('./answer-key.js');
    await applyAnswerKey(ctx, document.id);
  }
  return document;
}
