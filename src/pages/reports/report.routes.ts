import { Router, type Request, type Response } from 'express';
import { flash } from '../../http/flash.js';
import { formRoute, type PageForm } from '../../http/forms.js';
import { idParam } from '../../http/params.js';
import { formInput } from '../../http/validation.js';
import { openNoteEditor, saveCorrectionNote, type CorrectionNoteState } from '../../reports/correction-note.service.js';
import { exportDocumentReport } from '../../reports/export.js';
import { renderStreamed } from '../../reports/html/templates.js';
import { validateNoteEditForm, type NoteEditInput } from '../../reports/note-input.js';
import { parseDocumentQuery } from '../../reports/report-query.js';
import { openDocumentReport } from '../../reports/report.service.js';
import { listRevisions } from '../../reports/publish.service.js';
import { sendExport, sendStream } from '../../reports/send-export.js';

const downloadFormats = [
  { format: 'html', label: 'Printable page (HTML)', openClaims: true },
  { format: 'md', label: 'Markdown', openClaims: true },
  { format: 'csv', label: 'Spreadsheet (CSV)', openClaims: true },
  { format: 'json', label: 'JSON', openClaims: true },
  { format: 'claimreview', label: 'ClaimReview (JSON-LD)', openClaims: false },
  { format: 'newsarticle', label: 'NewsArticle with corrections (JSON-LD)', openClaims: false },
  { format: 'corrected', label: 'Corrected text', openClaims: false },
  { format: 'redline', label: 'Redline (HTML)', openClaims: false },
] as const;

/** Locals every page template expects (what res.render would merge in). */
const pageLocals = (req: Request, res: Response) => ({ ...req.app.locals, ...res.locals });

/**
 * The correction note editor: a refused edit shows the form again with the editor's own text,
 * never losing it; a stale one (409) with the current version, so saving again overwrites knowingly.
 */
const noteForm: PageForm<NoteEditInput> = {
  validate: validateNoteEditForm,
  labels: { note: 'The correction note', version: 'The version' },
  render: async (req, res, { status, values, errors }) => {
    const state = await openNoteEditor(req.ctx, req.actor!, idParam(req, 'id', 'Document'));
    res.status(status);
    renderNoteForm(
      res,
      state,
      { note: String(values.note ?? ''), version: status === 409 ? state.version : Number(values.version) || state.version },
      errors,
      status === 409,
    );
  },
};

/** The report pages: the report itself (streamed), its downloads, and the correction note editor. */
export function reportRoutes(): Router {
  const router = Router();

  // Without `format` this is the report page; with it, the same report as a download.
  router.get('/documents/:id/report', async (req, res) => {
    const id = idParam(req, 'id', 'Document');
    const query = parseDocumentQuery(req.query);
    if (query.format) return sendExport(res, await exportDocumentReport(req.ctx, req.actor!, id, query));
    const report = await openDocumentReport(req.ctx, req.actor!, id, query);
    const open = query.includeOpen ? '&includeOpen=true' : '';
    const downloads = downloadFormats.map((f) => ({
      label: f.label,
      href: `/documents/${id}/report?format=${f.format}${f.openClaims ? open : ''}`,
    }));
    const locals = {
      ...pageLocals(req, res),
      title: `Correction report: ${report.header.document!.title}`,
      header: report.header,
      downloads,
      revisions: await listRevisions(req.ctx, req.actor!, id),
      claimLinks: true,
    };
    res.type('html').set('Cache-Control', 'private, no-store');
    await sendStream(
      res,
      renderStreamed({ top: 'reports/show-top', item: 'reports/_claim', bottom: 'reports/show-bottom' }, locals, report.items),
    );
  });

  router.get('/documents/:id/report/note', async (req, res) => {
    const state = await openNoteEditor(req.ctx, req.actor!, idParam(req, 'id', 'Document'));
    renderNoteForm(res, state, { note: state.stored ?? state.draft ?? '', version: state.version }, {});
  });

  router.post(
    '/documents/:id/report/note',
    formRoute(noteForm, async (req, res, input) => {
      const id = idParam(req, 'id', 'Document');
      const saved = await saveCorrectionNote(req.ctx, req.actor!, id, input, req.ip ?? null);
      flash(
        res,
        'success',
        saved.stored ? 'Correction note saved.' : 'Correction note cleared: the report shows the note generated from the errors.',
      );
      res.redirect(303, `/documents/${id}/report`);
    }),
  );

  return router;
}

function renderNoteForm(
  res: Response,
  state: CorrectionNoteState,
  values: { note: string; version: number },
  errors: Record<string, string>,
  stale = false,
) {
  res.render('reports/note', { title: `Correction note: ${state.title}`, state, values, errors, stale });
}
