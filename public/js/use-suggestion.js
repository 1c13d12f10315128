// "Use suggestion": puts a finding's suggestion in the review form's correction field without a
// reload. The link it enhances does the same through the server when scripts are off.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('[data-use-suggestion]') : null;
  const field = document.getElementById('correction');
  if (!link || !(field instanceof HTMLTextAreaElement) || field.disabled) return;
  event.preventDefault();
  field.value = link.getAttribute('data-use-suggestion') ?? '';
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.focus();
});
