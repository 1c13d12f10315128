// Document reader: select a passage in the text, press "Add claim", choose the kind. The
// selection fills the same form that works without JavaScript (the exact passage and, when it
// appears more than once, which occurrence), so the server checks one path only.

const article = document.querySelector('[data-article]');
const bar = document.querySelector('[data-selection-bar]');
const form = document.querySelector('[data-add-claim-form]');

/**
 * The selected passage, trimmed, where it begins in the document, and which occurrence of it in
 * the text shown it is. The article's text content equals the document text, or for a part of a
 * long document the text from its `data-text-offset` on (see views/documents/show.ejs), so
 * offsets agree once that is added.
 */
function selectedPassage() {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(article, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const raw = range.toString();
  const quote = raw.trim();
  if (!quote) return null;
  const start = before.toString().length + (raw.length - raw.trimStart().length);
  const text = article.textContent;
  let count = 0;
  let occurrence = 1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    count += 1;
    if (at === start) occurrence = count;
  }
  return { quote, occurrence, count, start: Number(article.dataset.textOffset) + start };
}

if (article && bar && form) {
  const shown = bar.querySelector('[data-selection-text]');
  let current = null;
  const refresh = () => {
    current = selectedPassage();
    bar.hidden = !current;
    if (current) shown.textContent = current.quote.length > 90 ? `${current.quote.slice(0, 89)}…` : current.quote;
  };
  document.addEventListener('selectionchange', () => window.requestAnimationFrame(refresh));
  // A passage typed or changed by hand is found by its occurrence, not by a selection's span.
  form.elements.quote.addEventListener('input', () => {
    form.elements.start.value = '';
    form.elements.end.value = '';
  });

  const add = bar.querySelector('[data-selection-add]');
  // Pressing the button must not clear the selection it is about.
  add.addEventListener('mousedown', (event) => event.preventDefault());
  add.addEventListener('click', () => {
    if (!current) return;
    form.elements.quote.value = current.quote;
    if (article.dataset.textOffset === undefined) {
      form.elements.occurrence.value = current.count > 1 ? String(current.occurrence) : '';
    } else {
      // A part of the text cannot count the passage's occurrences in the whole: send its span.
      form.elements.occurrence.value = '';
      form.elements.start.value = String(current.start);
      form.elements.end.value = String(current.start + current.quote.length);
    }
    form.scrollIntoView({ block: 'center' });
    form.elements.kind.focus();
  });
}

// A highlight's tooltip: what its colours mean, in the legend's words. Written on first hover
// rather than into the page, where a title on each of thousands of highlights weighed ~80 KB.
article?.addEventListener('mouseover', (event) => {
  const mark = event.target instanceof Element ? event.target.closest('.hl') : null;
  if (!mark || mark.title) return;
  const words = (mark.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent?.trim())
    .filter(Boolean);
  mark.title = words.join('\n');
});
