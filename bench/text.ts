/**
 * Article text for the benchmarks: paragraphs of mixed Tagalog and English news sentences with
 * figures, dates, names, quotations and legal references, drawn from a sentence bank by a seeded
 * generator so every run measures the same workspace.
 */

/** mulberry32: small, fast and good enough to make the same text on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TextGenerator {
  rand: () => number;
  pick<T>(xs: readonly T[]): T;
  int(lo: number, hi: number): number;
  /** One paragraph of 2–6 sentences in one language, ending in a newline. */
  paragraph(): string;
  /** Paragraphs until the text holds at least `chars` characters. */
  article(chars: number): string;
}

const FIRST = [
  'Maria',
  'Jose',
  'Andres',
  'Corazon',
  'Benigno',
  'Gloria',
  'Rodrigo',
  'Leni',
  'George',
  'Colin',
  'Kofi',
  'Tony',
  'Hans',
  'Saddam',
  'Condoleezza',
];
const LAST = [
  'Santos',
  'Reyes',
  'Cruz',
  'Bautista',
  'Aquino',
  'Ramos',
  'Bush',
  'Powell',
  'Annan',
  'Blair',
  'Blix',
  'Hussein',
  'Rice',
  'Villanueva',
  'Mendoza',
];
const PLACES = [
  'Iraq',
  'Kuwait',
  'Baghdad',
  'Basra',
  'Pilipinas',
  'Maynila',
  'Mindanao',
  'United States',
  'United Kingdom',
  'Iran',
  'Sirya',
  'Cebu',
  'Davao',
];
const ORGS = [
  'United Nations',
  'Security Council',
  'Pulang Krus',
  'World Bank',
  'Kagawaran ng Kalusugan',
  'Philippine Statistics Authority',
  'Reuters',
  'Associated Press',
  'Senado',
];
const TL_MONTHS = [
  'Enero',
  'Pebrero',
  'Marso',
  'Abril',
  'Mayo',
  'Hunyo',
  'Hulyo',
  'Agosto',
  'Setyembre',
  'Oktubre',
  'Nobyembre',
  'Disyembre',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const TL_NOUNS = ['sundalo', 'sibilyan', 'pamilya', 'mamamayan', 'manggagawa', 'estudyante', 'bahay', 'paaralan', 'ospital', 'barko'];
const EN_NOUNS = ['troops', 'civilians', 'families', 'refugees', 'workers', 'students', 'homes', 'schools', 'hospitals', 'ships'];
const TL_VERBS = ['namatay', 'lumikas', 'nasugatan', 'naapektuhan', 'nawalan ng tirahan', 'dumating', 'umalis'];
const EN_VERBS = ['were killed', 'fled', 'were injured', 'were affected', 'lost their homes', 'arrived', 'left'];

/** A generator whose sentences look like the articles claimdesk reads. */
export function textGenerator(seed: number): TextGenerator {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  const figure = () => int(2, 900_000).toLocaleString('en-US');
  const year = () => int(1950, 2024);

  const tagalog: (() => string)[] = [
    () =>
      `Ayon sa ulat ng ${pick(ORGS)}, umabot sa ${figure()} na ${pick(TL_NOUNS)} ang ${pick(TL_VERBS)} noong ${pick(TL_MONTHS)} ${year()}.`,
    () => `Sinabi ni ${person()} na “ang ${pick(PLACES)} ay handang makipag-usap sa ${pick(ORGS)}” matapos ang resolusyon ${int(1, 2000)}.`,
    () =>
      `Noong ika-${int(1, 28)} ng ${pick(TL_MONTHS)}, ${year()}, sinalakay ng ${pick(PLACES)} ang ${pick(PLACES)} sa ilalim ng Chapter ${pick(['VI', 'VII', 'VIII'])} ng Charter.`,
    () => `Mahigit ${int(2, 9)} milyong ${pick(TL_NOUNS)} ang ${pick(TL_VERBS)} sa ${pick(PLACES)}, ayon kay ${person()}.`,
    () => `Tumaas ng ${int(2, 95)} porsiyento ang presyo ng bigas sa ${pick(PLACES)} mula ${year()} hanggang ${year()}.`,
    () => `Ang badyet ng ${pick(ORGS)} ay ₱${int(1, 999)}.${int(1, 9)} bilyon para sa taong ${year()}.`,
    () => `Nagpulong ang mga pinuno ng ${pick(PLACES)} at ${pick(PLACES)} upang pag-usapan ang kapayapaan sa rehiyon.`,
    () => `Hindi pa malinaw kung ilan ang ${pick(TL_NOUNS)} na nasa ${pick(PLACES)} sa kasalukuyan.`,
  ];
  const english: (() => string)[] = [
    () =>
      `More than ${figure()} ${pick(EN_NOUNS)} ${pick(EN_VERBS)} in ${pick(PLACES)} on ${int(1, 28)} ${pick(EN_MONTHS)} ${year()}, according to the ${pick(ORGS)}.`,
    () =>
      `"We will not accept ${pick(['delays', 'excuses', 'half measures', 'another war'])}," said ${person()} on ${pick(EN_MONTHS)} ${int(1, 28)}, ${year()}.`,
    () => `Under Article ${int(1, 90)} of the Charter, the ${pick(ORGS)} must report ${int(2, 40)} percent of its spending by ${year()}.`,
    () => `The operation cost an estimated $${int(1, 99)}.${int(1, 9)} billion, ${person()} told reporters in ${pick(PLACES)}.`,
    () => `Resolution ${int(600, 1500)} passed with ${int(9, 15)} votes in favour and ${int(0, 5)} abstentions.`,
    () =>
      `Unemployment in ${pick(PLACES)} fell from ${int(5, 20)}.${int(0, 9)}% to ${int(2, 9)}.${int(0, 9)}% between ${year()} and ${year()}.`,
    () => `Officials in ${pick(PLACES)} met again to discuss the situation along the border.`,
    () => `It is not yet known how many ${pick(EN_NOUNS)} remain in ${pick(PLACES)}.`,
  ];

  const paragraph = () => {
    const pool = rand() < 0.55 ? tagalog : english;
    return Array.from({ length: int(2, 6) }, () => pick(pool)()).join(' ') + '\n';
  };
  return {
    rand,
    pick,
    int,
    paragraph,
    article(chars) {
      const parts: string[] = [];
      let size = 0;
      while (size < chars) {
        const p = paragraph();
        parts.push(p);
        size += p.length;
      }
      return parts.join('');
    },
  };
}
