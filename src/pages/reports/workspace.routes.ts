import { Router } from 'express';
import { errorVerdicts } from '../../claims/claim-vocabulary.js';
import { listDocuments } from '../../documents/document.service.js';
import { exportWorkspaceReport } from '../../reports/export.js';
import { renderStreamed } from '../../reports/html/templates.js';
import type { ReportFilter } from '../../reports/report.js';
import { parseWorkspaceQuery } from '../../reports/report-query.js';
import { openWorkspaceReport } from '../../reports/report.service.js';
import { sendExport, sendStream } from '../../reports/send-export.js';

/** The query string that asks for the same filter again (for the download links). */
export function filterQuery(filter: ReportFilter): string {
  const params = new URLSearchParams();
  if (filter.documentId) params.set('document', String(filter.documentId));
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.verdicts.length < errorVerdicts.length) params.set('verdict', filter.verdicts.join(','));
  if (filter.includeOpen) params.set('includeOpen', 'true');
  return params.toString();
}

/** The workspace report: every document's claims needing action, filtered; a page and CSV/JSON downloads. */
export function workspaceReportRoutes(): Router {
  const router = Router();

  router.get('/reports', async (req, res) => {
    const query = parseWorkspaceQuery(req.query);
    if (query.format) return sendExport(res, await exportWorkspaceReport(req.ctx, req.actor!, query));
    const [report, documents] = await Promise.all([openWorkspaceReport(req.ctx, req.actor!, query), listDocuments(req.ctx, req.actor!)]);
    const qs = filterQuery(report.header.filter);
    const locals = {
      ...req.app.locals,
      ...res.locals,
      title: 'Correction reports',
      header: report.header,
      documents,
      errorVerdicts,
      downloads: [
        { label: 'Spreadsheet (CSV)', href: `/reports?${qs ? `${qs}&` : ''}format=csv` },
        { label: 'JSON', href: `/reports?${qs ? `${qs}&` : ''}format=json` },
      ],
    };
    res.type('html').set('Cache-Control', 'private, no-store');
    await sendStream(
      res,
      renderStreamed({ top: 'reports/index-top', item: 'reports/_row', bottom: 'reports/index-bottom' }, locals, report.items),
    );
  });

  return router;
}
