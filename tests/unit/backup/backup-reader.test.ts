// The reader of a backup file, line by line, on small hand-made files: what it yields for a whole
// file, and the exact message (with its line number) for each way a file can be damaged. The
// layout is the writer's (src/backup/backup.ts): a header line, one `"table":[` … `],` block per
// table in restore order with one row per line, and the closing `"end":` line with the counts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupFileError, type BackupPart, readBackup } from '../../../src/backup/backup-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-backup-reader-'));
let fileCount = 0;

/** Writes `text` to a new file of the temp dir and returns its path. */
function backupFile(text: string): string {
  fileCount += 1;
  const file = join(dir, `backup-${fileCount}.json`);
  writeFileSync(file, text);
  return file;
}

async function readAll(file: string): Promise<BackupPart[]> {
  const parts: BackupPart[] = [];
  for await (const part of readBackup(file)) parts.push(part);
  return parts;
}

/** The BackupFileError reading `file` throws (fails the test when the file is accepted). */
async function refusal(file: string): Promise<BackupFileError> {
  try {
    await readAll(file);
  } catch (e) {
    expect(e).toBeInstanceOf(BackupFileError);
    return e as BackupFileError;
  }
  throw new Error(`${file} was accepted`);
}

/** The message reading `lines` (joined as the writer does, with a final newline) fails with. */
async function messageFor(lines: string[]): Promise<string> {
  const file = backupFile(`${lines.join('\n')}\n`);
  return (await refusal(file)).message.replace(file, '<file>');
}

const HEADER = '{"claimdesk":{"format":"claimdesk-backup","formatVersion":1,"migrations":["0001_initial.sql"],"withSecrets":false},';
// Rows as Postgres writes jsonb text: a space after each colon and comma, keys shortest first.
const ANA =
  '{"id": 1, "role": "admin", "email": "ana@example.org", "version": 1, "time_zone": null, "created_at": "2026-01-02T03:04:05.123456+00:00", "updated_at": "2026-01-02T03:04:05.123456+00:00", "disabled_at": null, "display_name": "Ana"}';
const BEN =
  '{"id": 2, "role": "checker", "email": "ben@example.org", "version": 3, "time_zone": "Europe/Paris", "created_at": "2026-01-03T00:00:00+00:00", "updated_at": "2026-01-04T00:00:00+00:00", "disabled_at": null, "display_name": "Ben"}';
const AUDIT =
  '{"id": 7, "ip": null, "action": "backup", "details": {}, "subject": null, "actor_id": 1, "created_at": "2026-01-05T00:00:00+00:00"}';
const END =
  '"end":{"rows":{"users":2,"documents":0,"claims":0,"claim_sources":0,"claim_notes":0,"claim_events":0,"correction_revisions":0,"audit_log":1}}}';

/** A whole, valid backup: two users, one audit entry, every other table empty. Line n is VALID[n - 1]. */
const VALID = [
  HEADER, // line 1
  '"users":[', // 2
  `${ANA},`, // 3
  BEN, // 4: the last row of a table has no comma
  '],', // 5
  '"documents":[', // 6
  '],', // 7
  '"claims":[', // 8
  '],', // 9
  '"claim_sources":[', // 10
  '],', // 11
  '"claim_notes":[', // 12
  '],', // 13
  '"claim_events":[', // 14
  '],', // 15
  '"correction_revisions":[', // 16
  '],', // 17
  '"audit_log":[', // 18
  AUDIT, // 19
  '],', // 20
  END, // 21
];

/** VALID with line `lineNo` (1-based) replaced by `text`, or removed when `text` is undefined. */
function withLine(lineNo: number, text: string | undefined): string[] {
  const lines = [...VALID];
  if (text === undefined) lines.splice(lineNo - 1, 1);
  else lines[lineNo - 1] = text;
  return lines;
}

describe('readBackup on a whole file', () => {
  it('yields the header, each row as its exact JSON text without the trailing comma, then the end counts', async () => {
    const parts = await readAll(backupFile(`${VALID.join('\n')}\n`));
    expect(parts).toEqual([
      { kind: 'header', header: { format: 'claimdesk-backup', formatVersion: 1, migrations: ['0001_initial.sql'], withSecrets: false } },
      { kind: 'row', table: 'users', json: ANA },
      { kind: 'row', table: 'users', json: BEN },
      { kind: 'row', table: 'audit_log', json: AUDIT },
      {
        kind: 'end',
        rows: {
          users: 2,
          documents: 0,
          claims: 0,
          claim_sources: 0,
          claim_notes: 0,
          claim_events: 0,
          correction_revisions: 0,
          audit_log: 1,
        },
      },
    ]);
  });

  it('reads a file without its final newline the same way', async () => {
    const parts = await readAll(backupFile(VALID.join('\n')));
    expect(parts.map((p) => p.kind)).toEqual(['header', 'row', 'row', 'row', 'end']);
  });
});

describe('readBackup on a damaged file: one message naming the line', () => {
  it('is a BackupFileError with exit status 1, its message starting with the file and line', async () => {
    const file = backupFile('hello\n');
    const error = await refusal(file);
    expect(error.name).toBe('BackupFileError');
    expect(error.status).toBe(1);
    expect(error.message).toBe(`${file}, line 1: this is not a claimdesk backup (it must start with {"claimdesk": …)`);
  });

  it('refuses an empty file at line 0', async () => {
    const file = backupFile('');
    expect((await refusal(file)).message).toBe(`${file}, line 0: the file is empty`);
  });

  it('says a file cut short ends early, naming its last line', async () => {
    expect(await messageFor(VALID.slice(0, 4))).toBe('<file>, line 4: the file ends early: the backup is incomplete');
    expect(await messageFor(VALID.slice(0, 20))).toBe('<file>, line 20: the file ends early: the backup is incomplete');
  });

  it('refuses a first line that does not start with {"claimdesk":, even when it ends with a comma', async () => {
    expect(
      await messageFor(withLine(1, '{"backup":{"format":"claimdesk-backup","formatVersion":1,"migrations":[],"withSecrets":false},')),
    ).toBe('<file>, line 1: this is not a claimdesk backup (it must start with {"claimdesk": …)');
  });

  it('refuses a header line without its trailing comma', async () => {
    expect(
      await messageFor(withLine(1, '{"claimdesk":{"format":"claimdesk-backup","formatVersion":1,"migrations":[],"withSecrets":false}}')),
    ).toBe('<file>, line 1: this is not a claimdesk backup (it must start with {"claimdesk": …)');
  });

  it('refuses a damaged header as not valid JSON', async () => {
    expect(await messageFor(withLine(1, '{"claimdesk":{"format":"claimdesk-backup","formatVersion":,'))).toBe(
      '<file>, line 1: is not valid JSON (was the file edited or cut short?)',
    );
  });

  it('refuses a header of another format version, naming the field', async () => {
    expect(
      await messageFor(withLine(1, '{"claimdesk":{"format":"claimdesk-backup","formatVersion":2,"migrations":[],"withSecrets":false},')),
    ).toBe('<file>, line 1: header: formatVersion: must be equal to constant');
  });

  it('refuses a missing table, naming the one expected there', async () => {
    // Without users' "users":[ line, the next line is a row where the table should open.
    expect(await messageFor(withLine(2, undefined))).toBe('<file>, line 2: expected the users table ("users":[) here');
    // documents (lines 6-7) left out: claims comes where documents should.
    const lines = [...VALID];
    lines.splice(5, 2);
    expect(await messageFor(lines)).toBe('<file>, line 6: expected the documents table ("documents":[) here');
  });

  it('refuses a row line that does not start with {', async () => {
    expect(await messageFor(withLine(4, `[${BEN}]`))).toBe('<file>, line 4: expected a users row or "],"');
  });

  it('refuses a table whose closing "]," is missing: the next table opens where a row or "]," must be', async () => {
    expect(await messageFor(withLine(5, undefined))).toBe('<file>, line 5: expected a users row or "],"');
  });

  it('refuses a row cut short as not valid JSON', async () => {
    expect(await messageFor(withLine(3, '{"id": 1, "role": "admin",'))).toBe(
      '<file>, line 3: is not valid JSON (was the file edited or cut short?)',
    );
  });

  it('refuses a row that breaks its table schema, naming the table, the row number and the field', async () => {
    expect(await messageFor(withLine(4, BEN.replace('"version": 3', '"version": "three"')))).toBe(
      '<file>, line 4: users row 2: version: must be an integer',
    );
  });

  it('refuses an extra table after the last one: the "end" line must come there', async () => {
    expect(await messageFor([...VALID.slice(0, 20), '"sessions":[', '],', END])).toBe('<file>, line 21: expected the closing "end" line');
  });

  it('refuses an "end" line that does not end with }: cut short, or followed by a comma', async () => {
    expect(await messageFor(withLine(21, '"end":{"rows":{"users":2'))).toBe('<file>, line 21: expected the closing "end" line');
    expect(await messageFor(withLine(21, `${END.slice(0, -1)},`))).toBe('<file>, line 21: expected the closing "end" line');
  });

  it('refuses a last line ending with } that is not the "end" line', async () => {
    expect(await messageFor(withLine(21, END.replace('"end":', '"fin":')))).toBe('<file>, line 21: expected the closing "end" line');
  });

  it('refuses an "end" line whose counts break its schema, naming the field', async () => {
    expect(await messageFor(withLine(21, END.replace('"audit_log":1}', '"audit_log":1,"sessions":4}')))).toBe(
      '<file>, line 21: end: rows.sessions: is not an allowed field',
    );
  });

  it('refuses an "end" line whose count of a table differs from the rows read', async () => {
    expect(await messageFor(withLine(21, END.replace('"users":2', '"users":3')))).toBe(
      '<file>, line 21: users has 2 rows but the file says 3',
    );
    expect(await messageFor(withLine(21, END.replace('"audit_log":1', '"audit_log":0')))).toBe(
      '<file>, line 21: audit_log has 1 rows but the file says 0',
    );
  });
});
