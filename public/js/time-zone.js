// The account page's time-zone form, enhanced: offers the browser's own zone with one click.
// Without JavaScript the list works as it is (UTC unless chosen).
const form = document.querySelector('[data-time-zone-form]');
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const select = form?.querySelector('select[name="timeZone"]');
const hint = form?.querySelector('[data-browser-zone]');
if (form && select && hint && zone && select.value !== zone && [...select.options].some((o) => o.value === zone)) {
  hint.querySelector('[data-browser-zone-name]').textContent = zone;
  hint.hidden = false;
  hint.querySelector('[data-use-browser-zone]').addEventListener('click', () => {
    select.value = zone;
    select.focus();
  });
}
