/*! Adapted from iframe-worker 1.0.4 (MIT, Martin Donath; see iframe-worker-LICENSE.txt).
 * From file:// Chromium refuses Web Workers, so Material's search worker runs in
 * a hidden iframe instead. The original writes an inline <script> into the
 * iframe, which a strict Content Security Policy (no 'unsafe-inline') blocks;
 * this version wires the iframe's globals from here and loads the worker with
 * a plain <script src>, which 'self' allows. Only active on file:// pages. */
"use strict";
(function () {
  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = String(url);
      const frame = document.createElement("iframe");
      frame.hidden = true;
      document.body.appendChild((this.iframe = frame));
      const w = frame.contentWindow;
      w.document.open();
      w.document.write("<!doctype html><html><body></body></html>");
      w.document.close();
      // The worker's postMessage reaches us as a "message" event.
      w.postMessage = (data) => {
        const event = new MessageEvent("message", { data: structuredClone(data) });
        this.dispatchEvent(event);
        if (this.onmessage) this.onmessage(event);
      };
      w.importScripts = (...urls) => urls.reduce((done, src) => done.then(() => load(w, src)),
        Promise.resolve());
      w.addEventListener("error", (e) => {
        const event = new ErrorEvent("error", { message: e.message, filename: this.url, error: e.error });
        this.dispatchEvent(event);
        if (this.onerror) this.onerror(event);
      });
      this.ready = load(w, `${this.url}?${Date.now()}`);
    }
    terminate() {
      this.iframe.remove();
    }
    postMessage(data) {
      this.ready.catch(() => {}).then(() => {
        this.iframe.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }
  }
  function load(w, src) {
    return new Promise((resolve, reject) => {
      const script = w.document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      w.document.body.appendChild(script);
    });
  }
  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") window.Worker = IFrameWorker;
})();
