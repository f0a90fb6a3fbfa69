/* The offline service worker (/sw.js). scripts/build/service-worker.mjs fills in OFFLINE.
 * Written for the browser floor (Chromium 78, Safari 13): no optional chaining, no `??`.
 *
 * One cache per deployed version, `pos-help-{version}`, holds:
 * - at install: the shell, and the essentials of each script the merchant has opened (the
 *   scripts of the pages open now, and those the previous version held); the pages the previous
 *   version had kept; and, for a script saved whole, every file of it (offline/{lang}.json);
 * - as the merchant goes: each page opened, and each file a page fetched (the first page in a
 *   script also brings that script's essentials).
 * Every entry carries its SHA-256; an entry that does not match it, or cannot be read, is dropped
 * and fetched again (offline: the offline page stands in). An install that fails (no room) deletes
 * what it stored and tells the open pages.
 */
'use strict';
var OFFLINE = self.__OFFLINE__;
var PREFIX = 'pos-help-';
var CACHE = PREFIX + OFFLINE.version;
var SHA = 'x-pos-help-sha256';
var base = new URL(OFFLINE.base, self.location.href);
/** Marker entries: which scripts' essentials, and which whole scripts, this cache holds. */
var marker = function (name) {
  return new URL('__offline__/' + name, base).href;
};

var hex = function (buf) {
  return Array.prototype.map
    .call(new Uint8Array(buf), function (b) {
      return ('0' + b.toString(16)).slice(-2);
    })
    .join('');
};
var digest = function (buf) {
  return crypto.subtle.digest('SHA-256', buf).then(hex);
};

/** The cache key of a request: the URL without query or hash, `…/index.html` as `…/`. */
var keyOf = function (url) {
  var u = new URL(url, base);
  u.search = '';
  u.hash = '';
  u.pathname = u.pathname.replace(/\/index\.html$/, '/');
  return u.href;
};
/** The script of a URL under the base path (`zh-hant`), or undefined. */
var langOf = function (url) {
  var path = new URL(url, base).pathname.slice(base.pathname.length);
  var first = path.split('/')[0];
  return Object.prototype.hasOwnProperty.call(OFFLINE.essentials, first) ? first : undefined;
};

/** Stores `body` under `key` with its hash; `expected` (if given) must match. */
function storeBody(cache, key, res, body, expected) {
  return digest(body).then(function (sha) {
    if (expected && sha !== expected) throw new Error('changed while downloading: ' + key);
    var headers = new Headers(res.headers);
    headers.set(SHA, sha);
    return cache.put(key, new Response(body, { status: res.status, statusText: res.statusText, headers: headers }));
  });
}

/** A stored entry whose body still matches its hash, or undefined (a bad entry is deleted). */
function readVerified(cache, key) {
  var drop = function () {
    return cache.delete(key).then(
      function () {
        return undefined;
      },
      function () {
        return undefined;
      },
    );
  };
  return cache.match(key).then(
    function (res) {
      if (!res) return undefined;
      var sha = res.headers.get(SHA);
      if (!sha) return drop();
      return res.arrayBuffer().then(function (body) {
        return digest(body).then(function (actual) {
          if (actual !== sha) return drop();
          return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
        });
      }, drop);
    },
    function () {
      return drop();
    },
  );
}

/** An entry with this hash in any of our caches (an earlier version's), or undefined. */
function findStored(key, sha) {
  return caches.keys().then(function (names) {
    // Not this version's own cache (fill() looked there first): opening it after a failed
    // install deleted it would bring it back, empty but listed.
    var mine = names.filter(function (n) {
      return n.indexOf(PREFIX) === 0 && n !== CACHE;
    });
    var next = function (i) {
      if (i >= mine.length) return Promise.resolve(undefined);
      return caches
        .open(mine[i])
        .then(function (c) {
          return c.match(key);
        })
        .then(function (res) {
          return res && res.headers.get(SHA) === sha ? res : next(i + 1);
        });
    };
    return next(0);
  });
}

/** Like Promise.all, but rejects (with the first error) only once every promise has settled. */
function settled(promises) {
  var failure;
  return Promise.all(
    promises.map(function (p) {
      return p.catch(function (error) {
        if (!failure) failure = { error: error };
      });
    }),
  ).then(function () {
    if (failure) throw failure.error;
  });
}

/**
 * Stores the files ([url, sha] pairs) in `cache`, four at a time: kept from an earlier version
 * when the hash is the same, else downloaded and checked against the hash. On the first failure
 * the others stop taking files, and it rejects only when none is still writing, so a caller that
 * then deletes the cache deletes everything stored.
 */
function fill(cache, files) {
  var queue = files.slice();
  var stop = function (error) {
    queue.length = 0;
    throw error;
  };
  var worker = function () {
    var file = queue.shift();
    if (!file) return Promise.resolve();
    var key = new URL(file[0], base).href;
    return cache
      .match(key)
      .then(function (have) {
        if (have && have.headers.get(SHA) === file[1]) return undefined;
        return findStored(key, file[1]).then(function (old) {
          if (old) return cache.put(key, old);
          return fetch(key, { cache: 'no-cache', credentials: 'same-origin' }).then(function (res) {
            if (!res.ok) throw new Error(res.status + ' ' + key);
            return res.arrayBuffer().then(function (body) {
              return storeBody(cache, key, res, body, file[1]);
            });
          });
        });
      })
      .then(worker, stop);
  };
  return settled([worker(), worker(), worker(), worker()]);
}

var readMarker = function (cache, name) {
  return cache.match(marker(name)).then(function (res) {
    return res ? res.json() : undefined;
  });
};
var writeMarker = function (cache, name, value) {
  return cache.put(
    marker(name),
    new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } }),
  );
};

/** What the newest earlier version held: its scripts, saved scripts and kept pages. */
function previous() {
  return caches.keys().then(function (names) {
    var older = names.filter(function (n) {
      return n.indexOf(PREFIX) === 0 && n !== CACHE;
    });
    var held = { langs: [], saved: [], pages: [] };
    return Promise.all(
      older.map(function (name) {
        return caches.open(name).then(function (c) {
          return c.keys().then(function (requests) {
            return Promise.all(
              Object.keys(OFFLINE.essentials).map(function (lang) {
                return Promise.all([readMarker(c, 'lang-' + lang), readMarker(c, 'saved-' + lang)]).then(function (m) {
                  if (m[0] && held.langs.indexOf(lang) < 0) held.langs.push(lang);
                  if (m[1] && held.saved.indexOf(lang) < 0) held.saved.push(lang);
                });
              }),
            ).then(function () {
              requests.forEach(function (r) {
                if (/\/$/.test(r.url) && langOf(r.url) && held.pages.indexOf(r.url) < 0) held.pages.push(r.url);
              });
            });
          });
        });
      }),
    ).then(function () {
      return held;
    });
  });
}

/** Stores a script's essentials (once per version). */
var ensuring = {};
function ensureLang(lang) {
  if (!ensuring[lang])
    ensuring[lang] = caches.open(CACHE).then(function (cache) {
      return readMarker(cache, 'lang-' + lang).then(function (done) {
        if (done) return undefined;
        return fill(cache, OFFLINE.essentials[lang]).then(function () {
          return writeMarker(cache, 'lang-' + lang, { version: OFFLINE.version });
        });
      });
    });
  ensuring[lang].catch(function () {
    delete ensuring[lang];
  });
  return ensuring[lang];
}

/** Every file of a script saved whole, from this version's list (offline/{lang}.json). */
function refreshSaved(cache, lang) {
  return fetch(new URL('offline/' + lang + '.json', base).href, { cache: 'no-store' })
    .then(function (res) {
      if (!res.ok) throw new Error(res.status + ' offline/' + lang + '.json');
      return res.json();
    })
    .then(function (list) {
      return fill(
        cache,
        list.files.map(function (f) {
          return [f.url, f.sha];
        }),
      ).then(function () {
        return writeMarker(cache, 'saved-' + lang, {
          version: list.version,
          files: list.files.length,
          pages: list.files.filter(function (f) {
            return f.title !== undefined && f.url.indexOf(lang + '/') === 0;
          }).length,
          bytes: list.bytes,
        });
      });
    });
}

/** Keeps a page the previous version had (if it is still published). */
function keepPage(cache, url) {
  return fetch(url, { cache: 'no-cache', credentials: 'same-origin' }).then(
    function (res) {
      if (!res.ok || res.redirected) return undefined;
      return res.arrayBuffer().then(function (body) {
        return storeBody(cache, url, res, body);
      });
    },
    function () {
      return undefined;
    },
  );
}

function tellPages(message) {
  return self.clients.matchAll({ includeUncontrolled: true, type: 'window' }).then(function (list) {
    list.forEach(function (c) {
      c.postMessage(message);
    });
  });
}

self.addEventListener('install', function (event) {
  event.waitUntil(
    Promise.all([previous(), self.clients.matchAll({ includeUncontrolled: true, type: 'window' })]).then(function (r) {
      var held = r[0];
      r[1].forEach(function (c) {
        var lang = langOf(c.url);
        if (lang && held.langs.indexOf(lang) < 0) held.langs.push(lang);
      });
      return caches
        .open(CACHE)
        .then(function (cache) {
          return fill(cache, OFFLINE.shell)
            .then(function () {
              return settled(
                held.langs.map(function (lang) {
                  return fill(cache, OFFLINE.essentials[lang]).then(function () {
                    return writeMarker(cache, 'lang-' + lang, { version: OFFLINE.version });
                  });
                }),
              );
            })
            .then(function () {
              return settled(
                held.saved.map(function (lang) {
                  return refreshSaved(cache, lang);
                }),
              );
            })
            .then(function () {
              return settled(
                held.pages.map(function (url) {
                  return cache.match(url).then(function (have) {
                    return have ? undefined : keepPage(cache, url);
                  });
                }),
              );
            });
        })
        .catch(function (error) {
          // No room (or the network failed halfway): keep nothing half-stored, and say so.
          return caches
            .delete(CACHE)
            .then(function () {
              return tellPages({
                type: 'pos-help:install-failed',
                quota: !!(error && error.name === 'QuotaExceededError'),
              });
            })
            .then(function () {
              throw error;
            });
        });
    }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (n) {
              return n.indexOf(PREFIX) === 0 && n !== CACHE;
            })
            .map(function (n) {
              return caches.delete(n);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

self.addEventListener('message', function (event) {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

/** A minimal page when even the offline page is gone from the device. */
var lastResort = function () {
  return new Response(
    '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>' +
      OFFLINE.offlineTitle +
      '</title><h1>' +
      OFFLINE.offlineTitle +
      '</h1>',
    { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
};

/** Stores a copy of `res` under `key` once the page has it (a failure to store is not the page's). */
function keep(event, cache, key, res) {
  event.waitUntil(
    res
      .clone()
      .arrayBuffer()
      .then(function (body) {
        return storeBody(cache, key, res, body);
      })
      .catch(function () {}),
  );
}

/** Pages: the network first, keeping what comes; offline, the stored copy, else the offline page. */
function navigate(event) {
  var key = keyOf(event.request.url);
  return caches.open(CACHE).then(function (cache) {
    return fetch(event.request).then(
      function (res) {
        if (res.ok && !res.redirected && res.type === 'basic') keep(event, cache, key, res);
        return res;
      },
      function () {
        return readVerified(cache, key).then(function (stored) {
          if (stored) return stored;
          return readVerified(cache, new URL('offline/', base).href).then(function (offline) {
            return offline || lastResort();
          });
        });
      },
    );
  });
}

/** Other files: the device first (checked), else the network, keeping what comes. */
function asset(event) {
  var key = keyOf(event.request.url);
  return caches.open(CACHE).then(function (cache) {
    return readVerified(cache, key).then(function (stored) {
      if (stored) return stored;
      return fetch(event.request).then(function (res) {
        if (res.ok && res.status === 200 && res.type === 'basic') keep(event, cache, key, res);
        return res;
      });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf(base.pathname) !== 0) return;
  if (url.pathname === base.pathname + 'sw.js' || /\/offline\/[^/]+\.json$/.test(url.pathname)) return;
  if (/\/(embed|pdf)\//.test(url.pathname.slice(base.pathname.length - 1))) return;
  // Range requests, and the downloads of "keep the whole help centre" (which store for themselves).
  if (request.headers.get('range') || request.headers.get('x-pos-help-save')) return;
  var lang = langOf(request.url);
  if (request.mode === 'navigate') {
    if (lang) event.waitUntil(ensureLang(lang).catch(function () {}));
    event.respondWith(navigate(event));
  } else event.respondWith(asset(event));
});
