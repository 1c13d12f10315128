/** The extraction engine's public shapes; index.ts re-exports them. */

export type ExtractedKind = 'statistic' | 'date' | 'quote' | 'attribution' | 'reference' | 'spelling';

export interface Sentence {
  /** 1-based position in the text. */
  index: number;
  /** UTF-16 offset of the first visible character. */
  start: number;
  /** UTF-16 offset just after the last visible character (trailing whitespace excluded). */
  end: number;
}

export interface ClaimCandidate {
  /** 1-based index of the sentence the candidate starts in. */
  sentenceIndex: number;
  start: number;
  end: number;
  /** Always `text.slice(start, end)`. */
  quote: string;
  kind: ExtractedKind;
  /** Check-worthiness from 0 to 1, rounded to two decimals. */
  score: number;
  /** Why it was flagged, in words a reviewer can read. */
  reasons: string[];
  /** For spelling candidates the suggested form; otherwise null. */
  suggestion: string | null;
  /** What the pre-checks found probably wrong here (empty when nothing): never a verdict. */
  findings: Finding[];
}

/**
 * A pre-check's result: what is probably wrong, the likely right value when one is known, and
 * the data row or arithmetic that shows it.
 */
export interface Finding {
  /** Stable identifier of the check ("office.holder", "date.decade-slip", "figure.percent-change"…). */
  code: string;
  message: string;
  suggestion?: string;
  evidence?: string;
  /** The passage of another claim this finding is about (a competing or restated figure): its offsets in the text. */
  related?: { start: number; end: number };
}

export interface ExtractionResult {
  language: string;
  sentences: Sentence[];
  claims: ClaimCandidate[];
}

/** One piece of evidence behind a candidate: its contribution to the score and its wording. */
export interface Signal {
  readonly weight: number;
  readonly reason: string;
  /** Signals of one group are alternatives (who is speaking): only the strongest counts. */
  readonly group?: string;
}

/** What a detector reports before merging, sentence lookup and scoring. */
export interface RawCandidate {
  readonly kind: ExtractedKind;
  start: number;
  end: number;
  signals: Signal[];
  suggestion: string | null;
  /** Pre-check findings attached after merging (checks/attach.ts). */
  findings?: Finding[];
}
