// "Use suggestion" (views/partials/use-suggestion.ejs): a button carrying data-suggestion fills the
// field named by data-target (#correction by default) instead of reloading the page, and tells
// the field it changed so previews and advice update. Nothing is saved until the form is.
// Without JavaScript the button's own form reloads the page with the field pre-filled.
export function useSuggestion(button) {
  const field = document.querySelector(button.dataset.target || '#correction');
  if (!field) return false;
  field.value = button.dataset.suggestion ?? '';
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.focus();
  return true;
}

document.addEventListener('click', (event) => {
  const button = event.target.closest?.('button[data-suggestion]');
  if (button && useSuggestion(button)) event.preventDefault();
});
