// Progressive enhancement for every page: keyboard shortcuts, the shortcut list, selecting
// claims in the queue. Everything here has a no-JavaScript path (links, forms, /help/shortcuts).
// The document reader's text selection lives in reader.js, loaded only where it is needed.

const typingInputs = /^(text|search|email|url|tel|password|number|date|datetime-local|month|week|time)$/;
const isTyping = (el) =>
  !!el && (el.isContentEditable || /^(TEXTAREA|SELECT)$/.test(el.tagName) || (el.tagName === 'INPUT' && typingInputs.test(el.type)));
const navItems = () => [...document.querySelectorAll('[data-nav-item]')];
const currentItem = () => document.querySelector('[data-nav-item].is-current');

/** Moves the "current claim" marker (j/k) and focuses its link, so Enter opens it. */
function move(step) {
  const items = navItems();
  if (items.length === 0) return;
  const at = items.indexOf(currentItem());
  const next = items[at === -1 ? (step > 0 ? 0 : items.length - 1) : Math.min(Math.max(at + step, 0), items.length - 1)];
  for (const el of document.querySelectorAll('.is-current')) el.classList.remove('is-current');
  next.classList.add('is-current');
  const id = next.dataset.claimId;
  // In the reader, the claim's passage in the text is marked too: its marks link to its card.
  for (const hl of document.querySelectorAll(`.hl[href="#claim-${id}"]`)) hl.classList.add('is-current');
  const link = next.querySelector('a[href^="/claims/"]') ?? next.querySelector('a');
  (link ?? next).focus({ preventScroll: true });
  next.scrollIntoView({ block: 'nearest' });
  document.querySelector(`.hl[href="#claim-${id}"]`)?.scrollIntoView({ block: 'nearest' });
}

function editVerdict() {
  const field = document.querySelector('[data-shortcut="verdict"]:not([disabled]), #verdict:not([disabled])');
  if (field) return field.focus();
  const id = currentItem()?.dataset.claimId;
  if (id) location.assign(`/claims/${id}#verdict`);
}

function focusSearch() {
  const input = document.querySelector('[data-shortcut="search"]');
  if (!input) return location.assign('/claims#search');
  input.focus();
  input.select();
}

function toggleCurrentSelection() {
  const box = currentItem()?.querySelector('input[type="checkbox"][name="claimIds"]');
  if (!box) return;
  box.checked = !box.checked;
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

function showShortcuts() {
  const dialog = document.getElementById('shortcuts-dialog');
  if (dialog?.showModal) {
    if (!dialog.open) dialog.showModal();
  } else location.assign('/help/shortcuts');
}

const keys = { j: () => move(1), k: () => move(-1), e: editVerdict, '/': focusSearch, x: toggleCurrentSelection, '?': showShortcuts };

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  if (document.querySelector('dialog[open]') && event.key !== '?') return;
  const action = keys[event.key];
  // j/k on a page without a list (the claim page) are left to that page's own script.
  if (!action || ((event.key === 'j' || event.key === 'k') && navItems().length === 0)) return;
  event.preventDefault();
  action();
});

// The queue: "select all on this page" and a live count of the selection.
const bulkForm = document.getElementById('bulk-form');
if (bulkForm) {
  const boxes = () => [...document.querySelectorAll('input[type="checkbox"][name="claimIds"]')];
  const all = document.querySelector('[data-select-all]');
  const count = document.querySelector('[data-selected-count]');
  const update = () => {
    const n = boxes().filter((b) => b.checked).length;
    if (count) count.textContent = n === 0 ? '(none selected)' : `(${n} selected)`;
    // Ticking a claim opens the folded bulk actions; unticking leaves them as the user set them.
    const details = document.querySelector('[data-bulk-details]');
    if (details && n > 0) details.open = true;
    if (all) {
      all.checked = n > 0 && n === boxes().length;
      all.indeterminate = n > 0 && n < boxes().length;
    }
  };
  document.querySelector('[data-select-all-wrap]')?.removeAttribute('hidden');
  all?.addEventListener('change', () => {
    for (const b of boxes()) b.checked = all.checked;
    update();
  });
  document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.name === 'claimIds') update();
  });
  update();
}

// Filter forms send only the filters in use, so the address stays short and shareable.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== 'get') return;
  for (const field of form.querySelectorAll('input, select')) if (field.name && field.value === '') field.disabled = true;
});
window.addEventListener('pageshow', () => {
  for (const field of document.querySelectorAll('form[method="get"] [disabled]')) field.disabled = false;
});

if (location.hash === '#search') document.querySelector('[data-shortcut="search"]')?.focus();
if (document.querySelector('[data-article]')) import('./reader.js');

// A refused form: the error summary takes focus, so a screen reader announces it and Tab
// reaches its links first (the GOV.UK pattern).
document.querySelector('[data-error-summary]')?.focus();
