// Pays a card order's PaymentIntent with Stripe.js: the Payment Element collects the card (and 3-D Secure)
// in Stripe's own frames, so card numbers never reach the marketplace. Stripe then returns the shopper to the
// order's page; the order itself is marked paid only by the signed webhook, never by this page.
(function () {
  var form = document.getElementById('card-form');
  if (!form || typeof Stripe === 'undefined') {
    return;
  }
  var stripe = Stripe(form.dataset.key);
  var elements = stripe.elements({ clientSecret: form.dataset.secret, locale: document.documentElement.lang || 'vi' });
  elements.create('payment').mount('#payment-element');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button');
    button.disabled = true;
    stripe.confirmPayment({ elements: elements, confirmParams: { return_url: new URL(form.dataset.return, location.href).href } })
      .then(function (result) {
        if (result.error) {
          document.getElementById('card-error').textContent = result.error.message;
          button.disabled = false;
        }
      });
  });
})();
