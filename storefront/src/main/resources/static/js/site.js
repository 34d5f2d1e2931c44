// Small behaviours every page may use, kept out of the markup (the Content-Security-Policy allows no inline script).
// <select data-autosubmit> sends its form as soon as a choice is made (the search page's sort order).
document.addEventListener('change', (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute('data-autosubmit') && field.form) {
    field.form.submit();
  }
});

// The search box's suggestions, a WAI-ARIA 1.2 combobox with a listbox popup. htmx fills the listbox as the shopper
// types (and the polite status with their count); here ArrowDown/ArrowUp move through the options (aria-activedescendant,
// focus stays in the box), Enter goes to the active one's search, Escape closes the list, a click picks an option.
(() => {
  const input = document.querySelector('input[role="combobox"][aria-controls]');
  const list = input && document.getElementById(input.getAttribute('aria-controls'));
  if (!list) {
    return;
  }
  let active = -1;
  const options = () => Array.from(list.querySelectorAll('[role="option"]'));
  const activate = (index) => {
    const all = options();
    active = index;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index >= 0 && all[index]) {
      input.setAttribute('aria-activedescendant', all[index].id);
      all[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const show = (open) => {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) {
      activate(-1);
    }
  };
  const go = (option) => { window.location.assign(option.dataset.href); };

  document.addEventListener('htmx:afterSwap', (event) => {
    if (event.detail.target === list) {
      active = -1;
      show(options().length > 0 && document.activeElement === input);
    }
  });
  input.addEventListener('keydown', (event) => {
    const all = options();
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && all.length > 0) {
      event.preventDefault();
      const wasOpen = !list.hidden;
      show(true);
      const down = event.key === 'ArrowDown';
      if (!wasOpen || active < 0) {
        activate(down ? 0 : all.length - 1);
      } else {
        activate((active + (down ? 1 : all.length - 1)) % all.length);
      }
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      event.preventDefault();
      go(all[active]);
    } else if (event.key === 'Escape' && !list.hidden) {
      event.preventDefault(); // close the list, keep what was typed
      show(false);
    }
  });
  input.addEventListener('blur', () => show(false));
  list.addEventListener('mousedown', (event) => event.preventDefault()); // keep the focus in the box
  list.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) {
      go(option);
    }
  });
})();

// On a wide screen the search page's filters start open; on a phone they start folded so the first results show.
document.querySelectorAll('details[data-open-wide]').forEach((panel) => {
  if (window.matchMedia('(min-width: 40.01rem)').matches) {
    panel.open = true;
  }
});
