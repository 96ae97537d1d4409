// What our classic scripts share at run time, for the type checker (tools/tsconfig.json).
// Every file attaches its part to one global, KMSAT; the core also runs under Node (module, require).

/** The kmsat namespace: core modules, the kit, the views, the component registry and loader. */
declare var KMSAT: any;
/** Material for MkDocs' page observable (instant navigation). */
declare var document$: { subscribe(fn: (doc: Document) => void): unknown } | undefined;
declare var module: { exports: any };
declare function require(path: string): any;

interface Window {
  KMSAT: any;
  /** The docx library (vendor/docx.iife.js), once the docx bundle is loaded. */
  docx?: any;
}
