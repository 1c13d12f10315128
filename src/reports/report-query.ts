import { errorVerdicts, type Verdict } from '../claims/claim-vocabulary.js';
import { invalid } from '../http/errors.js';
import { compileValidator } from '../http/validation.js';
import type { ReportFilter } from './report.js';

export const documentFormats = ['html', 'md', 'csv', 'json', 'claimreview', 'newsarticle', 'corrected', 'redline'] as const;
export type DocumentFormat = (typeof documentFormats)[number];
export const workspaceFormats = ['csv', 'json'] as const;
export type WorkspaceFormat = (typeof workspaceFormats)[number];

export interface DocumentReportQuery {
  format?: DocumentFormat;
  includeOpen?: boolean;
}

export interface WorkspaceReportQuery {
  format?: WorkspaceFormat;
  document?: number;
  from?: string;
  to?: string;
  verdict?: Verdict[];
  includeOpen?: boolean;
}

const includeOpen = { type: 'boolean' };

// Query strings arrive as text: the 'form' validator coerces `includeOpen=true` and `document=3`.
const validateDocumentQuery = compileValidator<DocumentReportQuery>(
  { type: 'object', additionalProperties: false, properties: { format: { enum: [...documentFormats] }, includeOpen } },
  'form',
);

const validateWorkspaceQuery = compileValidator<WorkspaceReportQuery>(
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      format: { enum: [...workspaceFormats] },
      document: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
      from: { type: 'string', format: 'date' },
      to: { type: 'string', format: 'date' },
      verdict: { type: 'array', items: { enum: [...errorVerdicts] }, maxItems: 10 },
      includeOpen,
    },
  },
  'form',
);

/** Empty query fields mean "not given", as for forms (the filter form submits blank dates). */
function present(query: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((query as Record<string, unknown>) ?? {})) {
    if (value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/** `?format=md&includeOpen=true` → the checked query, or a 400 naming the field. */
export function parseDocumentQuery(query: unknown): DocumentReportQuery {
  return validateDocumentQuery(present(query));
}

/** `?document=3&from=2025-01-01&to=…&verdict=typo,inaccurate` (or repeated `verdict=`) → the checked query. */
export function parseWorkspaceQuery(query: unknown): WorkspaceReportQuery {
  const values = present(query);
  if (values.verdict !== undefined) {
    values.verdict = [values.verdict]
      .flat()
      .flatMap((v) => String(v).split(','))
      .map((v) => v.trim())
      .filter(Boolean);
  }
  const parsed = validateWorkspaceQuery(values);
  if (parsed.from && parsed.to && parsed.from > parsed.to) throw invalid('to', 'must be on or after from');
  return parsed;
}

/** Verdicts on facts: what ClaimReview publishes (a typo is not a fact check). */
export const factVerdicts: readonly Verdict[] = ['inaccurate', 'misleading', 'needs_context', 'accurate', 'unverifiable'];

/**
 * The claims a document report lists: those needing action, plus open ones on request;
 * ClaimReview instead publishes every decided fact check, whatever its verdict.
 */
export function documentFilter(documentId: number, query: DocumentReportQuery): ReportFilter {
  if (query.format === 'claimreview') return { documentId, verdicts: factVerdicts, includeOpen: false };
  return { documentId, verdicts: errorVerdicts, includeOpen: query.includeOpen ?? false };
}

export function workspaceFilter(query: WorkspaceReportQuery): ReportFilter {
  return {
    ...(query.document ? { documentId: query.document } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    verdicts: query.verdict?.length ? [...new Set(query.verdict)] : errorVerdicts,
    includeOpen: query.includeOpen ?? false,
  };
}
