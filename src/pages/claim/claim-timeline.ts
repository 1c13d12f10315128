import type { ClaimEvent } from '../../history/event.js';
import { actionLabels } from '../../history/event.js';
import { kindLabels, stanceLabels, statusLabels, verdictLabels } from '../../claims/claim-vocabulary.js';

/** One history entry in words: who did what, and each field's from → to. */
export interface TimelineEntry {
  id: number;
  who: string;
  what: string;
  at: Date;
  /** A claim this entry refers to (merged from, split into), linked from the timeline. */
  link: { href: string; text: string } | null;
  changes: { field: string; from: string; to: string }[];
  /** A quoted text that goes with the entry (a note's body, a source's title). */
  excerpt: string | null;
}

const fieldLabels: Record<string, string> = {
  status: 'status',
  verdict: 'verdict',
  proposedVerdict: 'proposed verdict',
  correction: 'correction',
  explanation: 'explanation',
  correctionScope: 'what the correction replaces',
  claimStatement: 'claim statement',
  assigneeId: 'assignee',
  kind: 'kind',
  quote: 'passage',
  url: 'URL',
  title: 'title',
  publisher: 'publisher',
  publishedOn: 'published date',
  excerpt: 'excerpt',
  stance: 'stance',
  body: 'text',
};
const NONE = 'nothing';
const short = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);

function valueInWords(field: string, value: unknown, names: ReadonlyMap<number, string>): string {
  if (value === null || value === undefined || value === '') return NONE;
  if (field === 'status') return statusLabels[value as keyof typeof statusLabels] ?? String(value);
  if (field === 'verdict' || field === 'proposedVerdict') return verdictLabels[value as keyof typeof verdictLabels] ?? String(value);
  if (field === 'kind') return kindLabels[value as keyof typeof kindLabels] ?? String(value);
  if (field === 'stance') return stanceLabels[value as keyof typeof stanceLabels] ?? String(value);
  if (field === 'assigneeId') return names.get(Number(value)) ?? `user #${String(value)}`;
  return short(String(value));
}

function changesOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null, names: ReadonlyMap<number, string>) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => k in fieldLabels);
  return keys
    .filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null))
    .map((k) => ({ field: fieldLabels[k]!, from: valueInWords(k, before?.[k], names), to: valueInWords(k, after?.[k], names) }));
}

function updatedWhat(before: Record<string, unknown>, after: Record<string, unknown>): string {
  if (!('status' in after)) return 'changed';
  const from = before.status;
  if (after.status === 'resolved') return 'resolved the claim';
  if (after.status === 'dismissed') return 'dismissed the claim';
  if (from === 'resolved' || from === 'dismissed') return 'reopened the claim';
  return after.status === 'in_review' ? 'started reviewing' : 'changed';
}

const claimLink = (id: unknown) => (typeof id === 'number' ? { href: `/claims/${id}`, text: `claim #${id}` } : null);

/** Turns stored history into sentences for the claim page; `names` maps user ids to names. */
export function describeEvent(e: ClaimEvent, names: ReadonlyMap<number, string>): TimelineEntry {
  const before = e.before ?? {};
  const after = e.after ?? {};
  const entry: TimelineEntry = {
    id: e.id,
    who: e.actorName ?? (e.actorId === null ? 'claimdesk' : 'a former user'),
    what: actionLabels[e.action] ?? e.action,
    at: e.createdAt,
    link: null,
    changes: [],
    excerpt: null,
  };
  switch (e.action) {
    case 'claim.created':
      return { ...entry, what: after.origin === 'manual' ? 'marked this passage as a claim' : 'flagged the claim (automatic extraction)' };
    case 'claim.updated':
      // A bulk dismissal stores the reason it was asked for; the history is where a reviewer looks for why.
      return {
        ...entry,
        what: updatedWhat(before, after),
        changes: changesOf(before, after, names),
        excerpt: typeof after.reason === 'string' ? short(after.reason) : null,
      };
    case 'claim.merged': {
      const absorbed = (before.absorbed ?? {}) as Record<string, unknown>;
      const survivor = (before.survivor ?? {}) as Record<string, unknown>;
      const moved = `${Number(after.movedSources ?? 0)} source(s) and ${Number(after.movedNotes ?? 0)} note(s) moved here`;
      return {
        ...entry,
        what: `merged in the neighbouring claim; ${moved}`,
        link: claimLink(absorbed.id),
        changes: changesOf({ quote: survivor.quote }, { quote: after.quote }, names),
        excerpt: typeof absorbed.quote === 'string' ? short(absorbed.quote) : null,
      };
    }
    case 'claim.split':
      if (typeof after.splitFrom === 'number')
        return {
          ...entry,
          what: 'split this passage off another claim',
          link: claimLink(after.splitFrom),
          excerpt: typeof after.quote === 'string' ? short(after.quote) : null,
        };
      return {
        ...entry,
        what: 'split the claim; the second part is now a claim of its own',
        link: claimLink(after.newClaimId),
        changes: changesOf({ quote: before.quote }, { quote: after.quote }, names),
      };
    case 'claim.reused':
      return {
        ...entry,
        what: `reused the review of claim #${String(after.reusedFrom)}`,
        link: claimLink(after.reusedFrom),
        changes: changesOf(before, after, names),
      };
    case 'source.added':
      return {
        ...entry,
        what: `added a source (${valueInWords('stance', after.stance, names)})`,
        excerpt: short(String(after.title ?? after.url ?? '')),
      };
    case 'source.edited':
      return { ...entry, changes: changesOf(before, after, names), excerpt: short(String(after.title ?? after.url ?? '')) };
    case 'source.removed':
      return { ...entry, excerpt: short(String(before.title ?? before.url ?? '')) };
    case 'note.added':
      return { ...entry, excerpt: short(String(after.body ?? '')) };
    case 'note.edited':
      return { ...entry, changes: changesOf(before, after, names) };
    default:
      return { ...entry, changes: changesOf(before, after, names) };
  }
}
