import { describe, expect, it } from 'vitest';
import { viewFragments } from '../../src/web/view-fragments.js';
import { viewHelpers } from '../../src/web/view-helpers.js';

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
});

describe('view fragments', () => {
  it('renders a claim badge with its verdict once decided, labels for screen readers included', () => {
    expect(viewFragments.claimBadgesHtml({ status: 'open', verdict: null })).toBe('<span class="status-badge status-open"><span class="visually-hidden">Status: </span>Open</span>');
    const decided = viewFragments.claimBadgesHtml({ status: 'resolved', verdict: 'needs_context' });
    expect(decided).toContain('<span class="verdict-badge verdict-needs_context"><span class="visually-hidden">Verdict: </span>Needs context</span>');
  });

  it('escapes what it prints, even a value the schema would refuse', () => {
    const html = viewFragments.claimBadgesHtml({ status: '<script>' as never, verdict: null });
    expect(html).not.toContain('<script>');
    expect(html).toContain('status-&lt;script&gt;');
  });
});
