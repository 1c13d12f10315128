// Claim page: the sentence as it will read with the correction, updated as the reviewer types or
// changes what the correction replaces, and the claim statement's character counter. The server
// renders the same preview (the "Preview" button, kept for use without JavaScript).
import './use-suggestion.js';

const preview = document.getElementById('correction-preview');
const correction = document.getElementById('correction');

if (preview && correction) {
  const output = preview.querySelector('.preview-text');
  const replaces = document.getElementById('correction-replaces');
  const { before = '', quote = '', after = '' } = preview.dataset;
  const scope = () => document.querySelector('input[name="correctionScope"]:checked')?.value ?? 'passage';
  const el = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });

  const render = () => {
    const typed = correction.value;
    const sentence = scope() === 'sentence';
    if (replaces)
      replaces.textContent = sentence
        ? '(replaces the whole sentence: write the sentence as it should read)'
        : '(replaces exactly the highlighted passage)';
    if (typed === '') return output.replaceChildren(el('span', 'No correction yet.'));
    output.replaceChildren(
      ...(sentence ? [el('del', before + quote + after), ' ', el('ins', typed)] : [before, el('del', quote), el('ins', typed), after]),
    );
  };
  correction.addEventListener('input', render);
  for (const r of document.querySelectorAll('input[name="correctionScope"]')) r.addEventListener('change', render);
  preview.querySelector('[data-preview-button]')?.setAttribute('hidden', '');
  render();
}

for (const counter of document.querySelectorAll('[data-counter-for]')) {
  const input = document.getElementById(counter.dataset.counterFor);
  const max = Number(counter.dataset.max);
  const update = () => {
    counter.textContent = `${input.value.length} of ${max} characters${input.value.length > 75 ? ' (Google recommends under 75)' : ''}`;
  };
  input?.addEventListener('input', update);
  if (input) update();
}
