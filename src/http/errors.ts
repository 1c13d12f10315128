/**
 * The one error family of claimdesk. Services throw these; the single handler in
 * http/error-handler.ts turns them (and database errors) into responses.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** One field-level problem, as shown next to a form field or listed in an API error. */
export interface FieldError {
  field: string;
  message: string;
}

export class ValidationError extends HttpError {
  constructor(
    readonly fields: FieldError[],
    message = summarise(fields),
  ) {
    super(400, 'invalid_input', message, { fields });
    this.name = 'ValidationError';
  }
}

function summarise(fields: FieldError[]): string {
  return fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; ');
}

export const badRequest = (message: string, details?: Record<string, unknown>) => new HttpError(400, 'bad_request', message, details);
export const invalid = (field: string, message: string) => new ValidationError([{ field, message }]);
export const unauthorized = (message = 'Sign in to continue.') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = 'You do not have permission to do that.') => new HttpError(403, 'forbidden', message);
export const notFound = (what = 'Page') => new HttpError(404, 'not_found', `${what} not found.`);
export const conflict = (message: string, details?: Record<string, unknown>) => new HttpError(409, 'conflict', message, details);
export const payloadTooLarge = (message: string) => new HttpError(413, 'payload_too_large', message);
export const unsupportedMediaType = (message: string) => new HttpError(415, 'unsupported_media_type', message);
export const unprocessable = (message: string, details?: Record<string, unknown>) => new HttpError(422, 'unprocessable', message, details);
export const tooManyRequests = (message: string) => new HttpError(429, 'too_many_requests', message);
export const serviceUnavailable = (message = 'The database is unreachable. Try again in a moment.') =>
  new HttpError(503, 'database_unavailable', message);
