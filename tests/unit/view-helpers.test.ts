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
});
