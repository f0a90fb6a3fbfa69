/**
 * The worker, at the site's base path (`/sw.js`, or `/pos/help/sw.js`), so its scope is the site.
 * `BASE_URL` inline rather than src/lib/url.ts: a shared module would cost every page a request.
 */
const swUrl = `${import.meta.env.BASE_URL}sw.js`;

/** Service worker registration, update prompt and offline marker (see OfflineSupport.astro). */
export function startOfflineSupport(): void {
  const marker = document.querySelector<HTMLElement>('[data-offline-marker]');
  const bar = document.querySelector<HTMLElement>('[data-update-bar]');
  const reload = document.querySelector<HTMLButtonElement>('[data-update-reload]');
  // navigator.onLine only knows whether there is a network interface, not whether the site can
  // be reached; so when the page came from the service worker, ask the server (a HEAD request for
  // the uncached sw.js) and show the marker when that fails.
  const showMarker = async () => {
    if (!marker) return;
    if (!navigator.onLine) {
      marker.hidden = false;
      return;
    }
    if (!navigator.serviceWorker?.controller) {
      marker.hidden = true;
      return;
    }
    try {
      await fetch(swUrl, { method: 'HEAD', cache: 'no-store' });
      marker.hidden = true;
    } catch {
      marker.hidden = false;
    }
  };
  window.addEventListener('online', () => void showMarker());
  window.addEventListener('offline', () => void showMarker());

  if (!('serviceWorker' in navigator)) return;
  // Reload only when the merchant asked for the new version (the first install also changes
  // the controller, and must not reload the page under them).
  let asked = false;
  const offer = (waiting: ServiceWorker) => {
    if (!bar || !reload) return;
    bar.hidden = false;
    reload.onclick = () => {
      asked = true;
      waiting.postMessage({ type: 'SKIP_WAITING' });
    };
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) location.reload();
  });
  const register = () =>
    navigator.serviceWorker
      .register(swUrl)
      .then((registration) => {
        if (!registration) return; // some embedded browsers and test harnesses block registration
        // A worker already waiting: a new version was installed on an earlier visit.
        if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const incoming = registration.installing;
          incoming?.addEventListener('statechange', () => {
            if (incoming.state === 'installed' && navigator.serviceWorker.controller) offer(incoming);
          });
        });
      })
      .catch((error: unknown) => console.warn('[offline] service worker not registered:', error));
  // Both after the page has loaded, so neither the probe nor the precaching competes with it.
  const afterLoad = () => {
    void register();
    void showMarker();
  };
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}
