import { getPublication, updatePublication } from '../documents/publication.service.js';
import { publicationJson, validatePublicationJson } from '../documents/publication.js';
import { cliActor } from '../users/permissions.js';
import type { Command } from './commands.js';
import { withWorkspace } from './open-ctx.js';

const usage =
  'usage: claimdesk publication <documentId> [--author NAME] [--publisher NAME] [--published-at YYYY-MM-DD] [--note-lists-typos true|false]';
const usageError = (message: string) => Object.assign(new Error(message), { status: 2 });

/**
 * `claimdesk publication <documentId> [...]`: shows a document's author, publisher and publication
 * date (as JSON), or sets them through the same service as the API. An empty value clears one.
 */
export const publicationCommand: Command = {
  options: {
    author: { type: 'string' },
    publisher: { type: 'string' },
    'published-at': { type: 'string' },
    'note-lists-typos': { type: 'string' },
  },
  async run({ config, values, positionals }) {
    const raw = positionals[0];
    if (!raw || positionals.length > 1 || !/^[1-9][0-9]{0,9}$/.test(raw)) throw usageError(usage);
    const typos = values['note-lists-typos'];
    if (typos !== undefined && typos !== 'true' && typos !== 'false')
      throw usageError(`--note-lists-typos must be true or false\n${usage}`);
    return withWorkspace(config, async (ctx) => {
      const id = Number(raw);
      const current = await getPublication(ctx, cliActor, id);
      const change = {
        ...(typeof values.author === 'string' ? { author: values.author || null } : {}),
        ...(typeof values.publisher === 'string' ? { publisher: values.publisher || null } : {}),
        ...(typeof values['published-at'] === 'string' ? { publishedAt: values['published-at'] || null } : {}),
        ...(typos !== undefined ? { noteListsTypos: typos === 'true' } : {}),
      };
      const result = Object.keys(change).length
        ? await updatePublication(ctx, cliActor, id, validatePublicationJson({ ...change, version: current.version }))
        : current;
      process.stdout.write(`${JSON.stringify(publicationJson(result))}\n`);
      return 0;
    });
  },
};
