import request from 'supertest';
import type { Express } from 'express';
import type { KyselyPlugin } from 'kysely';
import { createApp } from '../../../src/app.js';
import type { Ctx } from '../../../src/context.js';
import { addNote } from '../../../src/notes/note.service.js';
import { addSource } from '../../../src/sources/source.service.js';
import type { Actor } from '../../../src/users/permissions.js';
import type { browser } from '../../helpers/app.js';
import type { TestDb } from '../../helpers/db.js';

type Browser = ReturnType<typeof browser>;

/** Follows a POST's 303 like a browser would, carrying the flash cookie it set (the last one wins). */
export async function follow(app: Express, user: Browser, res: request.Response) {
  const flash = (res.headers['set-cookie'] as unknown as string[] | undefined)
    ?.findLast((c) => c.startsWith('claimdesk_flash='))
    ?.split(';')[0];
  return request(app).get(res.headers.location!).set('Cookie', [user.cookie, flash].filter(Boolean).join('; '));
}

/** The text of the flash messages on a page, by kind. */
export function flashes(html: string): { kind: string; message: string }[] {
  return [...html.matchAll(/<div class="flash flash-(\w+)"[^>]*>([\s\S]*?)<\/div>/g)].map((m) => ({
    kind: m[1]!,
    message: decode(m[2]!.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '')).trim(),
  }));
}

export function decode(s: string): string {
  return s.replaceAll('&#34;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** The app over a second Kysely instance on the same engine that counts every query it runs. */
export function countingApp(db: TestDb): { app: Express; count: () => number; reset: () => void } {
  let n = 0;
  // transformResult runs once per executed statement (transformQuery also sees embedded sub-queries).
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      n += 1;
      return args.result;
    },
  };
  const app = createApp({ db: db.engine.db.withPlugin(counter), config: db.config, secret: db.config.sessionSecret! });
  return { app, count: () => n, reset: () => (n = 0) };
}

/** Adds `n` sources (alternating stances) and `n` notes to a claim through the services. */
export async function addEvidence(ctx: Ctx, actor: Actor, claimId: number, n: number): Promise<void> {
  const stances = ['supports', 'refutes', 'context'] as const;
  for (let i = 0; i < n; i++) {
    await addSource(ctx, actor, claimId, {
      url: `https://example.org/source-${claimId}-${i}`,
      title: `Source ${i}`,
      stance: stances[i % 3]!,
    });
    await addNote(ctx, actor, claimId, `Note number ${i} on claim ${claimId}`);
  }
}

/** HTML-escapes as EJS's `<%= %>` does, to look for user text in a page. */
export function esc(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&#34;').replaceAll("'", '&#39;');
}
