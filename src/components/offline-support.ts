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
  // The offline page (src/pages/offline.astro) says itself that there is no network.
  const offlinePage = document.querySelector('[data-offline-page]') !== null;
  // navigator.onLine only knows whether there is a network interface, not whether the site can
  // be reached; so when the page came from the service worker, ask the server (a HEAD request for
  // the uncached sw.js) and show the marker when that fails.
  const showMarker = async () => {
    if (!marker || offlinePage) return;
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
  // Reload only when the merchant asked for the new version: the first install also changes the
  // controller, and an update taken in another tab changes it here too; neither may reload the
  // page under them (they may be halfway through a troubleshooter).
  let asked = false;
  const updating = navigator.serviceWorker.controller !== null;
  const offer = (waiting?: ServiceWorker) => {
    if (!bar || !reload) return;
    bar.hidden = false;
    reload.onclick = () => {
      asked = true;
      // Still waiting: let it take over (controllerchange then reloads). Already taken over, in
      // this tab or another: this page is the old version, so reloading is all that is left.
      if (waiting?.state === 'installed') waiting.postMessage({ type: 'SKIP_WAITING' });
      else location.reload();
    };
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) location.reload();
    else if (updating) offer();
  });
  // An install that failed (no room on the device): the worker has deleted what it stored; say so.
  const failed = () => {
    const notice = document.querySelector<HTMLElement>('[data-offline-failed]');
    if (notice) notice.hidden = false;
  };
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string } | null>) => {
    if (event.data?.type === 'pos-help:install-failed') failed();
  });
  navigator.serviceWorker.startMessages();
  const watched = new WeakSet<ServiceWorker>();
  const watch = (incoming: ServiceWorker | null) => {
    if (!incoming || watched.has(incoming)) return;
    watched.add(incoming);
    let installed = false;
    incoming.addEventListener('statechange', () => {
      if (incoming.state === 'installed') installed = true;
      if (incoming.state === 'installed' && navigator.serviceWorker.controller) offer(incoming);
      // Redundant before it was ever installed: the install failed (a newer version replacing
      // one already installed is no failure).
      if (incoming.state === 'redundant' && !installed) failed();
    });
  };
  const register = () =>
    navigator.serviceWorker
      .register(swUrl)
      .then((registration) => {
        if (!registration) return; // some embedded browsers and test harnesses block registration
        // A worker already waiting: a new version was installed on an earlier visit.
        if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
        else if (offlinePage) void heldNow().then((held) => held && offer());
        watch(registration.installing);
        registration.addEventListener('updatefound', () => watch(registration.installing));
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

/**
 * Whether the offline copy now holds the address the offline page stands in for. A waiting
 * version takes over when the last tab of the old one navigates, which can be the very navigation
 * the old one answered with the offline page: then reloading shows the page.
 */
async function heldNow(): Promise<boolean> {
  if (!('caches' in window) || location.pathname.startsWith(`${import.meta.env.BASE_URL}offline/`)) return false;
  const url = new URL(location.href);
  url.search = '';
  url.hash = '';
  // The worker keys each page by its URL without query, `…/index.html` as `…/` (sw-template.js).
  url.pathname = url.pathname.replace(/\/index\.html$/, '/');
  return (await caches.match(url.href)) !== undefined;
}
