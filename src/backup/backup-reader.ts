import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ValidationError } from '../http/errors.js';
import { backupTables } from './backup-tables.js';
import { rowValidators, validateEnd, validateHeader, type BackupHeader } from './backup.schema.js';

/** What the reader hands on: the header, each row as the exact JSON text in the file, the end. */
export type BackupPart =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'row'; table: string; json: string }
  | { kind: 'end'; rows: Record<string, number> };

export class BackupFileError extends Error {
  readonly status = 1;
  constructor(file: string, line: number, message: string) {
    super(`${file}, line ${line}: ${message}`);
    this.name = 'BackupFileError';
  }
}

/**
 * Reads a backup file line by line (memory stays flat however large it is) and checks every part
 * against its piece of the backup JSON Schema as it goes: the header, each table's rows in
 * restore order, and the closing row counts. Throws a BackupFileError naming the line and the
 * field on the first problem, including a file cut short.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupPart> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  const fail = (message: string): never => {
    throw new BackupFileError(file, lineNo, message);
  };
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return fail('is not valid JSON (was the file edited or cut short?)');
    }
  };
  const check = <T>(validate: (v: unknown) => T, value: unknown, what: string): T => {
    try {
      return validate(value);
    } catch (err) {
      if (err instanceof ValidationError) fail(`${what}: ${err.message}`);
      throw err;
    }
  };
  let tableIndex = -1;
  let inTable = false;
  const counts: Record<string, number> = {};
  for await (const line of lines) {
    lineNo += 1;
    if (lineNo === 1) {
      if (!line.startsWith('{"claimdesk":') || !line.endsWith(','))
        fail('this is not a claimdesk backup (it must start with {"claimdesk": …)');
      yield { kind: 'header', header: check(validateHeader, parse(line.slice('{"claimdesk":'.length, -1)), 'header') };
      continue;
    }
    const table = backupTables[tableIndex];
    if (inTable && table) {
      if (line === '],') {
        inTable = false;
        continue;
      }
      const json = line.endsWith(',') ? line.slice(0, -1) : line;
      if (!json.startsWith('{')) fail(`expected a ${table.name} row or "],"`);
      check(rowValidators.get(table.name)!, parse(json), `${table.name} row ${(counts[table.name] ?? 0) + 1}`);
      counts[table.name] = (counts[table.name] ?? 0) + 1;
      yield { kind: 'row', table: table.name, json };
      continue;
    }
    const next = backupTables[tableIndex + 1];
    if (next && line === `${JSON.stringify(next.name)}:[`) {
      tableIndex += 1;
      inTable = true;
      counts[next.name] = 0;
      continue;
    }
    if (next) fail(`expected the ${next.name} table ("${next.name}":[) here`);
    if (!line.startsWith('"end":') || !line.endsWith('}')) fail('expected the closing "end" line');
    const end = check(validateEnd, parse(line.slice('"end":'.length, -1)), 'end');
    for (const t of backupTables)
      if (end.rows[t.name] !== counts[t.name]) fail(`${t.name} has ${counts[t.name]} rows but the file says ${end.rows[t.name]}`);
    yield { kind: 'end', rows: end.rows };
    return;
  }
  fail(lineNo === 0 ? 'the file is empty' : 'the file ends early: the backup is incomplete');
}
