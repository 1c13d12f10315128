import { Router, type Response } from 'express';
import { withVersion } from '../http/api.js';
import { idParam } from '../http/params.js';
import { getCorrectionNote, saveCorrectionNote, type CorrectionNoteState } from './correction-note.service.js';
import { exportDocumentReport, exportWorkspaceReport } from './export.js';
import { validateNoteEditJson } from './note-input.js';
import { parseDocumentQuery, parseWorkspaceQuery } from './report-query.js';
import { sendExport } from './send-export.js';

function sendNote(res: Response, state: CorrectionNoteState) {
  res.set('ETag', `"${state.version}"`).json({
    correctionNote: {
      documentId: state.documentId,
      stored: state.stored,
      draft: state.draft,
      draftLanguage: state.draftLanguage,
      language: state.language,
      version: state.version,
    },
  });
}

/** The report API: exports in every format, the correction note, and the workspace report. */
export function reportApiRoutes(): Router {
  const router = Router();

  router.get('/api/v1/documents/:id/report', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    await sendExport(res, await exportDocumentReport(req.ctx, req.actor!, id, parseDocumentQuery(req.query)));
  });

  router.get('/api/v1/documents/:id/correction-note', async (req, res) => {
    sendNote(res, await getCorrectionNote(req.ctx, req.actor!, idParam(req, 'id', 'Document')));
  });

  // `version` is the document version (body or If-Match); a stale one gets 409 with the current note.
  router.put('/api/v1/documents/:id/correction-note', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    sendNote(res, await saveCorrectionNote(req.ctx, req.actor!, id, validateNoteEditJson(withVersion(req)), req.ip ?? null));
  });

  router.get('/api/v1/reports', async (req, res) => {
    await sendExport(res, await exportWorkspaceReport(req.ctx, req.actor!, parseWorkspaceQuery(req.query)));
  });

  return router;
}
