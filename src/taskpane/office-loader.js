/*
 * Office.js loader (a static file, because the pages' Content-Security-Policy forbids inline scripts).
 *
 * Office opens an add-in page with a `_host_Info` query parameter (and Office.js keeps it in
 * sessionStorage "hostInfoValue" or in window.name across in-pane navigation). Only then is
 * Microsoft's Office.js loaded from its CDN; opened anywhere else (a plain browser, the standalone
 * page, a test) the page loads nothing remote at all, so Office.js never runs outside Office and
 * its outside-Office telemetry requests never happen.
 *
 * window.__PHANCONG_OFFICE__ is a promise: true once Office.js has loaded, false when it was not
 * needed, or when it failed to load. The pane's bundle (deferred, so it runs after this file) waits
 * for it before calling Office.onReady.
 */
(function () {
  'use strict';
  var OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

  function insideOffice() {
    if (/[?&]_host_Info=/i.test(window.location.search)) return true;
    try {
      if (window.sessionStorage && window.sessionStorage.getItem('hostInfoValue')) return true;
    } catch (e) {
      /* storage blocked: fall through */
    }
    try {
      var fromName = window.name ? JSON.parse(window.name) : null;
      if (fromName && fromName.hostInfo) return true;
    } catch (e) {
      /* window.name is not JSON: not Office's */
    }
    return false;
  }

  if (!insideOffice()) {
    window.__PHANCONG_OFFICE__ = Promise.resolve(false);
    return;
  }
  window.__PHANCONG_OFFICE__ = new Promise(function (resolve) {
    var script = document.createElement('script');
    script.src = OFFICE_JS;
    script.onload = function () {
      resolve(true);
    };
    script.onerror = function () {
      resolve(false);
    };
    document.head.appendChild(script);
  });
})();
