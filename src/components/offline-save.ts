/**
 * The work behind "keep the whole help centre on this device" (OfflineSave.astro): reads the
 * script's list of files (offline/{lang}.json, written by scripts/build/service-worker.mjs),
 * stores each missing one in the service worker's cache for this version, checked against its
 * SHA-256, four at a time, and marks the script as saved; the worker then keeps it up to date on
 * each deploy. Texts come from the control's data attributes, already in the page's script.
 */
import { resumeState, setState } from './offline-save-state';
import { base, type Listed, type List, PREFIX, abs, markerUrl, size, holds, store } from './offline-cache';

export function setUpSave(root: HTMLElement) {
  const lang = root.dataset.lang ?? '';
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const status = $<HTMLElement>('[data-save-status]');
  const progressBox = $<HTMLElement>('[data-save-progress]');
  const bar = $<HTMLProgressElement>('progress');
  const count = $<HTMLElement>('[data-save-count]');
  const checkButton = $<HTMLButtonElement>('[data-save-check]');
  const startButton = $<HTMLButtonElement>('[data-save-start]');
  const cancelButton = $<HTMLButtonElement>('[data-save-cancel]');
  /** A text of the control with its `{name}` placeholders filled in. */
  const text = (key: string, vars: Record<string, string | number> = {}) =>
    (root.getAttribute(`data-text-${key.replaceAll('.', '-')}`) ?? '').replace(/\{(\w+)\}/g, (_, name: string) =>
      String(vars[name] ?? ''),
    );
  const say = (message: string) => {
    if (status) status.textContent = message;
  };
  const show = (button: HTMLElement | null, visible: boolean) => {
    if (button) button.hidden = !visible;
  };

  let list: List | undefined;
  let controller: AbortController | undefined;

  const loadList = async (): Promise<List> => {
    if (list) return list;
    const res = await fetch(abs(`offline/${lang}.json`), { cache: 'no-store' });
    if (!res.ok) throw new Error(`${res.status} offline/${lang}.json`);
    list = (await res.json()) as List;
    return list;
  };
  /** The script's own pages (the root and offline pages also come along, as part of the shell). */
  const pagesOf = (files: Listed[]) =>
    files.filter((f) => f.title !== undefined && f.url.startsWith(`${lang}/`)).length;

  /** Shows the size, and the button that starts (or resumes) the download. */
  const check = async () => {
    try {
      const { files, bytes } = await loadList();
      say(text('save.size', { pages: pagesOf(files), size: size(bytes) }));
      show(checkButton, false);
      show(startButton, true);
      startButton?.focus();
    } catch {
      say(text('save.failed'));
    }
  };

  const showProgress = (pages: number, totalPages: number, done: number, bytes: number) => {
    if (progressBox) progressBox.hidden = false;
    if (bar) {
      bar.max = bytes;
      bar.value = done;
    }
    if (count) count.textContent = text('save.progress', { pages, totalPages, done: size(done), size: size(bytes) });
  };

  const start = async () => {
    const { version, files, bytes } = await loadList().catch(() => ({ version: '', files: [], bytes: 0 }));
    if (!version) return say(text('save.failed'));
    const cache = await caches.open(`${PREFIX}${version}`);
    const missing: Listed[] = [];
    for (const file of files) if (!(await holds(cache, file))) missing.push(file);
    const need = missing.reduce((s, f) => s + f.size, 0);
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    if (estimate?.quota !== undefined) {
      const free = Math.max(0, estimate.quota - (estimate.usage ?? 0));
      // Room for the files and what the browser adds to each entry.
      if (free < need * 1.2 + 64 * 1024) {
        setState(lang, null);
        show(startButton, true);
        return say(text('save.noRoom', { need: size(need), free: size(free) }));
      }
    }
    // Ask the browser not to clear the copy when space runs low; it works without, too.
    await navigator.storage?.persist?.().catch(() => false);
    setState(lang, 'running');
    controller = new AbortController();
    const { signal } = controller;
    show(startButton, false);
    show(cancelButton, true);
    say('');
    const totalPages = pagesOf(files);
    let pages = totalPages - pagesOf(missing);
    let done = bytes - need;
    showProgress(pages, totalPages, done, bytes);
    const queue = [...missing];
    const stored: Listed[] = [];
    const worker = async () => {
      for (let file = queue.shift(); file && !signal.aborted; file = queue.shift()) {
        await store(cache, file, signal);
        stored.push(file);
        done += file.size;
        if (file.title !== undefined) pages += 1;
        showProgress(pages, totalPages, done, bytes);
      }
    };
    const workers = [worker(), worker(), worker(), worker()];
    try {
      await Promise.all(workers);
      if (signal.aborted) return;
      await cache.put(
        markerUrl(lang),
        new Response(JSON.stringify({ version, files: files.length, pages: totalPages, bytes }), {
          headers: { 'content-type': 'application/json' },
        }),
      );
      setState(lang, 'done');
      say(text('save.done', { pages: totalPages, size: size(bytes) }));
      if (progressBox) progressBox.hidden = true;
    } catch (error) {
      if (signal.aborted) return;
      controller.abort();
      if ((error as Error).name === 'QuotaExceededError') {
        // The device ran out of room after all (estimate() can be generous): take back what this
        // download stored, so the rest of the device keeps its space, and say so. The other
        // downloads finish or stop first: a file they stored after the take-back would stay.
        await Promise.all(workers.map((w) => w.catch(() => undefined)));
        await Promise.all(stored.map((f) => cache.delete(abs(f.url)).catch(() => false)));
        setState(lang, null);
        if (progressBox) progressBox.hidden = true;
        say(text('save.noRoomNow', { need: size(need) }));
      } else {
        setState(lang, 'cancelled');
        say(text('save.failed'));
        if (startButton) startButton.textContent = text('save.resume');
      }
      show(startButton, true);
    } finally {
      show(cancelButton, false);
      void listStored();
    }
  };

  const cancel = () => {
    controller?.abort();
    setState(lang, 'cancelled');
    say(text('save.cancelled'));
    show(cancelButton, false);
    if (startButton) startButton.textContent = text('save.resume');
    show(startButton, true);
    startButton?.focus();
  };

  /** The offline page: which pages of this script the device holds. */
  const listStored = async () => {
    const target = $<HTMLElement>('[data-offline-pages]');
    const total = $<HTMLElement>('[data-offline-count]');
    if (!target || !total) return;
    const seen = new Map<string, { title: string; bytes: number }>();
    for (const name of (await caches.keys()).filter((n) => n.startsWith(PREFIX))) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (seen.has(path) || !path.startsWith(`${base}${lang}/`) || !path.endsWith('/')) continue;
        const blob = await (await cache.match(request))?.blob();
        if (!blob) continue;
        const title = /<title>([^<]*)<\/title>/.exec(await blob.text())?.[1]?.replace(/｜[^｜]*$/, '') ?? path;
        seen.set(path, { title, bytes: blob.size });
      }
    }
    const pages = [...seen].sort(([a], [b]) => a.localeCompare(b));
    const bytes = pages.reduce((s, [, p]) => s + p.bytes, 0);
    total.textContent = pages.length
      ? text('offline.onDevice.count', { pages: pages.length, size: size(bytes) })
      : text('offline.onDevice.none');
    target.replaceChildren(
      ...pages.map(([path, page]) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = path;
        link.textContent = page.title;
        item.append(link);
        return item;
      }),
    );
  };

  checkButton?.addEventListener('click', () => void check());
  startButton?.addEventListener('click', () => void start());
  cancelButton?.addEventListener('click', cancel);

  void (async () => {
    const saved = await caches.match(markerUrl(lang));
    const state = resumeState(lang);
    if (state === 'running') {
      await check();
      await start();
    } else if (saved) {
      const { pages, bytes } = (await saved.json()) as { pages: number; bytes: number };
      say(text('save.done', { pages, size: size(bytes) }));
      show(checkButton, false);
    } else if (state === 'cancelled') {
      say(text('save.cancelled'));
      show(checkButton, false);
      if (startButton) startButton.textContent = text('save.resume');
      show(startButton, true);
    }
    await listStored();
  })();

  return { check };
}
