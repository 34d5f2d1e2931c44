// Checkout: choosing delivery or pickup shows that mode's fields and payments at once and hides (and disables, so
// they are not sent) the other's; a payment that no longer fits moves to the first one that does. Without script
// the page's "change" button asks the server for the same form in the other mode.
(() => {
  const form = document.querySelector('form[data-checkout]');
  if (!form) {
    return;
  }
  const change = form.querySelector('button.mode-change');
  if (change) {
    change.hidden = true;
  }
  const show = (mode) => {
    form.querySelectorAll('[data-mode]').forEach((part) => {
      const other = part.dataset.mode !== mode;
      part.hidden = other;
      if (part instanceof HTMLFieldSetElement) {
        part.disabled = other;
      } else {
        part.querySelectorAll('input').forEach((input) => { input.disabled = other; });
      }
    });
    const payments = Array.from(form.querySelectorAll('input[name="payment"]'));
    if (!payments.some((p) => p.checked && !p.disabled)) {
      const first = payments.find((p) => !p.disabled);
      if (first) {
        first.checked = true;
      }
    }
  };
  // capture: switched before htmx, on the fieldset, asks for the quote of the form as it now is
  form.addEventListener('change', (event) => {
    const field = event.target;
    if (field instanceof HTMLInputElement && field.name === 'mode') {
      show(field.value);
    }
  }, true);
})();
