/**
 * The standalone page offline: registers the service worker (sw.js, written by the production build,
 * src/tools/offline-plugin.js) and links the web app manifest, so the page can be installed and
 * works with no network after its first visit. Called by the standalone page only: a page that
 * Office opened never registers it (the Office path never loads this chunk).
 *
 * A new version: the browser fetches sw.js on each visit; when it changed, the new worker installs
 * and waits, `onUpdate` is called, and `apply()` lets it take over and reloads the page.
 */

export const SERVICE_WORKER_URL = 'sw.js';
export const WEB_MANIFEST_URL = 'manifest.webmanifest';

export interface OfflineUpdate {
  /** The waiting version takes over; the page reloads once it has. */
  apply(): void;
}

/** Only where a build wrote sw.js (production), and a browser that allows it (HTTPS or loopback). */
export function offlineAvailable(): boolean {
  return (
    process.env.NODE_ENV === 'production' &&
    typeof navigator !== 'undefined' &&
    'serviceWorker' in navigator &&
    typeof window !== 'undefined' &&
    window.isSecureContext
  );
}

function linkWebManifest(): void {
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = WEB_MANIFEST_URL;
  document.head.appendChild(link);
}

function updateOf(registration: ServiceWorkerRegistration): OfflineUpdate {
  return {
    apply() {
      let reloaded = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (reloaded) return;
        reloaded = true;
        window.location.reload();
      });
      registration.waiting?.postMessage({ type: 'phancong:activate' });
    },
  };
}

/** Register the service worker; `onUpdate` when a newer version is installed and waiting. */
export async function registerOffline(onUpdate: (update: OfflineUpdate) => void): Promise<void> {
  if (!offlineAvailable()) return;
  linkWebManifest();
  let registration: ServiceWorkerRegistration;
  try {
    registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL);
  } catch {
    // No offline use (a server that refuses sw.js, a private window): the page works as before.
    return;
  }
  const waiting = () => {
    // A waiting worker while another controls the page is a new version (not the first install).
    if (registration.waiting && navigator.serviceWorker.controller)
      onUpdate(updateOf(registration));
  };
  waiting();
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') waiting();
    });
  });
}
