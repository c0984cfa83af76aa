// The handbook's service worker: a phone with no signal still opens the pages it has seen.
// Network first, then the copy kept; the theme's hashed files: the copy kept, refreshed in the background.
// One cache per site (each language's site has its own worker): named by this worker's scope, since every
// project site of one GitHub owner shares an origin, and with it the caches. A worker deletes only its own
// older caches, never another site's.
const PREFIX = "lumbar-";
const VERSION = "v2";
const CACHE = `${PREFIX}${VERSION} ${self.registration.scope}`;
const LEGACY = "lumbar-v1"; // the name before v2, which every language's worker shared
// Kept at install: the home page, the red flags, the routines, the session player, the diary, the page shown
// for a page not kept (offline/), and every style and script they use, with search's index and worker
// (ASSETS). A session's routine data is kept once that session was opened (the player fetches it; see "keep").
const PAGES = ["./", "safety/red-flags/", "routines/", "session/", "diary/", "offline/"];
const FALLBACK = "offline/";
// The styles and scripts of those pages, and search's files: written by `python -m lumbar postbuild`.
const ASSETS = [];

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PAGES);
    await cache.addAll(ASSETS.map((path) => new URL(path, self.registration.scope).href));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      const mine = name.startsWith(PREFIX) && name.endsWith(` ${self.registration.scope}`);
      if ((mine && name !== CACHE) || name === LEGACY) await caches.delete(name);
    }
    await self.clients.claim();
    // Keep the pages open while this worker was installing too.
    const cache = await caches.open(CACHE);
    for (const client of await self.clients.matchAll({ type: "window" })) {
      const url = new URL(client.url);
      url.hash = "";
      if (url.origin === self.location.origin && !(await cache.match(url.href))) {
        await cache.add(url.href).catch(() => {});
      }
    }
  })());
});

// A page asks to keep files it fetched before this worker controlled it (the session player's data, on a
// first visit): { keep: [absolute URLs] }; only this site's files.
self.addEventListener("message", (event) => {
  const urls = event.data && Array.isArray(event.data.keep) ? event.data.keep : [];
  const ours = urls.filter((u) => {
    try { return new URL(u).origin === self.location.origin; } catch { return false; }
  });
  if (ours.length) event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ours.map(withoutHash))).catch(() => {}));
});

// A kept page's address never keeps what follows "#": the builder's link carries a routine and the patient's
// note there, which must not be stored.
function withoutHash(url) {
  const bare = new URL(url);
  bare.hash = "";
  return bare.href;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const key = withoutHash(request.url);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = (await cache.match(key)) || (await cache.match(key, { ignoreSearch: true }));
    // Kept under another query: a new response, which takes the address asked for (search's worker reads
    // its own address's ?material=).
    if (kept) return kept.url === key ? kept : new Response(kept.body, kept);
    // A page never opened: the offline page, which says so and lists what is kept, rather than the
    // browser's own error. A redirect, so its links and styles resolve from its own address.
    if (request.mode === "navigate" && (await cache.match(new URL(FALLBACK, self.registration.scope).href))) {
      const target = new URL(FALLBACK, self.registration.scope);
      target.searchParams.set("from", new URL(request.url).pathname);
      return Response.redirect(target.href, 302);
    }
    throw error;
  }
}

async function keptFirst(event) {
  const cache = await caches.open(CACHE);
  const key = withoutHash(event.request.url);
  const kept = await cache.match(key);
  const fresh = fetch(event.request).then((response) => {
    if (response.ok) cache.put(key, response.clone());
    return response;
  });
  if (kept) {
    event.waitUntil(fresh.catch(() => {}));
    return kept;
  }
  return fresh;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith(".zip")) return;
  // Files whose name has a hash (the theme's) never change: the copy kept first. Anything else: network first.
  const hashed = /\.[0-9a-f]{8}\.min\.(css|js)$/.test(url.pathname);
  event.respondWith(hashed ? keptFirst(event) : networkFirst(event.request));
});
