import { Ajv, type ErrorObject, type JSONSchemaType, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ValidationError, type FieldError } from './errors.js';

function build(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, coerceTypes, useDefaults: true, strict: true, verbose: true });
  addFormats.default(ajv);
  return ajv;
}

// JSON bodies are typed already and are checked as they are; HTML forms send only strings,
// which the form instance coerces to the schema's numbers and booleans.
const jsonAjv = build(false);
const formAjv = build(true);

export type Validator<T> = (data: unknown) => T;

/** Compiles a schema once; the returned function returns the typed value or throws a ValidationError naming each field. */
export function compileValidator<T>(schema: JSONSchemaType<T> | Record<string, unknown>, mode: 'json' | 'form' = 'json'): Validator<T> {
  const validate = (mode === 'json' ? jsonAjv : formAjv).compile(schema) as ValidateFunction<T>;
  return (data) => {
    if (validate(data)) return data;
    throw new ValidationError(toFieldErrors(validate.errors ?? []));
  };
}

/**
 * For names and titles: bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) make a name display as something other than what it is ("Ana‮nimda" reads as
 * an admin's name); they are refused where people and documents are named.
 */
export const noBidiControls = {
  pattern: '^[^\\u202A-\\u202E\\u2066-\\u2069]*$',
  description:
    'must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069), which make text display differently from what it is',
};

/** Drops empty and whitespace-only form fields so that "not filled in" means absent, as in JSON. */
export function formInput(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = value;
  }
  return out;
}

export function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const e of errors) {
    const base = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field =
      e.keyword === 'required'
        ? join(base, e.params.missingProperty)
        : e.keyword === 'additionalProperties'
          ? join(base, e.params.additionalProperty)
          : base;
    const message = describe(e);
    const key = `${field}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      fields.push({ field, message });
    }
  }
  return fields;
}

const join = (base: string, name: string) => (base ? `${base}.${name}` : name);

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not an allowed field';
    case 'type':
      return `must be ${article(String(p.type))}`;
    case 'minLength':
      return p.limit === 1 ? 'must not be empty' : `must be at least ${p.limit} characters`;
    case 'maxLength':
      return `must be at most ${p.limit} characters`;
    case 'minimum':
      return `must be at least ${p.limit}`;
    case 'maximum':
      return `must be at most ${p.limit}`;
    case 'minItems':
      return `must have at least ${p.limit} items`;
    case 'maxItems':
      return `must have at most ${p.limit} items`;
    // A long list (the time zones) names its kind in a description instead of every value.
    case 'enum':
      return e.parentSchema?.description ?? `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'format':
      return p.format === 'uri' ? 'must be a full http(s) URL' : `must be a valid ${p.format}`;
    case 'pattern':
      return e.parentSchema?.description ?? 'has an invalid format';
    default:
      return e.message ?? 'is invalid';
  }
}

function article(type: string): string {
  const t = type.split(',')[0] ?? type;
  return `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`;
}

/**
 * A request that takes no options (re-extract, publish, delete): no body, or `{}`. Anything else
 * is refused, so a client that thinks it is sending options learns they are ignored.
 */
export const validateEmptyJson = compileValidator<Record<string, never>>(
  { type: 'object', additionalProperties: false, properties: {} },
  'json',
);
