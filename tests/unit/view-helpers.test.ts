import { describe, expect, it } from 'vitest';
import { viewFragments } from '../../src/web/view-fragments.js';
import { timeZones } from '../../src/users/time-zones.js';
import { timeHelpers, viewHelpers } from '../../src/web/view-helpers.js';

describe('view helpers', () => {
  it('formats every day of two years, at any hour, exactly as Intl does (the per-day memo changes nothing)', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    for (let day = 0; day < 731; day++) {
      for (const ms of [0, 1, 43_200_000, 86_399_999]) {
        const d = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000 + ms);
        expect(viewHelpers.formatDate(d)).toBe(intl.format(d));
        expect(viewHelpers.formatDate(d.toISOString())).toBe(intl.format(d));
      }
    }
    expect(viewHelpers.formatDate(new Date(Date.UTC(1969, 11, 31, 23, 59)))).toBe('31 Dec 1969');
    expect(viewHelpers.formatDate(null)).toBe('');
  });

  it('formats in a user’s zone exactly as Intl does, every quarter hour, across a daylight-saving change and an offset of 5:45', () => {
    for (const zone of ['Asia/Manila', 'Asia/Kathmandu', 'Asia/Katmandu', 'America/New_York', 'Australia/Lord_Howe']) {
      const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone });
      const { formatDate, formatDateTime } = timeHelpers(zone);
      // Two windows of four days around the March changes, then around New Year, at every 15-minute step (and just before it).
      for (const start of [Date.UTC(2026, 2, 7), Date.UTC(2026, 3, 3), Date.UTC(2025, 11, 30)]) {
        for (let t = start; t < start + 4 * 86_400_000; t += 900_000) {
          for (const ms of [t, t + 899_999])
            expect(formatDate(new Date(ms)), `${zone} ${new Date(ms).toISOString()}`).toBe(intl.format(ms));
        }
      }
      expect(formatDateTime(new Date(Date.UTC(2026, 0, 1, 20, 0)))).toBe(
        new Intl.DateTimeFormat('en-GB', {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone: zone,
          timeZoneName: 'short',
        }).format(Date.UTC(2026, 0, 1, 20, 0)),
      );
    }
    expect(timeHelpers('Asia/Manila').formatDate(new Date(Date.UTC(2026, 0, 1, 20, 0)))).toBe('2 Jan 2026');
    expect(timeHelpers('UTC').formatDate(new Date(Date.UTC(2026, 0, 1, 20, 0)))).toBe('1 Jan 2026');
    expect(timeHelpers('Not/AZone').formatDate(new Date(Date.UTC(2026, 0, 1, 20, 0)))).toBe('1 Jan 2026');
    expect(timeZones).toContain('UTC');
    expect(timeZones).toContain('Asia/Manila');
  });
});

describe('view fragments', () => {
  it('renders a claim badge with its verdict once decided, labels for screen readers included', () => {
    expect(viewFragments.claimBadgesHtml({ status: 'open', verdict: null })).toBe(
      '<span class="status-badge status-open"><span class="visually-hidden">Status: </span>Open</span>',
    );
    const decided = viewFragments.claimBadgesHtml({ status: 'resolved', verdict: 'needs_context' });
    expect(decided).toContain(
      '<span class="verdict-badge verdict-needs_context"><span class="visually-hidden">Verdict: </span>Needs context</span>',
    );
  });

  it('escapes what it prints, even a value the schema would refuse', () => {
    const html = viewFragments.claimBadgesHtml({ status: '<script>' as never, verdict: null });
    expect(html).not.toContain('<script>');
    expect(html).toContain('status-&lt;script&gt;');
  });

  const row = {
    id: 7,
    documentId: 3,
    quote: 'ang "United Sates" <b>',
    kind: 'spelling' as const,
    score: 0.875,
    status: 'resolved' as const,
    verdict: 'typo' as const,
    correction: 'United <States>',
    assigneeId: 2,
    assigneeName: 'Ana & Co',
    updatedAt: new Date('2026-03-04T10:00:00Z'),
    documentTitle: 'Iraq <war>',
  };
  const queueOptions = (research: boolean, selected: number[] = []) => ({
    research,
    selected: new Set(selected),
    formatDate: (d: Date) => `day ${d.getUTCDate()}`,
  });

  it("prints the queue's rows with every user text escaped", () => {
    const html = viewFragments.queueRowsHtml([row], queueOptions(false));
    expect(html).toContain('title="ang &#34;United Sates&#34; &lt;b&gt;">ang &#34;United Sates&#34; &lt;b&gt;</a>');
    expect(html).toContain('<span class="muted">Correction:</span> United &lt;States&gt;</div>');
    expect(html).toContain('<a href="/documents/3?claim=7#claim-7" title="Iraq &lt;war&gt;">Iraq &lt;war&gt;</a>');
    expect(html).toContain('<td data-label="Assignee">Ana &amp; Co</td>');
    expect(html).toContain('<td class="num" data-label="Score">0.88</td>');
    expect(html).toContain('<time datetime="2026-03-04T10:00:00.000Z">day 4</time>');
    expect(html).toContain('<span class="kind-badge">Spelling</span>');
    expect(html).toContain('<span class="muted">#7</span> <a href="/claims/7"');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('type="checkbox"');
  });

  it("gives a researcher's queue rows a selection box, ticked when selected, and no correction line without one", () => {
    const html = viewFragments.queueRowsHtml([row, { ...row, id: 8, correction: null, assigneeName: null }], queueOptions(true, [8]));
    expect(html).toContain('<input type="checkbox" name="claimIds" value="7" form="bulk-form" > #7</label>');
    expect(html).toContain('<input type="checkbox" name="claimIds" value="8" form="bulk-form" checked> #8</label>');
    expect(html).not.toContain('<span class="muted">#7</span>');
    expect(html.match(/class="correction"/g)).toHaveLength(1);
    expect(html).toContain('<td data-label="Assignee">—</td>');
    expect(html.match(/<tr data-nav-item/g)).toHaveLength(2);
  });

  const card = {
    id: 9,
    start: 10,
    end: 20,
    quote: '500,000 <i>batang</i> Iraqi',
    kind: 'statistic' as const,
    status: 'open' as const,
    verdict: null,
    assigneeName: 'Rita <R>',
    findingCount: 1,
    reviewedMatch: false,
  };
  const cardOptions = () => ({ textHrefOf: (id: number) => `?part=2&x="<"#text-${id}` });

  it("prints the reader's cards with every user text escaped, a finding count and the link into the text", () => {
    const html = viewFragments.readerCardsHtml([card], cardOptions());
    expect(html).toMatch(
      /^<ol class="claim-list" data-testid="claim-list"><li data-nav-item data-claim-id="9" id="claim-9" class="claim-item st-open">/,
    );
    expect(html).toContain('<a class="claim-link" href="/claims/9">500,000 &lt;i&gt;batang&lt;/i&gt; Iraqi</a>');
    expect(html).toContain('<span class="finding-badge" data-testid="finding-badge">1 pre-check finding</span>');
    expect(html).toContain('<span class="muted">· Rita &lt;R&gt;</span>');
    expect(html).toContain('<a href="?part=2&amp;x=&#34;&lt;&#34;#text-9" class="show-in-text">show in text');
    expect(html).not.toContain('seen-badge');
    expect(html).toMatch(/<\/li>\n<\/ol>$/);
  });

  it("marks a reader's card seen before, counts findings in the plural and leaves out what is not there", () => {
    const html = viewFragments.readerCardsHtml(
      [
        { ...card, findingCount: 3, assigneeName: null, reviewedMatch: true },
        { ...card, id: 10, findingCount: 0 },
      ],
      cardOptions(),
    );
    expect(html).toContain('3 pre-check findings</span>');
    expect(html).toContain('<a class="seen-badge" href="/claims/9#seen-before" data-testid="seen-before-mark">');
    expect(html.match(/class="seen-badge"/g)).toHaveLength(1);
    expect(html.match(/class="finding-badge"/g)).toHaveLength(1);
    expect(html.match(/class="muted">·/g)).toHaveLength(1);
    expect(viewFragments.readerCardsHtml([], cardOptions())).toBe('<ol class="claim-list" data-testid="claim-list"></ol>');
  });

  it('prints a field message only when there is one, escaped', () => {
    expect(viewFragments.fieldErrorHtml({ q: 'must be <200> characters' }, 'q')).toBe(
      '<p class="field-error" id="q-error">must be &lt;200&gt; characters</p>',
    );
    expect(viewFragments.fieldErrorHtml({ q: 'x' }, 'status')).toBe('');
    expect(viewFragments.fieldErrorHtml(undefined, 'q')).toBe('');
    expect(viewFragments.fieldMessageHtml('note-new-body', 'is <required>')).toBe(
      '<p class="field-error" id="note-new-body-error"><span aria-hidden="true">⚠ </span>is &lt;required&gt;</p>',
    );
    expect(viewFragments.fieldMessageHtml('status', undefined)).toBe('');
    expect(viewFragments.fieldMessageHtml('status', false)).toBe('');
  });

  it("prints a picker's options, escaped, the selected one marked whether it came as a number or as typed", () => {
    const people = [
      { id: 3, name: 'Ana <A>' },
      { id: 12, name: 'Rita "R"' },
    ];
    const html = (selected: unknown) =>
      viewFragments.optionsHtml(
        people,
        (p) => p.id,
        (p) => p.name,
        selected,
      );
    expect(html('12')).toBe('<option value="3">Ana &lt;A&gt;</option><option value="12" selected>Rita &#34;R&#34;</option>');
    expect(html(3)).toBe('<option value="3" selected>Ana &lt;A&gt;</option><option value="12">Rita &#34;R&#34;</option>');
    for (const none of [undefined, null, '', '1']) expect(html(none)).not.toContain('selected');
    expect(
      viewFragments.optionsHtml(
        [{ v: 'a"b' }],
        (x) => x.v,
        (x) => x.v,
        'a"b',
      ),
    ).toBe('<option value="a&#34;b" selected>a&#34;b</option>');
  });
});
