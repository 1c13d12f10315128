import { describe, expect, it } from 'vitest';
import { writeCorrected } from '../../../src/reports/formats/corrected.js';
import type { AcceptedCorrection } from '../../../src/reports/report.js';
import { accepted, textHeader } from './builders.js';

const chunksOf = async (text: string, corrections: AcceptedCorrection[]): Promise<string[]> => {
  const chunks: string[] = [];
  for await (const chunk of writeCorrected({ header: textHeader, text, corrections })) chunks.push(chunk);
  return chunks;
};

/** A streamed chunk is flushed once it reaches 64 KiB. */
const CHUNK = 65_536;

describe('the corrected text, streamed', () => {
  it('sends a short text in one chunk', async () => {
    const text = 'Sinabi ng United Sates na Iraw.';
    expect(await chunksOf(text, [accepted(1, 10, 'United Sates', 'United States'), accepted(2, 26, 'Iraw', 'Iraq')])).toEqual([
      'Sinabi ng United States na Iraq.',
    ]);
  });

  it('sends nothing for an empty text', async () => {
    expect(await chunksOf('', [])).toEqual([]);
  });

  it('flushes a chunk the moment it reaches 64 KiB exactly, and sends the rest after it', async () => {
    // 65,532 characters and a four-character correction fill the first chunk to the byte.
    const text = `${'a'.repeat(CHUNK - 4)}Iraw at iba pa.`;
    const chunks = await chunksOf(text, [accepted(1, CHUNK - 4, 'Iraw', 'Iraq')]);
    expect(chunks.map((c) => c.length)).toEqual([CHUNK, 11]);
    expect(chunks[0]).toBe(`${'a'.repeat(CHUNK - 4)}Iraq`);
    expect(chunks[1]).toBe(' at iba pa.');
  });

  it('sends no empty chunk when the text ends exactly at a chunk boundary', async () => {
    const text = `${'a'.repeat(CHUNK - 4)}Iraw`;
    const chunks = await chunksOf(text, [accepted(1, CHUNK - 4, 'Iraw', 'Iraq')]);
    expect(chunks.map((c) => c.length)).toEqual([CHUNK]);
    expect(chunks[0]).toBe(`${'a'.repeat(CHUNK - 4)}Iraq`);
  });

  it('reproduces a text over several chunks exactly', async () => {
    // Each 'ab Iraw ' becomes 'ab Iraq ' — 10,000 corrections, 80,000 characters.
    const text = 'ab Iraw '.repeat(10_000);
    const corrections = Array.from({ length: 10_000 }, (_, i) => accepted(i + 1, i * 8 + 3, 'Iraw', 'Iraq'));
    const chunks = await chunksOf(text, corrections);
    // Runs of 'ab ' / ' ab ' and corrections 'Iraq' bring the buffer to 3 + 4n characters:
    // 65,539 is the first such length to reach 64 KiB.
    expect(chunks.map((c) => c.length)).toEqual([65_539, 14_461]);
    expect(chunks.join('')).toBe('ab Iraq '.repeat(10_000));
  });
});
