import { invalid, payloadTooLarge } from '../http/errors.js';

// Control characters other than tab, line feed and carriage return mark binary or corrupted input.
const forbiddenControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Refuses text claimdesk cannot store faithfully: too large, NUL or other control bytes, lone surrogates. */
export function checkDocumentText(text: string, maxBytes: number, field = 'text'): void {
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw payloadTooLarge(`${field}: the text is larger than the limit of ${formatBytes(maxBytes)}`);
  }
  if (text.trim() === '') throw invalid(field, 'must not be empty');
  const bad = forbiddenControl.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
    throw invalid(field, `contains a control character (U+${code}) at position ${bad.index}; is this a binary file?`);
  }
  if (!text.isWellFormed()) throw invalid(field, 'contains an unpaired surrogate (malformed Unicode)');
}

/** Decodes an uploaded file as strict UTF-8 (a leading BOM is dropped); refuses anything else. */
export function decodeUtf8(bytes: Uint8Array, field = 'file'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid(field, 'is not valid UTF-8 text; save it as UTF-8 and try again');
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
