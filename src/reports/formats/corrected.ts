import { pieces } from '../corrections.js';
import type { TextReport } from '../report.js';

const CHUNK = 64 * 1024;

/**
 * The document text with every accepted correction applied at its span, as plain UTF-8 text.
 * Overlaps were refused when the report was opened (openTextReport), before any byte was sent.
 */
export async function* writeCorrected(report: TextReport): AsyncGenerator<string> {
  let buffer = '';
  for (const piece of pieces(report.text, report.corrections)) {
    buffer += piece.kind === 'text' ? piece.text : piece.correction.correction;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
