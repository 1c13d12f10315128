import { reextractDocument } from '../documents/reextract.service.js';
import { cliActor } from '../users/permissions.js';
import type { Command } from './commands.js';
import { withWorkspace } from './open-ctx.js';

/** `claimdesk reextract <documentId>`: adds the claims a newer extractor finds; reviewed claims are untouched. */
export const reextractCommand: Command = {
  options: {},
  async run({ config, positionals }) {
    const raw = positionals[0] ?? '';
    if (!/^[1-9][0-9]{0,9}$/.test(raw)) throw Object.assign(new Error('usage: claimdesk reextract <documentId>'), { status: 2 });
    return withWorkspace(config, async (ctx) => {
      const { document, created } = await reextractDocument(ctx, cliActor, Number(raw));
      console.log(
        `Re-extracted document ${document.id} “${document.title}”: ${created.length} new ${created.length === 1 ? 'claim' : 'claims'}; existing claims unchanged.`,
      );
      return 0;
    });
  },
};
