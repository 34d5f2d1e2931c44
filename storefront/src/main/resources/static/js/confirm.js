// A destructive form (data-confirm: cancelling an order, revoking a ranking or a till key, ending a live sale) asks
// once more in a dialog before it is sent. Without script the form's required "Tôi xác nhận" box does the asking, and
// the server refuses an unconfirmed request either way.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
