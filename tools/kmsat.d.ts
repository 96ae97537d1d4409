// What our classic scripts share at run time, for the type checker (tools/tsconfig.json).
// Every file attaches its part to one global, KMSAT; the core also runs under Node (module, require).
//
// Typed: the core modules (each is the type of what its UMD factory returns), the kit's DOM
// helpers (KMSAT.dom), the bundle loader (KMSAT.load) and the component registry
// (KMSAT.components); tests/js/typecheck.test.js checks that mistakes with them are caught.
// Still `any`: the view parts the page files add (KMSAT.ui, compare*, present*, forms, paper,
// sharePanel, bundles: objects of functions whose parameters have no JSDoc until noImplicitAny
// is on), the event an `on` handler gets (as Event, some 20 `e.target.value` reads would
// need casts), the page data (KMSAT.dom.pageData), a component's api, and the docx library.

/** What `KMSAT.dom.append` takes: nodes, strings (as text) and arrays of them; null, false and undefined are skipped. */
type KmsatChild = Node | string | number | boolean | null | undefined | KmsatChild[];

/** `KMSAT.dom.h`'s props: class, text, on ({event: handler}), value, checked, and attributes. */
interface KmsatProps {
  on?: { [event: string]: (event: any) => unknown };
  [attribute: string]: unknown;
}

/** kit/dom.js: the one set of DOM helpers both pages build with. */
interface KmsatDom {
  uid(prefix: string): string;
  newId(): string;
  h<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, props?: KmsatProps | null, children?: KmsatChild): HTMLElementTagNameMap[Tag];
  h(tag: string, props?: KmsatProps | null, children?: KmsatChild): HTMLElement;
  svg<Tag extends keyof SVGElementTagNameMap>(tag: Tag, props?: KmsatProps | null, children?: KmsatChild): SVGElementTagNameMap[Tag];
  button(text: KmsatChild, onClick: (event: MouseEvent) => unknown, props?: KmsatProps): HTMLButtonElement;
  hidden(text: string): HTMLSpanElement;
  confirm(text: string, yes: string, no: string): Promise<boolean>;
  append<E extends Element>(el: E, children: KmsatChild): E;
  fill<E extends Element>(el: E, children: KmsatChild): E;
  download(name: string, content: string | Blob, type: string): void;
  pageData(): any;
  later(loading: Promise<unknown>, draw: () => KmsatChild): HTMLElement;
}

/** A part of a page that starts on every element matching `selector` (boot.js). */
interface KmsatComponent {
  name: string;
  selector: string;
  /** Returns how to stop, or {stop, api}, or nothing. */
  mount(el: Element, deps: KmsatDeps): unknown;
}

/** What a component gets besides its root (boot.js `deps`). */
interface KmsatDeps {
  load(name: string): Promise<void>;
  takeFirstHash(): string;
  api(name: string, el: Element): any;
}

/** The kmsat namespace: core modules, the kit, the loader and the component registry, and the page parts. */
interface KmsatNamespace {
  model: typeof import('../kmsat_build/assets/js/core/model.js');
  strings: typeof import('../kmsat_build/assets/js/core/strings.js');
  dates: typeof import('../kmsat_build/assets/js/core/dates.js');
  normalise: typeof import('../kmsat_build/assets/js/core/normalise.js');
  session: typeof import('../kmsat_build/assets/js/core/session.js');
  scoring: typeof import('../kmsat_build/assets/js/core/scoring.js');
  plan: typeof import('../kmsat_build/assets/js/core/plan.js');
  saving: typeof import('../kmsat_build/assets/js/core/saving.js');
  storage: typeof import('../kmsat_build/assets/js/kit/storage.js');
  share: typeof import('../kmsat_build/assets/js/core/share.js');
  contract: typeof import('../kmsat_build/assets/js/core/contract.js');
  exporters: typeof import('../kmsat_build/assets/js/core/exporters.js');
  reports: typeof import('../kmsat_build/assets/js/core/reports.js');
  present: typeof import('../kmsat_build/assets/js/core/present.js');
  boardPaper: typeof import('../kmsat_build/assets/js/core/board-paper.js');
  boardPaperDocx: typeof import('../kmsat_build/assets/js/core/board-paper-docx.js');
  compare: typeof import('../kmsat_build/assets/js/core/compare.js');
  compareState: typeof import('../kmsat_build/assets/js/core/compare-state.js');
  compareCsv: typeof import('../kmsat_build/assets/js/core/compare-csv.js');
  comparePaper: typeof import('../kmsat_build/assets/js/core/compare-paper.js');
  consensus: typeof import('../kmsat_build/assets/js/core/consensus.js');
  overTime: typeof import('../kmsat_build/assets/js/core/over-time.js');
  dom: KmsatDom;
  /** Load a bundle (its script and CSS) once per document (boot.js). */
  load(name: string): Promise<void>;
  components: { define(component: KmsatComponent): void };
  /** The page parts (ui, compare*, present*, ...): see the note at the top. */
  [part: string]: any;
}

declare var KMSAT: KmsatNamespace;
/** Material for MkDocs' page observable (instant navigation). */
declare var document$: { subscribe(fn: (doc: Document) => void): unknown } | undefined;
declare var module: { exports: any };
declare function require(path: string): any;

interface Window {
  KMSAT: KmsatNamespace;
  /** The docx library (vendor/docx.iife.js), once the docx bundle is loaded. */
  docx?: any;
}
