import type { RequestHandler, Router } from 'express';
import type { Db } from './db/database.js';
import { healthRoutes } from './http/health.routes.js';
// Pages (src/pages/<page>/): HTML routes, view models and forms.
import { accountRoutes } from './pages/account/account.routes.js';
import { adminRoutes } from './pages/admin/admin.routes.js';
import { authRoutes } from './pages/auth/auth.routes.js';
import { invitationRoutes } from './pages/auth/invitation.routes.js';
import { claimRoutes } from './pages/claim/claim.routes.js';
import { noteRoutes } from './pages/claim/note.routes.js';
import { reuseRoutes } from './pages/claim/reuse.routes.js';
import { sourceRoutes } from './pages/claim/source.routes.js';
import { correctionsLogRoutes } from './pages/corrections/corrections-log.routes.js';
import { dashboardRoutes, helpRoutes } from './pages/dashboard/dashboard.routes.js';
import { documentArchiveRoutes } from './pages/documents/document-archive.routes.js';
import { documentDeleteRoutes } from './pages/documents/document-delete.routes.js';
import { documentEditRoutes } from './pages/documents/document-edit.routes.js';
import { documentRoutes } from './pages/documents/document.routes.js';
import { publicationRoutes } from './pages/publication/publication.routes.js';
import { queueRoutes } from './pages/queue/queue.routes.js';
import { readerRoutes } from './pages/reader/reader.routes.js';
import { reportRoutes } from './pages/reports/report.routes.js';
import { workspaceReportRoutes } from './pages/reports/workspace.routes.js';
// The JSON API (/api/v1), beside each concept's services.
import { claimApiRoutes } from './claims/claim.api.routes.js';
import { queueApiRoutes } from './claims/queue.api.routes.js';
import { restructureApiRoutes } from './claims/restructure.api.routes.js';
import { documentApiRoutes } from './documents/document.api.routes.js';
import { documentArchiveApiRoutes } from './documents/document-archive.api.routes.js';
import { documentEditApiRoutes } from './documents/document-edit.api.routes.js';
import { publicationApiRoutes } from './documents/publication.api.routes.js';
import { matchRoutes } from './matching/match.routes.js';
import { publishApiRoutes } from './reports/publish.api.routes.js';
import { reportApiRoutes } from './reports/report.api.routes.js';

export interface RouteDeps {
  /** For the sign-in limits' counters, which every process shares through the database. */
  db: Db;
  /** CSRF check for routes that parse their own (multipart) body. */
  csrf: RequestHandler;
}

/**
 * Every router of the app. Each declares full paths, so the route table can be listed from
 * these routers. Public routers answer anyone; the rest sit behind sign-in. The order is the
 * order of matching: `/documents/new` before the reader's `/documents/:id`, the queue's
 * `/claims/bulk` before the claim page's `/claims/:id`.
 */
export function routers(deps: RouteDeps): { publicRouters: Router[]; signedInRouters: Router[] } {
  return {
    publicRouters: [healthRoutes(), authRoutes(deps), invitationRoutes(), helpRoutes(), correctionsLogRoutes()],
    signedInRouters: [
      dashboardRoutes(),
      documentArchiveRoutes(),
      documentRoutes(deps),
      readerRoutes(),
      documentApiRoutes(),
      documentEditApiRoutes(),
      documentDeleteRoutes(),
      documentEditRoutes(),
      documentArchiveApiRoutes(),
      queueRoutes(),
      queueApiRoutes(),
      claimApiRoutes(),
      matchRoutes(),
      reuseRoutes(),
      claimRoutes(),
      restructureApiRoutes(),
      sourceRoutes(),
      noteRoutes(),
      reportRoutes(),
      reportApiRoutes(),
      publishApiRoutes(),
      publicationApiRoutes(),
      publicationRoutes(),
      workspaceReportRoutes(),
      adminRoutes(),
      accountRoutes(deps),
    ],
  };
}
