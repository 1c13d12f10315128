import { openEngine } from '../db/engine.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../demo/seed.js';
import { importDocument } from '../documents/document.service.js';
import { serve } from '../server.js';
import { cliActor } from '../users/permissions.js';
import type { Command } from './commands.js';
import { withWorkspace } from './open-ctx.js';
import { readTextFile } from './read-text-file.js';

export const serveCommand: Command = {
  options: { port: { type: 'string' } },
  async run({ config, values }) {
    await serve(values.port ? { ...config, port: Number(values.port) } : config);
    return new Promise<number>(() => {}); // runs until a signal stops the server
  },
};

export const migrateCommand: Command = {
  options: {},
  async run({ config }) {
    const engine = await openEngine(config);
    try {
      const applied = await migrate(engine);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    } finally {
      await engine.close();
    }
  },
};

export const importCommand: Command = {
  options: { title: { type: 'string' }, language: { type: 'string' }, 'source-url': { type: 'string' } },
  async run({ config, values, positionals }) {
    const text = readTextFile(positionals[0], config.maxTextBytes);
    const title = typeof values.title === 'string' ? values.title : '';
    if (!title.trim()) throw Object.assign(new Error('--title is required'), { status: 2 });
    const input = {
      title,
      text,
      ...(typeof values.language === 'string' ? { language: values.language } : {}),
      ...(typeof values['source-url'] === 'string' ? { sourceUrl: values['source-url'] } : {}),
    };
    const { validateImportJson } = await import('../documents/document.js');
    return withWorkspace(config, async (ctx) => {
      process.stderr.write(`Importing ${positionals[0]} (${text.length.toLocaleString('en')} characters)…\n`);
      const started = Date.now();
      const { document, claims } = await importDocument(ctx, cliActor, validateImportJson(input));
      console.log(
        `Imported document ${document.id} “${document.title}” (${document.language}): ${claims.length} claims in ${Date.now() - started} ms.`,
      );
      return 0;
    });
  },
};

export const demoCommand: Command = {
  options: { reviewed: { type: 'boolean' } },
  async run({ config, values }) {
    return withWorkspace(config, async (ctx) => {
      const document = await seedDemo(ctx, { reviewed: !!values.reviewed });
      console.log(
        document
          ? `Loaded the demo document (id ${document.id})${values.reviewed ? ' with the answer key applied' : ''}.`
          : 'The workspace already has documents; the demo was not loaded.',
      );
      return 0;
    });
  },
};
