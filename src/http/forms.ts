import type { Request, RequestHandler, Response } from 'express';
import { type HttpError, ValidationError } from './errors.js';
import { formInput, type Validator } from './validation.js';

/** Field name → its message, as the views show them next to each field. */
export type FieldErrors = Record<string, string>;

/** What a refused form is shown again with. */
export interface RefusedForm {
  values: Record<string, unknown>;
  errors: FieldErrors;
  status: number;
  error: HttpError;
}

/**
 * A page's form, declared once beside its route: the compiled ajv validator of its body, how to
 * read what was sent, and how to show the page again with values and errors. The central error
 * handler does the re-render, so no route catches a ValidationError or a 409 itself.
 */
export interface PageForm<T = unknown> {
  /** The form's compiled validator (compileValidator(schema, 'form')); its result is the handler's input. */
  validate?: Validator<T>;
  /** The body before validation, when the form needs shaping (checkbox lists, fixed fields). */
  input?: (req: Request) => unknown;
  /** What to show again; passwords are left out. Defaults to the non-empty fields of the body (a GET form: the query). */
  values?: (req: Request, error: HttpError) => Record<string, unknown>;
  /** Field names as the page labels them, for the error summary's sentences. */
  labels?: Record<string, string>;
  /** Element ids of fields whose id is not their name (the summary links to them). */
  fieldIds?: Record<string, string>;
  /** The field a 409's message belongs to; 'form' (the default) puts it above the form. */
  conflictField?: string;
  /** Statuses besides 400 and 409 that show the form again (the sign-in form's 401). */
  alsoOn?: number[];
  render: (req: Request, res: Response, refused: RefusedForm) => void | Promise<void>;
}

const FORM = Symbol('pageForm');
type WithForm = Response & { [FORM]?: { form: PageForm<never>; params: Request['params'] } };

const sentValues = (req: Request) => formInput(req.method === 'GET' ? req.query : req.body);

/** Marks the response as answering `form`: an error thrown from here on may show the form again. */
export function declareForm<T>(req: Request, res: Response, form: PageForm<T>): void {
  // The error handler sits outside the route, where Express has no route parameters: keep them.
  (res as WithForm)[FORM] = { form: form as PageForm<never>, params: { ...req.params } };
}

/** A route handler for a declared form: validates the body, then hands the typed input to `handler`. */
export function formRoute<T>(form: PageForm<T>, handler: (req: Request, res: Response, input: T) => unknown): RequestHandler {
  return async (req, res) => {
    declareForm(req, res, form);
    const input = form.validate ? form.validate(form.input ? form.input(req) : sentValues(req)) : (undefined as T);
    await handler(req, res, input);
  };
}

/** Field messages by field name: the shape the views read. */
export function fieldMap(err: ValidationError): FieldErrors {
  return Object.fromEntries(err.fields.map((f) => [f.field || 'form', f.message]));
}

/**
 * The form that `res` answers, if `error` is one it shows itself again for; the route's
 * parameters are put back on `req` for its render.
 */
export function refusedFormOf(req: Request, res: Response, error: HttpError): PageForm<never> | null {
  const declared = (res as WithForm)[FORM];
  if (!declared) return null;
  const { form, params } = declared;
  const refuses = error instanceof ValidationError || error.status === 409 || (form.alsoOn ?? []).includes(error.status);
  if (!refuses) return null;
  req.params = params;
  return form;
}

/** The values and field errors a refused form is shown again with. */
export function refusal(req: Request, form: PageForm<never>, error: HttpError): RefusedForm {
  const errors = error instanceof ValidationError ? fieldMap(error) : { [form.conflictField ?? 'form']: error.message };
  return { values: form.values ? form.values(req, error) : sentValues(req), errors, status: error.status, error };
}
