/**
 * kmsat storage guard: runs in <head> before Material's scripts (listed as a
 * Material polyfill, so a file, never inline: the CSP stays strict).
 *
 * When the browser refuses storage (blocked cookies, some private modes),
 * reading `localStorage` or `sessionStorage` throws, and Material's own
 * scripts (palette, tabs, search) throw uncaught errors on every page. Here
 * each refused storage is replaced by one that keeps its items in memory for
 * this page only. It is marked `kmsatMemory`, so kit/storage.js still knows
 * nothing is really saved and says so.
 */
(function (root) {
  'use strict';
  function memory() {
    const items = new Map();
    const store = {
      get length() { return items.size; },
      key: (i) => [...items.keys()][i] ?? null,
      getItem: (key) => (items.has(String(key)) ? items.get(String(key)) : null),
      setItem: (key, value) => { items.set(String(key), String(value)); },
      removeItem: (key) => { items.delete(String(key)); },
      clear: () => items.clear(),
    };
    Object.defineProperty(store, 'kmsatMemory', { value: true });
    return store;
  }
  for (const name of ['localStorage', 'sessionStorage']) {
    try {
      root[name].getItem('kmsat');
    } catch (error) {
      try {
        Object.defineProperty(root, name, { configurable: true, enumerable: true, value: memory() });
      } catch (ignored) { /* cannot be replaced: Material's errors stay, our code copes */ }
    }
  }
})(self);
