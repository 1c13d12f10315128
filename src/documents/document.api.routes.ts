import { Router } from 'express';
import { claimJson } from '../claims/claim.json.js';
import { listDocumentClaims } from '../claims/claim.service.js';
import { validateEmptyJson } from '../http/validation.js';
import { idParam } from '../http/params.js';
import { validateImportJson } from './document.js';
import { documentJson, documentSummaryJson } from './document.json.js';
import { getDocument, importDocument, listDocuments } from './document.service.js';
import { deleteDocument } from './document-delete.service.js';
import { nearDuplicateMessage, type NearDuplicate } from './near-duplicate.js';
import { reextractDocument } from './reextract.service.js';

// Re-extraction takes no options; an empty JSON object keeps the API's "bodies are JSON" rule.

/** The JSON API for documents. Every route calls one service function. */
/** The most claims an import's response lists; beyond it the response links to the paged list. */
export const IMPORT_ECHO_LIMIT = 500;

/** The 201's warning when the text is largely a stored document's (imported all the same). */
function nearDuplicateWarning(d: NearDuplicate) {
  return {
    code: 'near_duplicate',
    message: nearDuplicateMessage(d),
    documentId: d.id,
    documentTitle: d.title,
    documentUrl: `/api/v1/documents/${d.id}`,
    sharedShingles: Math.round(d.share * 1000) / 1000,
  };
}

export function documentApiRoutes(): Router {
  const router = Router();

  router.get('/api/v1/documents', async (req, res) => {
    res.json({ documents: (await listDocuments(req.ctx, req.actor!)).map(documentSummaryJson) });
  });

  router.post('/api/v1/documents', async (req, res) => {
    const { document, claims, nearDuplicate } = await importDocument(req.ctx, req.actor!, validateImportJson(req.body));
    // A large import answers with a count and the paged list's address rather than every claim.
    const listed = claims.length <= IMPORT_ECHO_LIMIT ? { claims: claims.map(claimJson) } : { claimsTruncated: true };
    const warning = nearDuplicate ? { warning: nearDuplicateWarning(nearDuplicate) } : {};
    res
      .status(201)
      .location(`/api/v1/documents/${document.id}`)
      .json({
        document: documentJson(document),
        claimCount: claims.length,
        claimsUrl: `/api/v1/claims?documentId=${document.id}`,
        ...listed,
        ...warning,
      });
  });

  router.get('/api/v1/documents/:id', async (req, res) => {
    res.json({ document: documentJson(await getDocument(req.ctx, req.actor!, idParam(req, 'id', 'Document'))) });
  });

  router.get('/api/v1/documents/:id/claims', async (req, res) => {
    res.json({ claims: (await listDocumentClaims(req.ctx, req.actor!, idParam(req, 'id', 'Document'))).map(claimJson) });
  });

  router.post('/api/v1/documents/:id/reextract', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    validateEmptyJson(req.body ?? {});
    const { created } = await reextractDocument(req.ctx, req.actor!, id);
    res.json({ created: created.length, claims: created.map(claimJson) });
  });

  router.delete('/api/v1/documents/:id', async (req, res) => {
    validateEmptyJson(req.body ?? {});
    await deleteDocument(req.ctx, req.actor!, idParam(req, 'id', 'Document'), req.ip ?? null);
    res.status(204).end();
  });

  return router;
}
