// The one validation path, word for word: what each schema keyword's refusal says and which field
// it names, how forms become input, and the byte-level guards in front of the body parsers. The
// integration corpus (tests/integration/reliability) checks the wiring; this checks the rules.
import { describe, expect, it } from 'vitest';
import { HttpError, ValidationError } from '../../../src/http/errors.js';
import { guardMultipartFields, MAX_JSON_DEPTH, verifyFormBody, verifyJsonBody } from '../../../src/http/input-guard.js';
import { compileValidator, formInput, noBidiControls, validateEmptyJson } from '../../../src/http/validation.js';

/** The field errors `validate` throws for `data` (fails the test when it accepts it). */
function refusal(validate: (data: unknown) => unknown, data: unknown) {
  try {
    validate(data);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return {
      status: (e as ValidationError).status,
      code: (e as ValidationError).code,
      message: (e as ValidationError).message,
      fields: (e as ValidationError).fields,
    };
  }
  throw new Error('accepted');
}

describe('compileValidator: one message per keyword, naming the field', () => {
  const validate = compileValidator({
    type: 'object',
    additionalProperties: false,
    required: ['title'],
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 5, ...noBidiControls },
      code: { type: 'string', minLength: 3, pattern: '^[a-z]+$' },
      count: { type: 'integer', minimum: 1, maximum: 9 },
      tags: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string' } },
      kind: { enum: ['a', 'b'] },
      url: { type: 'string', format: 'uri' },
      day: { type: 'string', format: 'date' },
      meta: {
        type: 'object',
        additionalProperties: false,
        required: ['x'],
        properties: { x: { type: 'object' }, y: { type: 'number', multipleOf: 2 } },
      },
    },
  });

  it('accepts a valid value and returns it', () => {
    expect(validate({ title: 'ok', count: 3 })).toEqual({ title: 'ok', count: 3 });
  });

  it('names a missing field, an unknown one and a nested one by their path', () => {
    expect(refusal(validate, { surprise: true })).toEqual({
      status: 400,
      code: 'invalid_input',
      message: 'title: is required; surprise: is not an allowed field',
      fields: [
        { field: 'title', message: 'is required' },
        { field: 'surprise', message: 'is not an allowed field' },
      ],
    });
    expect(refusal(validate, { title: 'ok', meta: { z: 1 } }).fields).toEqual([
      { field: 'meta.x', message: 'is required' },
      { field: 'meta.z', message: 'is not an allowed field' },
    ]);
    expect(refusal(validate, { title: 'ok', meta: { x: 1, y: 3 } }).fields).toEqual([
      { field: 'meta.x', message: 'must be an object' },
      { field: 'meta.y', message: 'must be multiple of 2' },
    ]);
  });

  it('words each keyword', () => {
    const fields = (data: unknown) => refusal(validate, { title: 'ok', ...(data as object) }).fields;
    expect(refusal(validate, { title: '' }).fields).toEqual([{ field: 'title', message: 'must not be empty' }]);
    expect(fields({ code: 'ab' })).toEqual([{ field: 'code', message: 'must be at least 3 characters' }]);
    expect(refusal(validate, { title: 'toolong' }).fields).toEqual([{ field: 'title', message: 'must be at most 5 characters' }]);
    expect(fields({ count: 0 })).toEqual([{ field: 'count', message: 'must be at least 1' }]);
    expect(fields({ count: 10 })).toEqual([{ field: 'count', message: 'must be at most 9' }]);
    expect(fields({ count: 'x' })).toEqual([{ field: 'count', message: 'must be an integer' }]);
    expect(fields({ code: 7 })).toEqual([{ field: 'code', message: 'must be a string' }]);
    expect(fields({ tags: [] })).toEqual([{ field: 'tags', message: 'must have at least 1 items' }]);
    expect(fields({ tags: ['a', 'b', 'c'] })).toEqual([{ field: 'tags', message: 'must have at most 2 items' }]);
    expect(fields({ tags: [1] })).toEqual([{ field: 'tags.0', message: 'must be a string' }]);
    expect(fields({ kind: 'c' })).toEqual([{ field: 'kind', message: 'must be one of: a, b' }]);
    expect(fields({ url: 'not a url' })).toEqual([{ field: 'url', message: 'must be a full http(s) URL' }]);
    expect(fields({ day: '2024-13-01' })).toEqual([{ field: 'day', message: 'must be a valid date' }]);
    expect(fields({ code: 'ABC' })).toEqual([{ field: 'code', message: 'has an invalid format' }]);
    expect(refusal(validate, { title: 'a\u202Eb' }).fields).toEqual([{ field: 'title', message: noBidiControls.description }]);
  });

  it('says each problem of a field once', () => {
    const twice = compileValidator({ type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'string' }] } } });
    expect(refusal(twice, { a: 1 }).fields).toEqual([
      { field: 'a', message: 'must be a string' },
      { field: 'a', message: 'must match a schema in anyOf' },
    ]);
  });

  it('takes JSON as typed, and coerces a form’s strings to the schema’s types', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer' }, ok: { type: 'boolean' } } };
    expect(refusal(compileValidator(schema), { n: '3' }).fields).toEqual([{ field: 'n', message: 'must be an integer' }]);
    expect(compileValidator(schema, 'form')({ n: '3', ok: 'true' })).toEqual({ n: 3, ok: true });
  });

  it('refuses any option sent to a route that takes none', () => {
    expect(validateEmptyJson({})).toEqual({});
    expect(refusal(validateEmptyJson, { force: true }).message).toBe('force: is not an allowed field');
  });
});

describe('formInput', () => {
  it('drops the CSRF token and fields left empty or blank, keeps the rest as sent', () => {
    expect(formInput({ _csrf: 't', title: 'A', blank: '  ', empty: '', list: ['x'], n: 0 })).toEqual({ title: 'A', list: ['x'], n: 0 });
    expect(formInput(undefined)).toEqual({});
    expect(formInput('title=A')).toEqual({});
  });
});

describe('the byte-level guards', () => {
  const json =
    (text: string | Buffer, encoding: string | null = 'utf-8') =>
    () =>
      verifyJsonBody({} as never, undefined, Buffer.isBuffer(text) ? text : Buffer.from(text), encoding);
  const nested = (depth: number, open = '{"a":', close = '}') => open.repeat(depth) + '1' + close.repeat(depth);
  const thrown = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      expect(e).toBeInstanceOf(HttpError);
      return { status: (e as HttpError).status, code: (e as HttpError).code, message: (e as HttpError).message };
    }
    return null;
  };

  it('lets JSON nested up to the limit through, and refuses one level more, in objects and arrays', () => {
    expect(MAX_JSON_DEPTH).toBe(20);
    expect(thrown(json(nested(20)))).toBeNull();
    expect(thrown(json(nested(21)))).toEqual({ status: 400, code: 'too_deep', message: 'The JSON body is nested deeper than 20 levels.' });
    expect(thrown(json(nested(21, '[', ']')))).toMatchObject({ code: 'too_deep' });
    // Closing brackets count down: many shallow siblings are fine.
    expect(thrown(json(`[${Array.from({ length: 30 }, () => '{"a":[1]}').join(',')}]`))).toBeNull();
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(thrown(json(JSON.stringify({ a: '{'.repeat(50) })))).toBeNull();
    expect(thrown(json(JSON.stringify({ a: `\\"${'['.repeat(50)}` })))).toBeNull();
    expect(thrown(json(JSON.stringify({ a: `"${'{'.repeat(50)}` })))).toBeNull();
  });

  it('takes UTF-8 under either name, refuses other charsets and invalid bytes', () => {
    expect(thrown(json('{}', 'UTF-8'))).toBeNull();
    expect(thrown(json('{}', 'utf8'))).toBeNull();
    expect(thrown(json('{}', null))).toBeNull();
    expect(thrown(json('{}', 'latin1'))).toEqual({ status: 415, code: 'unsupported_encoding', message: 'Send the body as UTF-8.' });
    expect(thrown(json(Buffer.from('7b2261223a22e9227d', 'hex')))).toEqual({
      status: 400,
      code: 'invalid_utf8',
      message: 'The request body is not valid UTF-8. Send text encoded as UTF-8.',
    });
  });

  it('checks that every %-escape of a form decodes to UTF-8', () => {
    const form = (text: string) => () => verifyFormBody({} as never, undefined, Buffer.from(text));
    expect(thrown(form('title=caf%C3%A9&text=a+b'))).toBeNull();
    expect(thrown(form('title=plain'))).toBeNull();
    expect(thrown(form('title=%FF'))).toEqual({
      status: 400,
      code: 'invalid_utf8',
      message: 'The form data is not valid UTF-8. Send text encoded as UTF-8.',
    });
    expect(thrown(form('t%FF=x'))).toMatchObject({ code: 'invalid_utf8' });
    // A + is a space, so "%C3+%A9" is two broken escapes, not é: the parser would store U+FFFD twice.
    expect(thrown(form('title=%C3+%A9'))).toEqual({
      status: 400,
      code: 'invalid_utf8',
      message: 'The form data is not valid UTF-8. Send text encoded as UTF-8.',
    });
  });

  it('decodes multipart fields as UTF-8 and refuses invalid bytes, control characters and lone surrogates by field', () => {
    const latin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    expect(guardMultipartFields({ [latin1('títle')]: latin1('café'), list: [latin1('ñ'), 'b'], n: 3 })).toEqual({
      títle: 'café',
      list: ['ñ', 'b'],
      n: 3,
    });
    expect(thrown(() => guardMultipartFields({ title: '\u00ff' }))).toEqual({
      status: 400,
      code: 'invalid_utf8',
      message: 'The form field title is not valid UTF-8. Send text encoded as UTF-8.',
    });
    expect(thrown(() => guardMultipartFields({ [`${'k'.repeat(150)}`]: '\u00ff' }))).toMatchObject({
      message: `The form field ${'k'.repeat(100)} is not valid UTF-8. Send text encoded as UTF-8.`,
    });
    expect(thrown(() => guardMultipartFields({ title: 'a\u0007b' }))).toMatchObject({
      status: 400,
      code: 'invalid_input',
      message: 'title: contains a control character (U+0007) at position 1',
    });
    expect(thrown(() => guardMultipartFields({ title: 'tab\tand\r\nlines' }))).toBeNull();
    expect(thrown(() => guardMultipartFields({ title: 'x\u007f' }))).toMatchObject({
      message: 'title: contains a control character (U+007F) at position 1',
    });
    expect(thrown(() => guardMultipartFields({ [`${'k'.repeat(150)}`]: '\u0001' }))).toMatchObject({
      message: `${'k'.repeat(100)}: contains a control character (U+0001) at position 0`,
    });
  });

  it('reads every value of an object 21 levels deep, and no deeper, so no body can exhaust the stack', () => {
    // guardMultipartFields is the exported way into the walk the global guard runs over every body;
    // JSON reaches it at most MAX_JSON_DEPTH deep, so the walk's own limit is a second line.
    const deep = (levels: number, leaf: unknown) => {
      let value = leaf;
      for (let i = 0; i < levels; i++) value = { a: value };
      return value as Record<string, unknown>;
    };
    expect(thrown(() => guardMultipartFields(deep(21, 'x\u0000')))).toEqual({
      status: 400,
      code: 'invalid_input',
      message: 'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a: contains a control character (U+0000) at position 1',
    });
    const huge = deep(100_000, 'x');
    expect(guardMultipartFields(huge).a).toBe(huge.a);
  });
});
