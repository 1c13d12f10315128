import { readFileSync, statSync } from 'node:fs';
import { checkDocumentText, decodeUtf8 } from '../documents/text-checks.js';

/** Reads a UTF-8 text file for import or extraction, with a clear message for each way it can fail. */
export function readTextFile(path: string | undefined, maxBytes: number): string {
  if (!path) throw Object.assign(new Error('name the file to read, e.g. claimdesk import article.txt --title "…"'), { status: 2 });
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw Object.assign(new Error(`cannot read ${path}: no such file`), { status: 1 });
  }
  if (size > maxBytes)
    throw Object.assign(new Error(`${path} is ${size} bytes, over the limit of ${maxBytes} (MAX_TEXT_BYTES)`), { status: 1 });
  const text = decodeUtf8(readFileSync(path), path);
  checkDocumentText(text, maxBytes, path);
  return text;
}
