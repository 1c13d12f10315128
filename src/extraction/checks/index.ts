/**
 * The pre-checks: what is probably wrong in a text, with the evidence — offices at a date, dates,
 * figures, and spelling against real dictionaries. Each check is a pure function of the text and
 * what the detectors read; none throws on data it does not cover.
 */
import type { CheckInput, PlacedFinding } from './check-input.js';
import { checkDates } from './dates.js';
import { checkFigures } from './figures.js';
import { checkFiguresAcross } from './figures-across.js';
import { checkOffices } from './offices.js';
import { checkSpelling } from './spelling.js';

export type { CheckInput, PlacedFinding } from './check-input.js';
export { attachFindings } from './attach.js';

/** Runs every check; findings come back in no particular order. */
export function runChecks(input: CheckInput): PlacedFinding[] {
  return [...checkOffices(input), ...checkDates(input), ...checkFigures(input), ...checkFiguresAcross(input), ...checkSpelling(input)];
}
