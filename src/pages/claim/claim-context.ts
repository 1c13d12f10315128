import { sentenceIndexAt } from '../../documents/spans.js';

/** A claim's quote in its sentence, with the neighbouring sentences around it. */
export interface QuoteContext {
  /** Sentences before the claim's own sentence. */
  before: string;
  /** The claim's sentence up to the quote, the quote, and the rest of the sentence. */
  lead: string;
  quote: string;
  tail: string;
  /** Sentences after the claim's own sentence. */
  after: string;
  /** 1-based numbers of the first and last sentence the quote touches. */
  firstSentence: number;
  lastSentence: number;
}

// A text without sentence breaks would otherwise put the whole article on the claim page.
const MAX_SIDE = 700;
const clipStart = (s: string) => (s.length > MAX_SIDE ? `…${s.slice(-MAX_SIDE).replace(/^\S*\s/, '')}` : s);
const clipEnd = (s: string) => (s.length > MAX_SIDE ? `${s.slice(0, MAX_SIDE).replace(/\s\S*$/, '')}…` : s);

/** Cuts the text around a span using the document's sentence starts, `around` sentences either side. */
export function quoteInContext(text: string, sentenceStarts: readonly number[], start: number, end: number, around = 1): QuoteContext {
  const firstSentence = sentenceIndexAt(sentenceStarts, start);
  const lastSentence = sentenceIndexAt(sentenceStarts, Math.max(start, end - 1));
  const sentenceStart = sentenceStarts[firstSentence - 1] ?? 0;
  const sentenceEnd = sentenceStarts[lastSentence] ?? text.length;
  const contextStart = sentenceStarts[Math.max(firstSentence - 1 - around, 0)] ?? 0;
  const contextEnd = sentenceStarts[lastSentence + around] ?? text.length;
  return {
    before: clipStart(text.slice(contextStart, sentenceStart)),
    lead: clipStart(text.slice(sentenceStart, start)),
    quote: text.slice(start, end),
    tail: clipEnd(text.slice(end, sentenceEnd)),
    after: clipEnd(text.slice(sentenceEnd, contextEnd)),
    firstSentence,
    lastSentence,
  };
}

/** A place a claim can be split: between two words, shown as the words either side. */
export interface SplitPoint {
  at: number;
  before: string;
  after: string;
}

/** Every word boundary inside the quote, as document offsets (the start of the next word). */
export function splitPoints(quote: string, start: number, limit = 300): SplitPoint[] {
  const points: SplitPoint[] = [];
  for (const m of quote.matchAll(/\s+(?=\S)/g)) {
    const cut = m.index + m[0].length;
    if (m.index === 0) continue;
    points.push({ at: start + cut, before: lastWords(quote.slice(0, m.index)), after: firstWords(quote.slice(cut)) });
    if (points.length >= limit) break;
  }
  return points;
}

const lastWords = (s: string) => {
  const words = s.split(/\s+/);
  return `${words.length > 3 ? '…' : ''}${words.slice(-3).join(' ')}`;
};
const firstWords = (s: string) => {
  const words = s.split(/\s+/);
  return `${words.slice(0, 3).join(' ')}${words.length > 3 ? '…' : ''}`;
};
