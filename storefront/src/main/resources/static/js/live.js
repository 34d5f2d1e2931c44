// The live event page, kept true without reloading: it listens to the event's Server-Sent Events and redraws
// the pinned product, the open offers, the remaining counts and the viewer count. The first event after every
// (re)connection is the whole state, so a viewer who lost the connection catches up at once. Text is set with
// textContent only: nothing from the server is parsed as HTML.
(function () {
  var page = document.getElementById('live');
  if (!page || !window.EventSource) {
    return;
  }
  var t = page.dataset;
  var money = new Intl.NumberFormat('vi-VN');
  var end = t.end ? new Date(t.end) : null;

  function say(template, a, b) {
    return template.replace('{0}', a).replace('{1}', b);
  }
  function vnd(n) {
    return money.format(n) + ' ₫';
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function buyForm(eventId, offer) {
    var form = el('form', 'buy');
    form.method = 'post';
    form.action = '/live/' + eventId + '/offers/' + offer.id + '/claim';
    var csrf = document.getElementById('csrf');
    if (csrf) { form.appendChild(csrf.cloneNode()); }
    var q = el('input');
    q.type = 'hidden'; q.name = 'quantity'; q.value = '1';
    form.appendChild(q);
    var button = el('button', null, offer.remaining > 0 ? t.tBuy : t.tSoldOut);
    button.type = 'submit';
    button.disabled = offer.remaining <= 0;
    form.appendChild(button);
    return form;
  }
  function remaining(offer) {
    var p = el('p', 'remaining', say(t.tRemaining, offer.remaining, offer.cap));
    p.dataset.offer = offer.id;
    return p;
  }
  function drawPinned(state) {
    var box = document.getElementById('pinned');
    box.textContent = '';
    var pinned = state.pinned;
    if (!pinned || state.event.status !== 'LIVE') {
      box.appendChild(el('p', 'none', state.event.status === 'ENDED' ? t.tEnded : t.tNone));
      return;
    }
    var h = el('h2', 'name');
    var a = el('a', null, pinned.name);
    a.href = '/products/' + pinned.productId;
    h.appendChild(a);
    box.appendChild(h);
    var prices = el('p', 'prices');
    prices.appendChild(el('span', 'list-price' + (pinned.offer ? ' struck' : ''), vnd(pinned.listPriceVnd)));
    if (pinned.offer) {
      prices.appendChild(el('strong', 'flash-price', vnd(pinned.offer.flashPriceVnd)));
    }
    box.appendChild(prices);
    if (pinned.offer) {
      box.appendChild(remaining(pinned.offer));
      box.appendChild(buyForm(state.event.id, pinned.offer));
    }
  }
  function drawOffers(state) {
    var list = document.getElementById('offers');
    list.textContent = '';
    state.offers.forEach(function (o) {
      var li = el('li');
      li.dataset.offer = o.id;
      li.appendChild(el('span', 'name', o.productName + ' '));
      li.appendChild(el('strong', 'flash-price', vnd(o.flashPriceVnd) + ' '));
      var r = el('span', 'remaining', say(t.tRemaining, o.remaining, o.cap));
      r.dataset.offer = o.id;
      li.appendChild(r);
      list.appendChild(li);
    });
  }
  function draw(state) {
    var status = document.getElementById('status');
    status.dataset.status = state.event.status;
    // the status in the page's words (data-t-status-*), never the code
    var words = { SCHEDULED: t.tStatusScheduled, LIVE: t.tStatusLive, ENDED: t.tStatusEnded, CANCELLED: t.tStatusCancelled };
    status.textContent = words[state.event.status] || t.tStatusEnded;
    drawPinned(state);
    drawOffers(state);
    document.getElementById('viewers').textContent = say(t.tViewers, state.viewers);
  }

  var source = new EventSource('/api/v1/live/' + t.event + '/events');
  ['state', 'started', 'pinned', 'offer-opened', 'offer-closed', 'ended'].forEach(function (type) {
    source.addEventListener(type, function (e) {
      var news = JSON.parse(e.data);
      draw(news.state);
      if (type === 'ended' || news.state.event.status === 'ENDED' || news.state.event.status === 'CANCELLED') {
        source.close();
      }
    });
  });
  source.addEventListener('remaining', function (e) {
    var news = JSON.parse(e.data);
    document.querySelectorAll('.remaining[data-offer="' + news.offerId + '"]').forEach(function (r) {
      var cap = (r.textContent.match(/\/\s*(\d+)/) || [])[1] || '';
      r.textContent = say(t.tRemaining, news.remaining, cap);
    });
  });
  source.addEventListener('viewers', function (e) {
    document.getElementById('viewers').textContent = say(t.tViewers, JSON.parse(e.data).viewers);
  });
  page.dataset.listening = 'true';

  if (end) {
    setInterval(function () {
      var left = Math.max(0, Math.floor((end - new Date()) / 1000));
      var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), s = left % 60;
      document.getElementById('countdown').textContent = say(t.tEndsIn, (h ? h + ':' : '') + String(m).padStart(2, '0') + ':' + String(s).padStart(2, '0'));
    }, 1000);
  }
})();
