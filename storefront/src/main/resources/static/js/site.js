// Small behaviours every page may use, kept out of the markup (the Content-Security-Policy allows no inline script).
// <select data-autosubmit> sends its form as soon as a choice is made (the search page's sort order).
document.addEventListener('change', (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute('data-autosubmit') && field.form) {
    field.form.submit();
  }
});
