import { describe, expect, it } from 'vitest';
import { extract } from '../../../src/extraction/index.js';

// Generous bounds: these guard against hangs and quadratic blow-ups, not against a slow machine.
// The bound is on this process's CPU time, so a busy machine (other test files, other work) does
// not fail it; a quadratic step on 5 MB would still take minutes of CPU.
const BIG_MS = 10_000;

function run(text: string) {
  const t0 = process.cpuUsage();
  const result = extract(text);
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  // Check the contract on a sample; asserting every one of 100,000 claims would dominate the test.
  const step = Math.max(1, Math.floor(result.claims.length / 500));
  for (let k = 0; k < result.claims.length; k += step) {
    const c = result.claims[k]!;
    expect(c.quote).toBe(text.slice(c.start, c.end));
    expect(c.sentenceIndex).toBeGreaterThanOrEqual(1);
    expect(c.sentenceIndex).toBeLessThanOrEqual(result.sentences.length);
  }
  return { result, ms };
}

// Wall time may stretch far past the CPU bound on a loaded machine; only the CPU bound is the test.
describe('extraction on pathological input', { timeout: 120_000 }, () => {
  it('returns nothing for empty and blank text', () => {
    expect(extract('')).toEqual({ language: 'en', sentences: [], claims: [] });
    expect(extract(' \n\t\r\n ').claims).toEqual([]);
  });

  it('handles one 5 MB line of prose without a full stop', () => {
    const { result, ms } = run(
      'Ayon sa ulat umabot sa 500,000 katao ang United Sates noong 1993 at sinabi ni Pangulong Cruz '.repeat(55_000),
    );
    expect(result.sentences).toHaveLength(1);
    expect(result.claims.length).toBeGreaterThan(100_000);
    expect(ms).toBeLessThan(BIG_MS);
  });

  it('handles 5 MB of a single token, of digits and of dotted letters', () => {
    for (const text of ['a'.repeat(5_000_000), '9'.repeat(5_000_000), 'U.'.repeat(2_500_000), 'a-'.repeat(2_500_000)]) {
      const { ms } = run(text);
      expect(ms).toBeLessThan(BIG_MS);
    }
  });

  it('handles 100,000 quotation marks of every kind, balanced or not', () => {
    for (const text of [
      '"'.repeat(100_000),
      '“'.repeat(100_000),
      '“ a '.repeat(100_000),
      "'a ".repeat(100_000),
      '“"\'‘’”«»„'.repeat(11_112),
    ]) {
      const { ms } = run(text);
      expect(ms).toBeLessThan(BIG_MS);
    }
    const { result } = run('He said "yes" and "no". '.repeat(50_000));
    expect(result.claims.filter((c) => c.kind === 'quote')).toHaveLength(100_000);
  });

  it('handles mixed scripts, emoji, control characters and lone surrogates', () => {
    const text = [
      'Президент сказал 北京 2008年 ١٢٣ مرحبا Ελλάδα 12 % नमस्ते',
      '🎉🇵🇭👨‍👩‍👧 Iraq 😀 500 tao “ 😀 ”',
      Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('x'),
      '\ud800a\udc00 b \udfff',
    ]
      .join(' ')
      .repeat(5_000);
    const { result, ms } = run(text);
    expect(ms).toBeLessThan(BIG_MS);
    expect(result.claims.some((c) => c.kind === 'statistic' && c.quote.startsWith('500'))).toBe(true);
    for (const c of result.claims.slice(0, 200)) expect(c.quote).toBe(text.slice(c.start, c.end));
  });

  it('handles a million line breaks and a million lone full stops', () => {
    expect(run('\n'.repeat(1_000_000)).result.sentences).toEqual([]);
    const { result, ms } = run('. '.repeat(1_000_000));
    expect(result.sentences.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(BIG_MS);
  });
});
