import type { NextFunction, Request, Response } from 'express';
import { HttpError, ValidationError } from '../http/errors.js';
import { fieldMap } from '../users/auth.routes.js';
import { can, type Actor } from '../users/permissions.js';
import type { ConflictView } from './claim-conflict.js';
import { getClaimPage } from './claim-page.service.js';

/** The form a re-rendered page shows again: which one, what the user typed, what was wrong. */
export interface FormState {
  name: string;
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/** What the page may offer the actor; the services enforce the same rules. */
export function mayFor(actor: Actor) {
  return {
    research: can(actor, 'claim.research'),
    decide: can(actor, 'claim.decide'),
    assign: can(actor, 'claim.assign'),
    restructure: can(actor, 'claim.restructure'),
    writeSources: can(actor, 'source.write'),
    writeNotes: can(actor, 'note.write'),
  };
}

export async function renderClaimPage(req: Request, res: Response, id: number, form: FormState | null = null, status = 200): Promise<void> {
  const page = await getClaimPage(req.ctx, req.actor!, id);
  // "Use suggestion" without JavaScript: ?useFinding=N puts finding N's suggestion in the
  // correction field. The text comes from the stored claim, never from the query string.
  const useFinding = form === null && typeof req.query.useFinding === 'string' && /^\d{1,2}$/.test(req.query.useFinding) ? page.claim.findings[Number(req.query.useFinding)] : undefined;
  if (useFinding?.suggestion) form = { name: 'review', values: { correction: useFinding.suggestion }, errors: {} };
  res.status(status).render('claims/show', { title: `Claim #${page.claim.id} · ${page.document.title}`, ...page, form, may: mayFor(req.actor!) });
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

/**
 * POST/redirect/GET for the claim page's forms: success redirects (303); refused input
 * re-renders the claim page with the input kept and each message next to its field (400);
 * an edit based on a stale version renders the conflict page (409). Anything else goes on to
 * the error handler.
 */
export async function submitForm(req: Request, res: Response, s: FormSubmission): Promise<void> {
  let location: string;
  try {
    location = await s.run();
  } catch (err) {
    if (err instanceof ValidationError) {
      const id = typeof s.claimId === 'number' ? s.claimId : await s.claimId();
      return renderClaimPage(req, res, id, { name: s.form, values: s.values, errors: fieldMap(err) }, 400);
    }
    const current = err instanceof HttpError && err.status === 409 ? err.details?.current : undefined;
    if (!current || !s.conflict) throw err;
    const conflict = await s.conflict(current as never);
    return res.status(409).render('claims/conflict', { title: 'Edit conflict', conflict });
  }
  res.redirect(303, location);
}
