import { compileValidator, type Validator } from '../http/validation.js';
import { backupTables, type BackupTable, type ColumnType } from './backup-tables.js';

export const BACKUP_FORMAT = 'claimdesk-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The migrations applied to the database it was taken from, in order. */
  migrations: string[];
  withSecrets: boolean;
}

export interface BackupEnd {
  rows: Record<string, number>;
}

const int = { type: 'integer', minimum: -2_147_483_648, maximum: 2_147_483_647 };
const typeSchemas: Record<ColumnType, Record<string, unknown>> = {
  int4: int,
  float4: { type: 'number' },
  bool: { type: 'boolean' },
  text: { type: 'string' },
  // Postgres' own ISO form, microseconds included: "2026-11-25T17:13:35.123456+00:00".
  timestamptz: {
    type: 'string',
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?[+-]\\d{2}:\\d{2}$',
    description: 'must be a timestamp such as 2026-11-25T17:13:35.123456+00:00',
  },
  date: { type: 'string', format: 'date' },
  jsonb: {},
  _int4: { type: 'array', items: int },
};

/** The JSON Schema of one table's rows: exactly its stored columns, with their types. */
export function rowSchema(table: BackupTable): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const [column, spec] of Object.entries(table.columns)) {
    const nullable = spec.endsWith('?');
    const base = typeSchemas[spec.replace('?', '') as ColumnType];
    properties[column] = nullable ? { anyOf: [base, { type: 'null' }] } : base;
    if (!nullable && !table.secret.includes(column)) required.push(column);
  }
  return { type: 'object', additionalProperties: false, required, properties };
}

const headerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'formatVersion', 'migrations', 'withSecrets'],
  properties: {
    format: { const: BACKUP_FORMAT },
    formatVersion: { const: BACKUP_FORMAT_VERSION },
    migrations: {
      type: 'array',
      items: { type: 'string', pattern: '^\\d{4}_[\\w-]+\\.sql$', description: 'must be a migration file name' },
    },
    withSecrets: { type: 'boolean' },
  },
};

const endSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rows'],
  properties: {
    rows: {
      type: 'object',
      additionalProperties: false,
      required: backupTables.map((t) => t.name),
      properties: Object.fromEntries(backupTables.map((t) => [t.name, { type: 'integer', minimum: 0 }])),
    },
  },
};

/**
 * The whole file as one JSON Schema (documented in docs/RELIABILITY.md): `claimdesk` (the
 * header), one array per table in restore order, and `end` with the row counts.
 */
export const backupFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['claimdesk', ...backupTables.map((t) => t.name), 'end'],
  properties: {
    claimdesk: headerSchema,
    ...Object.fromEntries(backupTables.map((t) => [t.name, { type: 'array', items: rowSchema(t) }])),
    end: endSchema,
  },
};

// Restore reads the file a line at a time, so it checks each part against its piece of the schema.
export const validateHeader: Validator<BackupHeader> = compileValidator<BackupHeader>(headerSchema);
export const validateEnd: Validator<BackupEnd> = compileValidator<BackupEnd>(endSchema);
export const rowValidators: ReadonlyMap<string, Validator<Record<string, unknown>>> = new Map(
  backupTables.map((t) => [t.name, compileValidator<Record<string, unknown>>(rowSchema(t))]),
);
