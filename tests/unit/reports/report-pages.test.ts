import { describe, expect, it } from 'vitest';
import { type Cursor, pages } from '../../../src/reports/report-claims.repository.js';

type Row = { id: number; start: number };

/** Keyset pages over `rows` (already in text order), recording the cursor each fetch was given. */
const paged = async (rows: Row[], limit: number) => {
  const cursors: (Cursor | null)[] = [];
  const fetch = async (after: Cursor | null) => {
    cursors.push(after);
    const rest = after ? rows.filter((r) => r.start > after.start || (r.start === after.start && r.id > after.id)) : rows;
    return rest.slice(0, limit);
  };
  const got: Row[][] = [];
  for await (const page of pages(fetch, (r) => r.id, limit)) got.push(page);
  return { got, cursors };
};

describe('reading every page in turn', () => {
  it('yields no empty page when the rows fill the last page exactly', async () => {
    const rows = [
      { id: 4, start: 0 },
      { id: 2, start: 10 },
      { id: 9, start: 10 },
      { id: 1, start: 25 },
    ];
    const { got, cursors } = await paged(rows, 2);
    expect(got).toEqual([
      [
        { id: 4, start: 0 },
        { id: 2, start: 10 },
      ],
      [
        { id: 9, start: 10 },
        { id: 1, start: 25 },
      ],
    ]);
    // A full page may not be the last, so one more fetch finds nothing.
    expect(cursors).toEqual([null, { start: 10, id: 2 }, { start: 25, id: 1 }]);
  });

  it('yields nothing at all when there are no rows', async () => {
    expect(await paged([], 2)).toEqual({ got: [], cursors: [null] });
  });

  it('stops after a short page without fetching again', async () => {
    const { got, cursors } = await paged([{ id: 3, start: 5 }], 2);
    expect(got).toEqual([[{ id: 3, start: 5 }]]);
    expect(cursors).toEqual([null]);
  });
});
