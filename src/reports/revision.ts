import type { Config } from '../config.js';

/** One published revision of a document's corrections, as it was published. */
export interface CorrectionRevision {
  id: number;
  documentId: number;
  /** 1 for the first publication; each later one is an "Updated correction". */
  number: number;
  note: string;
  correctedText: string;
  claimIds: number[];
  publishedAt: Date;
  publishedBy: { id: number | null; name: string };
}

/** A revision in the public log: with the article it corrects. */
export interface PublishedCorrection extends CorrectionRevision {
  title: string;
  sourceUrl: string | null;
  language: string;
}

export const revisionLabel = (r: Pick<CorrectionRevision, 'number'>) => (r.number === 1 ? 'Correction' : 'Updated correction');

/**
 * Where claimdesk is read from outside: PUBLIC_URL, or else the address it listens on (so links in
 * feeds and structured data are always absolute, as Atom and schema.org want them).
 */
export function publicAddress(config: Pick<Config, 'publicUrl' | 'host' | 'port'>, path: string): string {
  const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** The public address of one revision: its entry in the corrections log. */
export const revisionPath = (r: Pick<CorrectionRevision, 'documentId' | 'number'>) => `/corrections#correction-${r.documentId}-${r.number}`;

/** The API shape of a revision. */
export function revisionJson(r: CorrectionRevision, config: Pick<Config, 'publicUrl' | 'host' | 'port'>) {
  return {
    id: r.id,
    documentId: r.documentId,
    number: r.number,
    label: revisionLabel(r),
    note: r.note,
    correctedText: r.correctedText,
    claims: r.claimIds,
    publishedAt: r.publishedAt.toISOString(),
    publishedBy: r.publishedBy,
    url: publicAddress(config, revisionPath(r)),
  };
}
