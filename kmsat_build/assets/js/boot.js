/**
 * kmsat boot: the one script on every page. It starts our components and
 * loads each page's bundle only when the page needs it.
 *
 * A component is `{name, selector, mount(el, deps)}`; `mount` returns a
 * function (or `{stop, api}`) that stops it. Bundles register theirs with
 * `KMSAT.components.define(...)`. The build puts the bundle table in front
 * of this file (`KMSAT.bundles`, from manifest.txt): each bundle's file
 * names and the mount points that call for it.
 *
 * Material's instant navigation swaps pages without re-running scripts, so
 * every page change (`document$`, or DOMContentLoaded without Material)
 * runs `scan`: stop the components whose root left the page, load the
 * bundles whose mount points appeared, start each component once per root
 * (marked `data-kmsat-started="<names>"`).
 */
(function (root) {
  'use strict';
  /** @type {Partial<KmsatNamespace>} the namespace as this script finds it: the loader is what it adds */
  const K = (root.KMSAT = root.KMSAT || /** @type {any} */ ({}));
  if (K.load) return; // already booted in this document
  /** @type {Record<string, {js: string, css?: string, mount?: string[]}>} */
  const BUNDLES = K.bundles || {};
  const MARK = 'data-kmsat-started';
  // Bundles sit beside this script: resolve from its own address (file:// and sub-paths too).
  const script = /** @type {HTMLScriptElement|null} */ (document.currentScript);
  const base = script && script.src ? script.src : document.baseURI;
  // The address as the page opened, before any page code rewrote it (share links read it).
  let firstHash = root.location.hash;
  /** @type {{name: string, selector: string, mount: Function}[]} */
  const components = [];
  /** @type {{name: string, el: Element, stop: Function, api: any}[]} */
  let running = [];
  /** @type {Record<string, Promise<void> | undefined>} */
  const loading = {};

  /** A classic element (script or stylesheet) that settles the promise when it loads. */
  function attach(tag, props) {
    return new Promise((resolve, reject) => {
      const el = Object.assign(document.createElement(tag), props);
      // Only the browser's own events count: a page script dispatching 'load' must not
      // make a bundle look loaded before it has run.
      el.addEventListener('load', (event) => { if (event.isTrusted) resolve(undefined); });
      el.addEventListener('error', (event) => {
        if (event.isTrusted) reject(new Error('kmsat: could not load ' + (props.src || props.href)));
      });
      // In <body>, not <head>: instant navigation makes <head> match the next page's,
      // removing what it does not list, and a bundle's CSS must stay for the document's life.
      document.body.append(el);
    });
  }

  /**
   * Load bundle `name` (its script and its CSS), once per document.
   * @param {string} name
   * @returns {Promise<void>}
   */
  function load(name) {
    const bundle = BUNDLES[name];
    if (!bundle) return Promise.reject(new Error('kmsat: no bundle named ' + name));
    let loaded = loading[name];
    if (!loaded) {
      const url = (file) => new URL(file, base).href;
      loaded = loading[name] = Promise.all([
        attach('script', { src: url(bundle.js), async: false }),
        bundle.css ? attach('link', { rel: 'stylesheet', href: url(bundle.css) }) : null,
      ]).then(() => undefined);
      loaded.catch(() => { delete loading[name]; }); // a later page may try again
    }
    return loaded;
  }

  /** What a component gets besides its root. */
  const deps = {
    load,
    /** The address's fragment as the page first opened (once), else the current one. */
    takeFirstHash() { const hash = firstHash; firstHash = ''; return hash; },
    /** The api of component `name` running on `el` (null when it is not running). */
    api(name, el) {
      const found = running.find((r) => r.name === name && r.el === el);
      return found ? found.api : null;
    },
  };

  /** Start `component` on every matching root that has not started it. */
  function start(component) {
    for (const el of document.querySelectorAll(component.selector)) {
      const names = (el.getAttribute(MARK) || '').split(' ').filter(Boolean);
      if (names.includes(component.name)) continue;
      el.setAttribute(MARK, names.concat(component.name).join(' '));
      let result;
      try {
        result = component.mount(el, deps);
      } catch (error) { // one broken component must not keep the others from starting
        console.error(error);
        continue;
      }
      const stop = typeof result === 'function' ? result : (result && result.stop) || (() => undefined);
      running.push({ name: component.name, el, stop, api: result && result.api });
    }
  }

  /** One page shown: stop what left, load what is needed, start what is new. */
  function scan() {
    for (const r of running) if (!r.el.isConnected) r.stop();
    running = running.filter((r) => r.el.isConnected);
    for (const name of Object.keys(BUNDLES)) {
      if (loading[name]) continue; // loaded or on its way: its components start as they are defined
      const wanted = (BUNDLES[name].mount || []).some((selector) => document.querySelector(selector));
      if (wanted) load(name).catch((error) => console.error(error.message));
    }
    components.forEach(start);
  }

  K.components = {
    /** @param {{name: string, selector: string, mount: Function}} component */
    define(component) {
      components.push(component);
      if (document.readyState !== 'loading') start(component);
    },
  };
  K.load = load;

  // document$ for instant navigation, DOMContentLoaded as well: from file://
  // Material completes document$ without a value. Scanning twice is harmless.
  if (root.document$ && typeof root.document$.subscribe === 'function') root.document$.subscribe(() => scan());
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})(self);
