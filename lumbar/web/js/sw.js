// The handbook's service worker: a phone with no signal still opens the pages it has seen.
// Network first, then the copy kept; the theme's hashed files: the copy kept, refreshed in the background.
const CACHE = "lumbar-v1";
// Kept at install: the home page, the red flags, the routines, the session player, the diary, and every style
// and script they use (ASSETS). A session's routine data is kept once that session was opened (the player
// fetches it; see "keep" below); the search index once the reader has searched (pages load it only then).
const PAGES = ["./", "safety/red-flags/", "routines/", "session/", "diary/"];
// The styles and scripts of the home page, the player and the diary: written by `python -m lumbar postbuild`.
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
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
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
  if (ours.length) event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ours)).catch(() => {}));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw error;
  }
}

async function keptFirst(event) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(event.request);
  const fresh = fetch(event.request).then((response) => {
    if (response.ok) cache.put(event.request, response.clone());
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
