import { diffWords } from 'diff';
import type { Note } from '../../notes/note.js';
import type { Source } from '../../sources/source.js';
import type { Claim } from '../../claims/claim.js';
import { kindLabels, stanceLabels, statusLabels, verdictLabels } from '../../claims/claim-vocabulary.js';

/** One field of the edit-conflict page: the current (theirs) and the submitted (yours) value. */
export interface ConflictRow {
  label: string;
  theirs: string;
  /** null when the field was not part of the submitted change. */
  yours: string | null;
  differs: boolean;
  /** Word-level differences for longer texts, so the reader sees what exactly differs. */
  diff: { value: string; added: boolean; removed: boolean }[] | null;
}

export interface ConflictView {
  heading: string;
  message: string;
  back: { href: string; text: string };
  theirsUpdatedAt: Date | null;
  rows: ConflictRow[];
  /** The one-click form that re-sends the submitted values on top of the current version. */
  resubmit: { action: string; fields: [string, string][]; button: string };
}

type Submitted = Record<string, unknown>;
const NOTHING = '';
const text = (v: unknown) => (v === null || v === undefined ? NOTHING : String(v));
const label = (labels: Record<string, string>, v: unknown) => (v ? (labels[String(v)] ?? String(v)) : NOTHING);

function row(
  name: string,
  theirs: string,
  submitted: Submitted,
  key: string,
  show: (v: unknown) => string = text,
  long = false,
): ConflictRow {
  const yours =
    key in submitted ? show(typeof submitted[key] === 'string' && String(submitted[key]).trim() === '' ? null : submitted[key]) : null;
  const differs = yours !== null && yours !== theirs;
  const diff =
    differs && long && theirs && yours
      ? diffWords(theirs, yours).map((p) => ({ value: p.value, added: !!p.added, removed: !!p.removed }))
      : null;
  return { label: name, theirs, yours, differs, diff };
}

/**
 * The fields the user actually changed: those that differ from the `base` snapshot the edit form
 * was rendered with (a hidden field). Re-sending only these keeps the other person's changes to
 * the rest. Without a readable base, every submitted field counts as changed.
 */
export function changedFields(values: Submitted): Submitted {
  const { base, ...submitted } = values;
  const before = parseBase(base);
  if (!before) return submitted;
  return Object.fromEntries(Object.entries(submitted).filter(([k, v]) => k === 'version' || !(k in before) || text(v) !== text(before[k])));
}

function parseBase(base: unknown): Record<string, unknown> | null {
  if (typeof base !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(base);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null; // a mangled hidden field: fall back to treating everything as changed
  }
}

/** The submitted fields, re-sent with the current version instead of the stale one. */
function resend(submitted: Submitted, version: number): [string, string][] {
  const fields = Object.entries(submitted).filter(
    ([k, v]) => k !== '_csrf' && k !== 'version' && (typeof v === 'string' || typeof v === 'number'),
  );
  return [...fields.map(([k, v]): [string, string] => [k, String(v)]), ['version', String(version)]];
}

/** The review form (status, verdicts, correction, explanation, assignee) against the current claim. */
export function claimReviewConflict(current: Claim, values: Submitted, names: ReadonlyMap<number, string>): ConflictView {
  const submitted = changedFields(values);
  // Resolving needs its verdict even when the verdict select was left as it was shown.
  if ('status' in submitted && 'verdict' in values) submitted.verdict = values.verdict;
  const person = (v: unknown) => (v ? (names.get(Number(v)) ?? `user #${String(v)}`) : NOTHING);
  return {
    heading: `Claim #${current.id} changed while you were editing`,
    message:
      'Someone saved this claim after you opened it. Compare the two versions; “Apply my change again” saves the fields you changed on top of the current version and leaves the rest as it is now.',
    back: { href: `/claims/${current.id}`, text: 'Discard my change and open the current claim' },
    theirsUpdatedAt: current.updatedAt,
    rows: [
      row('Status', label(statusLabels, current.status), submitted, 'status', (v) => label(statusLabels, v)),
      row('Verdict', label(verdictLabels, current.verdict), submitted, 'verdict', (v) => label(verdictLabels, v)),
      row('Proposed verdict', label(verdictLabels, current.proposedVerdict), submitted, 'proposedVerdict', (v) => label(verdictLabels, v)),
      row('Proposed correction', text(current.correction), submitted, 'correction', text, true),
      row('Explanation', text(current.explanation), submitted, 'explanation', text, true),
      row('Assignee', person(current.assigneeId), submitted, 'assigneeId', person),
      row('Kind', label(kindLabels, current.kind), submitted, 'kind', (v) => label(kindLabels, v)),
    ],
    resubmit: { action: `/claims/${current.id}`, fields: resend(submitted, current.version), button: 'Apply my change again' },
  };
}

const actionWords = { merge: 'merge it', split: 'split it', dismiss: 'dismiss it', reuse: 'reuse a review for it' } as const;

/** Merge, split or dismiss based on an old version: show the claim as it is now and offer to do it anyway. */
export function claimActionConflict(current: Claim, action: keyof typeof actionWords, submitted: Submitted): ConflictView {
  return {
    heading: `Claim #${current.id} changed before you could ${actionWords[action]}`,
    message: `Someone saved this claim after you opened it. Check the current version below before you ${actionWords[action]}.`,
    back: { href: `/claims/${current.id}`, text: 'Cancel and open the current claim' },
    theirsUpdatedAt: current.updatedAt,
    rows: [
      { label: 'Passage', theirs: current.quote, yours: null, differs: false, diff: null },
      { label: 'Status', theirs: label(statusLabels, current.status), yours: null, differs: false, diff: null },
      { label: 'Verdict', theirs: label(verdictLabels, current.verdict), yours: null, differs: false, diff: null },
    ],
    resubmit: {
      action: `/claims/${current.id}/${action}`,
      fields: resend(submitted, current.version),
      button: `${action[0]!.toUpperCase()}${action.slice(1)} it anyway`,
    },
  };
}

/** A source edit or removal based on an old version of the source. */
export function sourceConflict(current: Source, values: Submitted, mode: 'edit' | 'delete'): ConflictView {
  const submitted = changedFields(values);
  const rows = [
    row('URL', current.url, submitted, 'url'),
    row('Title', text(current.title), submitted, 'title', text, true),
    row('Publisher', text(current.publisher), submitted, 'publisher'),
    row('Published', text(current.publishedOn), submitted, 'publishedOn'),
    row('Excerpt', text(current.excerpt), submitted, 'excerpt', text, true),
    row('Stance', label(stanceLabels, current.stance), submitted, 'stance', (v) => label(stanceLabels, v)),
  ];
  return {
    heading: mode === 'edit' ? 'This source changed while you were editing it' : 'This source changed before you removed it',
    message: 'Someone saved this source after you opened the claim. Compare the versions before you go on.',
    back: { href: `/claims/${current.claimId}`, text: 'Cancel and open the claim' },
    theirsUpdatedAt: current.updatedAt,
    rows,
    resubmit: {
      action: mode === 'edit' ? `/sources/${current.id}` : `/sources/${current.id}/delete`,
      fields: resend(submitted, current.version),
      button: mode === 'edit' ? 'Apply my change again' : 'Remove it anyway',
    },
  };
}

/** A note edit based on an old version of the note. */
export function noteConflict(current: Note, submitted: Submitted): ConflictView {
  return {
    heading: 'This note changed while you were editing it',
    message: 'The note was saved again after you opened it (in another tab, perhaps). Compare the versions.',
    back: { href: `/claims/${current.claimId}`, text: 'Discard my change and open the claim' },
    theirsUpdatedAt: current.editedAt ?? current.createdAt,
    rows: [row('Note', current.body, submitted, 'body', text, true)],
    resubmit: { action: `/notes/${current.id}`, fields: resend(submitted, current.version), button: 'Apply my change again' },
  };
}
