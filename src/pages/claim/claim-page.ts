import type { NextFunction, Request, Response } from 'express';
import { declareForm, type PageForm } from '../../http/forms.js';
import type { ConflictView } from '../conflict/claim-conflict.js';
import { renderConflictPage } from '../conflict/conflict-page.js';
import { getClaimPage } from './claim-page.service.js';

/** The form a re-rendered page shows again: which one, what the user typed, what was wrong. */
export interface FormState {
  name: string;
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

export async function renderClaimPage(req: Request, res: Response, id: number, form: FormState | null = null, status = 200): Promise<void> {
  const page = await getClaimPage(req.ctx, req.actor!, id);
  res.status(status).render('claims/show', { title: `Claim #${page.claim.id} · ${page.document.title}`, ...page, form });
}

/** A form's fields as submitted (minus the CSRF token), to show again or re-send. */
export function formValues(body: unknown): Record<string, unknown> {
  const { _csrf, ...values } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return values;
}

/** Lets `/claims/bulk` and other words reach the routers that own them instead of a 404 here. */
export function numericId(req: Request, _res: Response, next: NextFunction): void {
  next(/^[0-9]+$/.test(String(req.params.id)) ? undefined : 'route');
}

export interface FormSubmission {
  form: string;
  /** The submitted values, shown again if the input is refused. */
  values: Record<string, unknown>;
  /** The claim whose page to show again on a validation error. */
  claimId: number | (() => Promise<number>);
  /** Builds the conflict page from the current record a stale edit was refused with. */
  conflict?: (current: never) => ConflictView | Promise<ConflictView>;
  /** Does the work (and queues the flash messages); returns where to go next. */
  run: () => Promise<string>;
}

/** The review fields as the form labels them, for the error summary's sentences. */
const claimFormLabels = {
  verdict: 'Verdict',
  proposedVerdict: 'Proposed verdict',
  correction: 'Correction',
  explanation: 'Explanation',
  status: 'Status',
  assigneeId: 'Assignee',
  quote: 'Passage',
  url: 'Source URL',
  body: 'Note',
};

/**
 * POST/redirect/GET for the claim page's forms: success redirects (303). The form is declared
 * to the central error handler, which shows refused input again on the claim page, each
 * message next to its field and in the error summary (400), and an edit based on a stale
 * version as the conflict page (409).
 */
export async function submitForm(req: Request, res: Response, s: FormSubmission): Promise<void> {
  const form: PageForm = {
    values: () => s.values,
    labels: claimFormLabels,
    render: async (_req, _res, { status, errors, error }) => {
      const current = status === 409 ? error.details?.current : undefined;
      const id = typeof s.claimId === 'number' ? s.claimId : await s.claimId();
      if (current && s.conflict) return renderConflictPage(req, res, id, await s.conflict(current as never));
      if (status === 409) throw error;
      await renderClaimPage(req, res, id, { name: s.form, values: s.values, errors }, status);
    },
  };
  declareForm(req, res, form);
  res.redirect(303, await s.run());
}
