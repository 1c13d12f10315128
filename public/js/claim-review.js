// Claim page: tells the reviewer, while choosing, what saving will ask for — a verdict to
// resolve, a proposed correction for a verdict that says the text is wrong. The server applies
// the same rules; this only says it sooner. Without JavaScript the form works the same.
const form = document.querySelector('#review form');
const needsCorrection = new Set(['inaccurate', 'misleading', 'typo']);

if (form) {
  const field = (name) => form.querySelector(`[name="${name}"]:not([disabled])`);
  const advice = document.createElement('p');
  advice.className = 'hint review-advice';
  advice.setAttribute('aria-live', 'polite');
  form.querySelector('button[type="submit"]')?.before(advice);

  const update = () => {
    const status = field('status')?.value;
    const verdict = status === 'resolved' ? field('verdict')?.value : field('proposedVerdict')?.value;
    const correction = field('correction')?.value.trim();
    const messages = [];
    if (status === 'resolved' && !verdict) messages.push('Choose a final verdict to resolve the claim.');
    if (verdict && needsCorrection.has(verdict) && !correction) messages.push('This verdict usually comes with a proposed correction.');
    if (verdict === 'needs_context' && !correction) messages.push('Consider proposing the context to add.');
    advice.textContent = messages.join(' ');
  };
  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
}

// j / k step to the next / previous claim of the document from the claim page itself (the links
// carry rel="next" / rel="prev"; the global shortcuts in app.js move through lists).
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || (event.key !== 'j' && event.key !== 'k')) return;
  if (event.target.closest?.('input, textarea, select, [contenteditable="true"]') || document.querySelector('dialog[open]')) return;
  const link = document.querySelector(event.key === 'j' ? 'a[rel="next"]' : 'a[rel="prev"]');
  if (link) location.assign(link.href);
});
