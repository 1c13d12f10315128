import type { ErrorRequestHandler, Request, Response } from 'express';
import { availabilityOf, isDatabaseUnavailable } from './db-availability.js';
import { HttpError, serviceUnavailable, ValidationError } from './errors.js';
import { errorSummary } from './error-summary.js';
import { refusal, refusedFormOf } from './forms.js';
import { isApiRequest } from './params.js';

const RETRY_AFTER_SECONDS = '5';
/** What a user is told for each kind of value the database refuses. */
const invalidValueMessages: Record<string, string> = {
  '23514': 'A value is outside what is allowed for that field.',
  '23502': 'A required value is missing.',
  '22P02': 'A value has the wrong format.',
  '22007': 'A date or time has the wrong format.',
  '22008': 'A date or time is out of range.',
  '22001': 'A value is longer than that field allows.',
  '22003': 'A number is out of range.',
  '22021': 'The text holds characters that cannot be stored.',
  '22P05': 'The text holds characters that cannot be stored.',
  '54000': 'A value is too large to store.',
};
const invalidValueCodes = new Set(Object.keys(invalidValueMessages));
/** Named constraints with a message of their own. */
const constraintMessages: Record<string, string> = {
  claims_span_in_document: 'That passage does not match the document’s text at those positions.',
};

/** Translates anything thrown into the one HttpError family (database and body-parser errors included). */
export function toHttpError(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err;
  const e = err as {
    code?: string;
    type?: string;
    status?: number;
    expose?: boolean;
    constraint?: string;
    message?: string;
    name?: string;
  } | null;
  if (!e || typeof e !== 'object') return null;
  if (e.type === 'entity.parse.failed') return new HttpError(400, 'malformed_json', 'The request body is not valid JSON.');
  if (e.type === 'entity.too.large') return new HttpError(413, 'payload_too_large', 'The request body is larger than the limit.');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return new HttpError(415, 'unsupported_encoding', 'Send the body as UTF-8.');
  if (e.type === 'parameters.too.many') return new HttpError(413, 'payload_too_large', 'The form has too many fields.');
  if (e.name === 'MulterError') {
    return e.code === 'LIMIT_FILE_SIZE'
      ? new HttpError(413, 'payload_too_large', 'The uploaded file is larger than the limit.')
      : new HttpError(400, 'bad_upload', `The upload was refused: ${e.message}.`);
  }
  // Multipart parsing problems (busboy) and a malformed %-escape in the path (the router's
  // decodeParam) arrive as plain errors; both are the client's doing.
  if (e.message === 'Unexpected end of form' || e.message === 'Malformed part header' || /^Multipart: /.test(e.message ?? '')) {
    return new HttpError(400, 'bad_upload', 'The upload was cut short or is not valid multipart data.');
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && (e.type || e.expose || e.name === 'URIError')) {
    return new HttpError(e.status, 'bad_request', e.message?.slice(0, 300) ?? 'Bad request.');
  }
  const code = e.code ?? '';
  if (code === '23505') return new HttpError(409, 'conflict', 'That would duplicate an existing record.');
  if (code === '23503') return new HttpError(409, 'conflict', 'That refers to a record that does not exist or is still in use.');
  if (code === '40001' || code === '40P01')
    return new HttpError(409, 'conflict', 'Someone else changed the same records at the same moment. Try again.');
  // The database's own wording names tables, constraints and row ids: it goes to the log, never to the user.
  if (invalidValueCodes.has(code))
    return new HttpError(
      400,
      'invalid_input',
      (e.constraint && constraintMessages[e.constraint]) ?? invalidValueMessages[code] ?? 'A value was refused as not allowed.',
    );
  if (code === '57014') return new HttpError(503, 'timeout', 'The database took too long to answer. Try again.');
  if (isDatabaseUnavailable(err)) return serviceUnavailable();
  return null;
}

/**
 * The one error handler, registered last: HTML for pages, JSON for /api, a plain 500 with a
 * request id for the unknown. A database outage is a 503 with Retry-After and a page of its own
 * that needs nothing from the database (the layout would want the signed-in user).
 */
export function errorHandler(): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const known = toHttpError(err);
    const error = known ?? new HttpError(500, 'internal', 'Something went wrong on our side.');
    const requestId = String(req.id ?? '');
    if (error.code === 'database_unavailable') availabilityOf(req).markDown(req.log, err);
    else if (!known || error.status >= 500) req.log?.error({ err }, 'request failed');
    else if (error !== err && (err as { code?: unknown }).code) req.log?.warn({ err }, 'database refused the request');
    if (error.status === 503) res.set('Retry-After', RETRY_AFTER_SECONDS).set('Cache-Control', 'no-store');
    res.status(error.status);
    if (isApiRequest(req) || !req.accepts('html')) {
      res.json({ error: { code: error.code, message: error.message, requestId, ...publicDetails(error) } });
      return;
    }
    const form = refusedFormOf(req, res, error);
    if (form) return void showFormAgain(req, res, form, error);
    const view = error.status === 503 ? 'errors/unavailable' : 'errors/error';
    res.render(view, { title: titleFor(error.status), error, requestId, retryAfter: RETRY_AFTER_SECONDS }, (renderErr, html) => {
      if (renderErr) {
        req.log?.error({ err: renderErr }, 'error page failed to render');
        res.type('text/plain').send(`${error.status} ${error.message}`);
      } else res.send(html);
    });
  };
}

/**
 * A refused form is the page again, with what was typed, each message by its field and the
 * error summary at the top of the main content (head.ejs renders `errorSummary`). If the page
 * itself cannot be rendered, the plain error page says what was refused.
 */
async function showFormAgain(
  req: Request,
  res: Response,
  form: NonNullable<ReturnType<typeof refusedFormOf>>,
  error: HttpError,
): Promise<void> {
  const refused = refusal(req, form, error);
  res.locals.errorSummary = errorSummary(refused.errors, form.labels, form.fieldIds);
  try {
    await form.render(req, res, refused);
  } catch (renderErr) {
    // A form may decline (rethrow the error) when it has no way to show it, as a 409 without a current version.
    if (renderErr !== error) req.log?.error({ err: renderErr }, 'refused form failed to render');
    delete res.locals.errorSummary;
    if (!res.headersSent)
      res.status(error.status).render('errors/error', { title: titleFor(error.status), error, requestId: String(req.id ?? '') });
  }
}

function publicDetails(error: HttpError): Record<string, unknown> {
  if (error instanceof ValidationError) return { fields: error.fields };
  return error.status < 500 && error.details ? error.details : {};
}

function titleFor(status: number): string {
  return (
    {
      400: 'Check your input',
      401: 'Sign in',
      403: 'Not allowed',
      404: 'Not found',
      409: 'Edit conflict',
      413: 'Too large',
      415: 'Wrong format',
      429: 'Slow down',
      503: 'Database unavailable',
    }[status] ?? 'Error'
  );
}

export function notFoundHandler() {
  return (req: Request, _res: Response, next: (err: unknown) => void) =>
    next(new HttpError(404, 'not_found', `Nothing at ${req.path.slice(0, 200)}.`));
}
