// Document reader: select a passage in the text, press "Add claim", choose the kind. The
// selection fills the same form that works without JavaScript (the exact passage and, when it
// appears more than once, which occurrence), so the server checks one path only.

const article = document.querySelector('[data-article]');
const bar = document.querySelector('[data-selection-bar]');
const form = document.querySelector('[data-add-claim-form]');

/**
 * The selected passage, trimmed, and which occurrence of it in the text it is. The article's
 * text content equals the document text (see views/documents/show.ejs), so offsets agree.
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
  return { quote, occurrence, count };
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

  const add = bar.querySelector('[data-selection-add]');
  // Pressing the button must not clear the selection it is about.
  add.addEventListener('mousedown', (event) => event.preventDefault());
  add.addEventListener('click', () => {
    if (!current) return;
    form.elements.quote.value = current.quote;
    form.elements.occurrence.value = current.count > 1 ? String(current.occurrence) : '';
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
