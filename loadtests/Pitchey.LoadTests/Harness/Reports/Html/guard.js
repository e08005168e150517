// Runs before the report's script: any error it throws (or a promise it leaves rejected) is marked on
// <body> as data-error and said on the page, so a test, and a reader, can tell a broken page from a sparse one.
(function () {
  'use strict';
  function mark(what) {
    var message = String(what && what.message ? what.message : what).slice(0, 500);
    document.body.setAttribute('data-error', message);
    var banner = document.createElement('p');
    banner.className = 'failure';
    banner.setAttribute('role', 'alert');
    banner.textContent = 'This page could not draw everything (' + message + '). Every figure is also in report.json beside this file.';
    document.body.insertBefore(banner, document.body.firstChild);
  }
  window.addEventListener('error', function (event) { mark(event.error || event.message || 'script error'); });
  window.addEventListener('unhandledrejection', function (event) { mark(event.reason || 'unhandled rejection'); });
})();
