/**
 * Scores the pre-checks on the planted-error set (tests/fixtures/findings-planted.jsonl): each
 * line is a sentence in English or Tagalog with one planted error for a check (or a correct
 * control sentence of the same shape), and the suggestion a reviewer would want. A planted line
 * is found when a finding of its check appears (with the expected suggestion when one is given);
 * any finding of a check on a line not planted for that check is a false alarm.
 */
import { extract, type Finding } from '../src/extraction/index.js';

export interface PlantedLine {
  check: 'office' | 'date' | 'figure' | 'spelling';
  language: string;
  text: string;
  /** The suggestion a finding should make; null on controls and on errors with no single fix. */
  suggestion: string | null;
  /** Marks an error with no suggestion (an impossible date); lines with a suggestion are planted. */
  planted?: boolean;
  publishedAt?: string;
}

export interface CheckScore {
  check: string;
  planted: number;
  controls: number;
  found: number;
  falseAlarms: number;
  precision: number;
  recall: number;
}

const CHECKS = ['office', 'date', 'figure', 'spelling'] as const;

/** The check a finding code belongs to ("date-decade-slip" → "date"). */
export function checkOf(code: string): string {
  return code.split('-')[0]!;
}

/** Per-check and overall precision and recall on the planted lines. */
export function evaluateFindings(lines: readonly PlantedLine[]): { scores: CheckScore[]; misses: string[]; alarms: string[] } {
  const tally = new Map<string, { planted: number; controls: number; found: number; falseAlarms: number }>(
    CHECKS.map((c) => [c, { planted: 0, controls: 0, found: 0, falseAlarms: 0 }]),
  );
  const misses: string[] = [];
  const alarms: string[] = [];
  for (const line of lines) {
    const { claims } = extract(line.text, { language: line.language, ...(line.publishedAt ? { publishedAt: line.publishedAt } : {}) });
    const findings: Finding[] = claims.flatMap((c) => c.findings);
    const planted = line.suggestion !== null || line.planted === true;
    const t = tally.get(line.check)!;
    if (planted) t.planted++;
    else t.controls++;
    const mine = findings.filter((f) => checkOf(f.code) === line.check);
    const hit = planted && mine.some((f) => line.suggestion === null || f.suggestion === line.suggestion);
    if (hit) t.found++;
    else if (planted) misses.push(`${line.check}: ${line.text}`);
    // Every finding that is not the planted one is a false alarm of its own check.
    for (const f of findings) {
      const own = checkOf(f.code);
      const expected = planted && own === line.check && (line.suggestion === null || f.suggestion === line.suggestion);
      if (expected) continue;
      const other = tally.get(own);
      if (other) other.falseAlarms++;
      alarms.push(`${f.code}: ${f.message} — in: ${line.text}`);
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
  const scores: CheckScore[] = [...tally].map(([check, x]) => ({
    check,
    ...x,
    precision: ratio(x.found, x.found + x.falseAlarms),
    recall: ratio(x.found, x.planted),
  }));
  const sum = (k: 'planted' | 'controls' | 'found' | 'falseAlarms') => scores.reduce((a, s) => a + s[k], 0);
  scores.push({
    check: 'overall',
    planted: sum('planted'),
    controls: sum('controls'),
    found: sum('found'),
    falseAlarms: sum('falseAlarms'),
    precision: ratio(sum('found'), sum('found') + sum('falseAlarms')),
    recall: ratio(sum('found'), sum('planted')),
  });
  return { scores, misses, alarms };
}

/** Parses the planted-error JSON lines. */
export function readPlanted(jsonl: string): PlantedLine[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PlantedLine);
}

/** Prints the findings table. */
export function printFindings(result: ReturnType<typeof evaluateFindings>): void {
  console.log(`\npre-check     planted  controls  found  false alarms  precision  recall`);
  for (const s of result.scores) {
    console.log(
      `${s.check.padEnd(12)} ${String(s.planted).padStart(8)} ${String(s.controls).padStart(9)} ${String(s.found).padStart(6)} ${String(s.falseAlarms).padStart(13)} ${(s.precision * 100).toFixed(1).padStart(9)}% ${(s.recall * 100).toFixed(1).padStart(6)}%`,
    );
  }
  if (result.misses.length > 0)
    console.log(`\nplanted errors missed (${result.misses.length}):\n${result.misses.map((m) => `  ${m}`).join('\n')}`);
  if (result.alarms.length > 0) console.log(`\nfalse alarms (${result.alarms.length}):\n${result.alarms.map((m) => `  ${m}`).join('\n')}`);
}
