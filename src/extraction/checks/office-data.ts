/**
 * Terms of office from the curated JSON files in ../offices/ (one file per country or body, each
 * with its public source). The tests validate every file against ../offices/schema.json; here a
 * row that is not the right shape is skipped, so a bad edit can never stop extraction.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface Holder {
  readonly name: string;
  readonly from: string;
  /** Null while in office. */
  readonly to: string | null;
}

export interface Office {
  readonly office: string;
  readonly country: string;
  readonly source: string;
  /** Lower-cased words and phrases that name the country ("american", "u.s."). */
  readonly places: ReadonlySet<string>;
  readonly titles: readonly string[];
  readonly coveredFrom: string;
  readonly holders: readonly Holder[];
}

export interface OfficeBook {
  readonly offices: readonly Office[];
  /** Normalised title ("prime minister") → offices with that title. */
  readonly byTitle: ReadonlyMap<string, readonly Office[]>;
  /** Normalised name or variant ("george h w bush", "pnoy") → the terms it can mean. */
  readonly byName: ReadonlyMap<string, readonly { office: Office; holder: Holder }[]>;
  readonly titles: readonly string[];
}

export const OFFICE_DIR = new URL('../offices/', import.meta.url);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "George H. W. Bush" → "george h w bush"; "Ki-moon" → "ki moon". */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[.\u2019'’]/g, ' ')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

let book: OfficeBook | undefined;

/** Every office file, loaded once. */
export function officeBook(): OfficeBook {
  book ??= buildBook(readOfficeFiles());
  return book;
}

/** The parsed JSON of every office file (for the schema test and the book). */
export function readOfficeFiles(dir: URL = OFFICE_DIR): { file: string; data: unknown }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .sort()
    .map((file) => ({ file, data: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown }));
}

function buildBook(files: readonly { data: unknown }[]): OfficeBook {
  const offices: Office[] = [];
  const byTitle = new Map<string, Office[]>();
  const byName = new Map<string, { office: Office; holder: Holder }[]>();
  for (const { data } of files) {
    const d = data as Record<string, unknown>;
    if (typeof d?.source !== 'string' || typeof d.country !== 'string' || !Array.isArray(d.offices)) continue;
    const places = new Set(strings(d.places).map((p) => p.toLowerCase()));
    for (const o of d.offices as Record<string, unknown>[]) {
      if (typeof o?.office !== 'string' || typeof o.coveredFrom !== 'string' || !Array.isArray(o.holders)) continue;
      const holders = (o.holders as Record<string, unknown>[]).filter(isHolder);
      const office: Office = {
        office: o.office,
        country: d.country,
        source: d.source,
        places,
        titles: strings(o.titles),
        coveredFrom: o.coveredFrom,
        holders,
      };
      offices.push(office);
      for (const title of office.titles) push(byTitle, normaliseName(title), office);
      for (const h of holders) {
        const raw = (o.holders as Record<string, unknown>[]).find((r) => r.name === h.name && r.from === h.from);
        for (const n of new Set([h.name, ...strings(raw?.variants)].map(normaliseName))) push(byName, n, { office, holder: h });
      }
    }
  }
  const titles = [...byTitle.keys()];
  return { offices, byTitle, byName, titles };
}

function isHolder(r: Record<string, unknown>): r is Record<string, unknown> & Holder {
  return (
    typeof r?.name === 'string' &&
    typeof r.from === 'string' &&
    DAY.test(r.from) &&
    (r.to === null || (typeof r.to === 'string' && DAY.test(r.to)))
  );
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
