// VixenHealth visits tracker: served as is at /api/metrics/script.js (< 2 KB gzipped).
// No cookies, no storage; a visitor asking not to be tracked (DNT, GPC) sends nothing.
// <script defer src="https://<cms>/api/metrics/script.js" data-domain="clinic.example"></script>
/* global window, document, location, history */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.vixenMetrics) return;
  var endpoint = script.getAttribute('data-api') || new URL('/api/metrics/event', script.src).href;
  var domain = script.getAttribute('data-domain') || location.hostname;
  var optOut =
    navigator.doNotTrack === '1' ||
    window.doNotTrack === '1' ||
    navigator.globalPrivacyControl === true;

  function send(name, props) {
    if (optOut) return;
    var body = JSON.stringify({
      name: name,
      url: location.href,
      domain: domain,
      referrer: document.referrer || null,
      props: props || null,
    });
    // text/plain is a "simple" request: no CORS preflight, and sendBeacon survives page unload.
    if (navigator.sendBeacon && navigator.sendBeacon(endpoint, body)) return;
    fetch(endpoint, {
      method: 'POST',
      body: body,
      keepalive: true,
      headers: { 'Content-Type': 'text/plain' },
    }).catch(function () {});
  }

  var lastPath = null;
  function pageview() {
    // A replaceState that keeps the path (a filter in the query) is not a new page.
    if (location.pathname === lastPath) return;
    lastPath = location.pathname;
    send('pageview');
  }

  // Single-page apps move between pages with the history API.
  ['pushState', 'replaceState'].forEach(function (method) {
    var original = history[method];
    history[method] = function () {
      var result = original.apply(this, arguments);
      pageview();
      return result;
    };
  });
  window.addEventListener('popstate', pageview);

  // <a href="tel:…" data-metrics-event="Звонок">: clicks on marked elements are events.
  document.addEventListener(
    'click',
    function (event) {
      var target = event.target;
      var marked = target && target.closest && target.closest('[data-metrics-event]');
      // Forms count when submitted (below), not when clicked in.
      if (marked && marked.tagName !== 'FORM') send(marked.getAttribute('data-metrics-event'));
    },
    true
  );
  // <form data-metrics-event="Запись отправлена">: a submitted form is an event too.
  document.addEventListener(
    'submit',
    function (event) {
      var form = event.target;
      var name = form && form.getAttribute && form.getAttribute('data-metrics-event');
      if (name) send(name);
    },
    true
  );

  window.vixenMetrics = function (name, props) {
    send(String(name), props);
  };
  pageview();
})();
