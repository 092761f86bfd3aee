/*
 * The standalone page's service worker: after a first visit, the page, its chunks, the icons and the
 * sample work with no network. The build (src/tools/offline-plugin.js) puts self.PHANCONG_OFFLINE
 * above this text: { version, build, files } (files relative to this script's folder).
 *
 * - Registered by the standalone page only (src/standalone/offline.ts), never when Office opened
 *   the page; should a page opened by Office (a `_host_Info` query) still come through here, it goes
 *   to the network untouched.
 * - Cache first, for this folder's files only (any path prefix: everything is relative to the
 *   registration's scope). Nothing is ever sent anywhere; a file not kept goes to the network.
 * - A new version (a changed sw.js) installs next to the old one and waits: the page shows a
 *   message, and the new version takes over when the user chooses to reload (message
 *   "phancong:activate"), so one page never mixes two versions' chunks.
 * - Caches are named per scope, so two copies on one server (/addin/, /addin-test/) never delete
 *   each other's files.
 */
'use strict';

var OFFLINE = self.PHANCONG_OFFLINE;
var SCOPE = self.registration.scope;
var PREFIX = 'phancong|' + SCOPE + '|';
var CACHE = PREFIX + OFFLINE.version + '|' + OFFLINE.build;

function fromOffice(url) {
  return /[?&]_host_Info=/i.test(url);
}

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      // cache: 'reload' skips the HTTP cache, so an old copy of a file never lands in a new version.
      return cache.addAll(
        OFFLINE.files.map(function (file) {
          return new Request(new URL(file, SCOPE).href, {
            cache: 'reload',
            credentials: 'same-origin',
          });
        }),
      );
    }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        return Promise.all(
          keys
            .filter(function (key) {
              return key.indexOf(PREFIX) === 0 && key !== CACHE;
            })
            .map(function (key) {
              return caches.delete(key);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

self.addEventListener('message', function (event) {
  if (event.data && event.data.type === 'phancong:activate') self.skipWaiting();
});

function respond(event) {
  var client = event.clientId ? self.clients.get(event.clientId) : Promise.resolve(null);
  return client.then(function (c) {
    if (c && fromOffice(c.url)) return fetch(event.request);
    return caches.open(CACHE).then(function (cache) {
      // taskpane.html?sample=1 and ?view=summary are the same page.
      return cache.match(event.request, { ignoreSearch: true }).then(function (hit) {
        return hit || fetch(event.request);
      });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  if (request.url.indexOf(SCOPE) !== 0 || fromOffice(request.url)) return;
  event.respondWith(respond(event));
});
