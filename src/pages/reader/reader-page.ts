import type { Request } from 'express';
import { cachedRead } from '../../db/read-cache.js';
import { renderView } from '../../http/view-engine.js';
import type { ClaimStatus } from '../../claims/claim-vocabulary.js';
import type { Document } from '../../documents/document.js';
import { describeRun, readerView, type ReaderFilters } from '../../documents/reader.js';
import { getDocumentForReading, requireReader } from '../../documents/reader.service.js';

/** What the reader page shows of a document, its text and side list already rendered (UTF-8). */
export interface ReaderPage {
  document: Document;
  claimCount: number;
  listedCount: number;
  statusCounts: Record<ClaimStatus, number>;
  filtered: boolean;
  parts: { articleHtml: Buffer; listHtml: Buffer };
}

/**
 * The reader's document, read and rendered, or kept from a request that asked the same. A
 * document of 2,000 claims is a 1.6 MB page whose reading and rendering cost ~60 ms of the
 * app's one thread; the text and list are the same for everyone who may read them, so they are
 * kept until the document, one of its claims or a user (the assignees' names) changes, in any
 * process (src/db/read-cache.ts), as bytes ready to send (`sendWithKeptParts`). The permission
 * check runs on every request.
 */
export async function readerPage(req: Request, id: number, filters: ReaderFilters): Promise<ReaderPage> {
  requireReader(req.actor!);
  return cachedRead(
    req.ctx.cache,
    `reader:${id}:${JSON.stringify(filters)}`,
    ['documents', 'claims', 'users'],
    async () => {
      const { document, claims, seen } = await getDocumentForReading(req.ctx, req.actor!, id);
      const view = readerView(document, claims, filters);
      const [articleHtml, listHtml] = await Promise.all([
        renderView(req.app, 'documents/article', { document, lines: view.lines, describeRun }),
        renderView(req.app, 'documents/claim-list', { listed: view.listed, seen }),
      ]);
      const parts = { articleHtml: Buffer.from(articleHtml, 'utf8'), listHtml: Buffer.from(listHtml, 'utf8') };
      return {
        document,
        claimCount: claims.length,
        listedCount: view.listed.length,
        statusCounts: view.statusCounts,
        filtered: view.filtered,
        parts,
      };
    },
    (page) => page.parts.articleHtml.length + page.parts.listHtml.length + 2 * page.document.text.length,
  );
}
