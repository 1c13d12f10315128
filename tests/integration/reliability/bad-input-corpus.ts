import { readFileSync } from 'node:fs';
import type { Express } from 'express';
import type request from 'supertest';

/** One route of the app, as Express's router stack has it. */
export interface Route {
  method: string;
  path: string;
}

/** Lists every route by walking the router stack, so routes other people add are covered too. */
export function listRoutes(app: Express): Route[] {
  const routes: Route[] = [];
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route)
        for (const method of Object.keys(layer.route.methods)) routes.push({ method: method.toUpperCase(), path: layer.route.path });
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return routes;
}

const fixture = <T>(name: string): T[] => JSON.parse(readFileSync(new URL(`../../fixtures/bad-input/${name}`, import.meta.url), 'utf8'));
interface BodySpec {
  name: string;
  contentType?: string;
  json?: unknown;
  text?: string;
  hex?: string;
  nest?: number;
  repeat?: { field: string; char: string; times: number };
  manyKeys?: number;
  manyFields?: number;
  fields?: Record<string, string>;
  csrf?: boolean;
  validFor?: string[];
}
interface UploadSpec {
  name: string;
  filename: string;
  text?: string;
  hex?: string;
  repeat?: number;
  second?: boolean;
  truncated?: boolean;
}
export const corpus = {
  jsonBodies: fixture<BodySpec>('json-bodies.json'),
  formBodies: fixture<BodySpec>('form-bodies.json'),
  queries: fixture<{ name: string; query: string }>('queries.json'),
  ids: fixture<{ name: string; value: string }>('ids.json'),
  uploads: fixture<UploadSpec>('uploads.json'),
};

/** The raw body and content type a spec describes, as JSON for the API or a form; `{csrf}` in text becomes the token. */
export function bodyOf(spec: BodySpec, mode: 'json' | 'form', csrf = ''): { type: string; body: string | Buffer } {
  const json = (value: unknown) => ({ type: spec.contentType ?? 'application/json', body: JSON.stringify(value) });
  if (spec.hex !== undefined)
    return {
      type: spec.contentType ?? 'application/x-www-form-urlencoded',
      body: Buffer.from(spec.hex.replace('7b637372667d', Buffer.from(csrf).toString('hex')), 'hex'),
    };
  if (spec.text !== undefined)
    return { type: spec.contentType ?? 'application/json', body: spec.text.replace('{csrf}', encodeURIComponent(csrf)) };
  if (spec.nest !== undefined)
    return { type: spec.contentType ?? 'application/json', body: '{"a":'.repeat(spec.nest) + '1' + '}'.repeat(spec.nest) };
  if (spec.manyKeys !== undefined) return json(Object.fromEntries(Array.from({ length: spec.manyKeys }, (_, i) => [`k${i}`, i])));
  const form = (fields: Record<string, string>) => ({
    type: 'application/x-www-form-urlencoded',
    body: new URLSearchParams(fields).toString(),
  });
  if (spec.manyFields !== undefined)
    return form({ _csrf: csrf, ...Object.fromEntries(Array.from({ length: spec.manyFields }, (_, i) => [`f${i}`, 'x'])) });
  if (spec.repeat) {
    const value = spec.repeat.char.repeat(spec.repeat.times);
    return mode === 'json' ? json({ version: 1, [spec.repeat.field]: value }) : form({ _csrf: csrf, [spec.repeat.field]: value });
  }
  if (spec.fields) return form({ ...(spec.csrf === false ? {} : { _csrf: csrf }), ...spec.fields });
  return json(spec.json);
}

/** A multipart request to an upload route, built from an uploads.json case. */
export function sendUpload(test: request.Test, spec: UploadSpec, csrf: string): request.Test {
  const content = spec.repeat
    ? Buffer.from('Noong 2003. '.repeat(spec.repeat))
    : spec.hex
      ? Buffer.from(spec.hex, 'hex')
      : Buffer.from(spec.text ?? '');
  if (spec.truncated) {
    const boundary = 'claimdeskboundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${spec.filename}"\r\nContent-Type: text/plain\r\n\r\n`;
    return test.set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(Buffer.concat([Buffer.from(head), content]));
  }
  let t = test.field('_csrf', csrf).field('title', 'Upload').attach('file', content, spec.filename);
  if (spec.second) t = t.attach('file', content, 'b.txt');
  return t;
}
