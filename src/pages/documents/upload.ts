import multer from 'multer';
import type { Config } from '../../config.js';
import { invalid } from '../../http/errors.js';
import { decodeUtf8 } from '../../documents/text-checks.js';

const allowed = /\.(txt|md|markdown|text)$/i;

/** Multer for the import form: one text file, in memory, no larger than the text limit. */
export function documentUpload(config: Pick<Config, 'maxTextBytes'>) {
  // multer 2 passes defCharset on to busboy; its type definitions predate the option.
  const options: multer.Options & { defCharset: string } = {
    storage: multer.memoryStorage(),
    // Field bytes kept as they came (one Latin-1 character per byte) for guardMultipartFields to
    // check as UTF-8; the default decoder would turn invalid bytes into U+FFFD silently.
    defCharset: 'latin1',
    limits: { fileSize: config.maxTextBytes, files: 1, fields: 10, fieldSize: config.maxTextBytes + 1024, parts: 12 },
  };
  return multer(options);
}

/** The uploaded file's text, or undefined when no file was sent; refuses other file types and non-UTF-8. */
export function uploadedText(file: Express.Multer.File | undefined): { text: string; name: string } | undefined {
  if (!file || file.size === 0) return undefined;
  if (!allowed.test(file.originalname)) throw invalid('file', 'must be a .txt or .md file');
  const text = decodeUtf8(file.buffer, 'file');
  return { text, name: file.originalname.replace(allowed, '').slice(0, 300) };
}
