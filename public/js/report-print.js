// The report's "Print / Save as PDF" button. It is hidden in the HTML because it needs a script;
// without one, the browser's own Print command gives the same printable page.
for (const button of document.querySelectorAll('[data-report-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
