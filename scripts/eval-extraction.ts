/**
 * Scores the extractor against the researched answer key: how many gold claims a candidate
 * overlaps (recall, per kind and overall), how many candidates overlap no gold claim, and
 * whether spelling candidates suggest the researched correction. Prints a table and writes the
 * same figures to docs/extraction-eval.json.
 *
 * Usage: npm run eval [-- <text file> <gold jsonl> <output json>]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extract, type ClaimCandidate } from '../src/extraction/index.js';
import { evaluateFindings, printFindings, readPlanted } from './eval-findings.js';

export interface GoldClaim {
  sentence: number;
  quote: string;
  type: string;
  correction: string | null;
}

export interface GoldResult extends GoldClaim {
  start: number | null;
  end: number | null;
  /** Kinds of the candidates overlapping this claim. */
  overlappedBy: string[];
  /** For spelling claims: whether an overlapping spelling candidate suggests the correction. */
  suggestionMatches: boolean | null;
}

export interface EvalReport {
  language: string;
  sentences: { expected: number; found: number; matchingLines: number };
  overall: { gold: number; overlapped: number; recall: number; candidates: number; unmatchedCandidates: number; candidatesPerGold: number };
  byGoldKind: { kind: string; gold: number; overlapped: number; overlappedBySameKind: number | null; recall: number }[];
  byCandidateKind: { kind: string; candidates: number; overlappingGold: number }[];
  spellingSuggestions: { checked: number; matching: number };
  missed: { sentence: number; type: string; quote: string }[];
  /** Candidates overlapping no gold claim: false alarms, or claims the answer key did not research. */
  unmatched: { sentence: number; kind: string; quote: string }[];
  unlocated: { sentence: number; quote: string }[];
}

const EXTRACTED = new Set(['statistic', 'date', 'quote', 'attribution', 'reference', 'spelling']);

/** Parses a JSON-lines answer key. */
export function readGold(jsonl: string): GoldClaim[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldClaim);
}

/** Evaluates extraction of `text` (one sentence per line) against `gold`. */
export function evaluate(
  text: string,
  gold: readonly GoldClaim[],
): { report: EvalReport; results: GoldResult[]; claims: ClaimCandidate[] } {
  const { language, sentences, claims } = extract(text);
  const lines = text.split('\n');
  const lineStart: number[] = [];
  let at = 0;
  for (const line of lines) {
    lineStart.push(at);
    at += line.length + 1;
  }
  const visible = lines.filter((l) => l.trim() !== '');
  const matchingLines = sentences.filter((s, k) => text.slice(s.start, s.end) === visible[k]?.trim()).length;

  const overlaps = (c: ClaimCandidate, start: number, end: number) => c.start < end && start < c.end;
  const results: GoldResult[] = gold.map((g) => {
    const line = lines[g.sentence - 1] ?? '';
    const at = line.indexOf(g.quote);
    if (at < 0) return { ...g, start: null, end: null, overlappedBy: [], suggestionMatches: null };
    const start = lineStart[g.sentence - 1]! + at;
    const end = start + g.quote.length;
    const hits = claims.filter((c) => overlaps(c, start, end));
    const suggestionMatches =
      g.type === 'spelling' && g.correction
        ? hits.some((c) => c.kind === 'spelling' && c.suggestion !== null && sameFix(c.suggestion, g.correction!))
        : null;
    return { ...g, start, end, overlappedBy: [...new Set(hits.map((c) => c.kind))], suggestionMatches };
  });

  const located = results.filter((r) => r.start !== null);
  const unmatched = claims.filter((c) => !located.some((r) => overlaps(c, r.start!, r.end!)));
  const kinds = [...new Set(gold.map((g) => g.type))].sort();
  const overlapped = results.filter((r) => r.overlappedBy.length > 0).length;
  const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
  const spelling = results.filter((r) => r.suggestionMatches !== null);
  const report: EvalReport = {
    language,
    sentences: { expected: visible.length, found: sentences.length, matchingLines },
    overall: {
      gold: gold.length,
      overlapped,
      recall: ratio(overlapped, gold.length),
      candidates: claims.length,
      unmatchedCandidates: unmatched.length,
      candidatesPerGold: ratio(claims.length, gold.length),
    },
    byGoldKind: kinds.map((kind) => {
      const of = results.filter((r) => r.type === kind);
      const hit = of.filter((r) => r.overlappedBy.length > 0).length;
      const same = EXTRACTED.has(kind) ? of.filter((r) => r.overlappedBy.includes(kind)).length : null;
      return { kind, gold: of.length, overlapped: hit, overlappedBySameKind: same, recall: ratio(hit, of.length) };
    }),
    byCandidateKind: [...EXTRACTED].map((kind) => {
      const of = claims.filter((c) => c.kind === kind);
      return { kind, candidates: of.length, overlappingGold: of.filter((c) => !unmatched.includes(c)).length };
    }),
    spellingSuggestions: { checked: spelling.length, matching: spelling.filter((r) => r.suggestionMatches).length },
    missed: results
      .filter((r) => r.start !== null && r.overlappedBy.length === 0)
      .map(({ sentence, type, quote }) => ({ sentence, type, quote })),
    unmatched: unmatched.map((c) => ({ sentence: c.sentenceIndex, kind: c.kind, quote: c.quote })),
    unlocated: results.filter((r) => r.start === null).map(({ sentence, quote }) => ({ sentence, quote })),
  };
  return { report, results, claims };
}

// "noong" fixes "noong 1993"; "United States" fixes "United States"; case and spacing aside.
function sameFix(suggestion: string, correction: string): boolean {
  const norm = (x: string) =>
    x
      .toLowerCase()
      .replace(/[_\s]+/g, ' ')
      .trim();
  return norm(correction).includes(norm(suggestion)) || norm(suggestion).includes(norm(correction));
}

function print(report: EvalReport): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const o = report.overall;
  console.log(
    `language ${report.language}; sentences ${report.sentences.found}/${report.sentences.expected} (${report.sentences.matchingLines} match their line)`,
  );
  console.log(`\ngold kind     gold  overlapped  same kind  recall`);
  for (const k of report.byGoldKind) {
    console.log(
      `${k.kind.padEnd(12)} ${String(k.gold).padStart(5)} ${String(k.overlapped).padStart(11)} ${String(k.overlappedBySameKind ?? '-').padStart(10)}  ${pct(k.recall)}`,
    );
  }
  console.log(
    `${'overall'.padEnd(12)} ${String(o.gold).padStart(5)} ${String(o.overlapped).padStart(11)} ${''.padStart(10)}  ${pct(o.recall)}`,
  );
  console.log(`\ncandidate kind  candidates  overlapping gold`);
  for (const k of report.byCandidateKind)
    console.log(`${k.kind.padEnd(14)} ${String(k.candidates).padStart(11)} ${String(k.overlappingGold).padStart(17)}`);
  console.log(`\ncandidates ${o.candidates} (${o.candidatesPerGold} per gold claim); ${o.unmatchedCandidates} overlap no gold claim`);
  console.log(
    `spelling suggestions matching the researched correction: ${report.spellingSuggestions.matching}/${report.spellingSuggestions.checked}`,
  );
  console.log(`\nmissed gold claims (${report.missed.length}):`);
  for (const m of report.missed) console.log(`  s${m.sentence} ${m.type.padEnd(11)} ${m.quote}`);
  console.log(`\ncandidates overlapping no gold claim (${report.unmatched.length}):`);
  for (const u of report.unmatched) console.log(`  s${u.sentence} ${u.kind.padEnd(11)} ${u.quote}`);
  if (report.unlocated.length > 0) console.log(`gold quotes not found in their line: ${report.unlocated.length}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [textFile = 'tests/fixtures/iraq_tl.txt', goldFile = 'tests/fixtures/iraq_tl.gold.jsonl', out = 'docs/extraction-eval.json'] =
    process.argv.slice(2);
  const { report, results } = evaluate(readFileSync(textFile, 'utf8'), readGold(readFileSync(goldFile, 'utf8')));
  print(report);
  const perClaim = results.map(({ sentence, type, quote, overlappedBy, suggestionMatches }) => ({
    sentence,
    type,
    quote,
    overlappedBy,
    ...(suggestionMatches === null ? {} : { suggestionMatches }),
  }));
  const planted = 'tests/fixtures/findings-planted.jsonl';
  const findings = evaluateFindings(readPlanted(readFileSync(planted, 'utf8')));
  printFindings(findings);
  writeFileSync(
    out,
    `${JSON.stringify({ text: textFile, gold: goldFile, ...report, perClaim, findings: { planted, ...findings } }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out}`);
}
