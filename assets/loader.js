// Storyline's loader: starts the widget's WebAssembly once, mounts every widget on the page,
// defines the <story-line> element, and, inside an iframe, keeps the parent told of its height.
//
// `cargo xtask` joins this file after wasm-bindgen's glues into dist/storyline.js (one request,
// one integrity hash): the widget's inside `function storylineGlue()`, which makes a fresh
// copy of it (`__wbg_init`, `mountStory`, `showProblems`, `showUnreachable`, `retire`), and the
// second module's inside `function storylineImportGlue()` (`acceptStory`); it writes the
// integrity hashes of the two wasm files and the CSS over the placeholders below.
// Nothing here reads the story or builds markup from it: `JSON.parse` hands it to the
// WebAssembly, which applies the format's rules and renders it as text.

const WASM_URL = new URL("storyline-widget_bg.wasm", import.meta.url);
const CSS_URL = new URL("storyline.css", import.meta.url);
const WASM_INTEGRITY = "@WASM_INTEGRITY@";
const CSS_INTEGRITY = "@CSS_INTEGRITY@";
const IMPORT_URL = new URL("storyline-import_bg.wasm", import.meta.url);
const IMPORT_INTEGRITY = "@IMPORT_INTEGRITY@";

let glue = storylineGlue();
let started;
/** The one start of the WebAssembly that every widget on the page waits for. */
function start() {
  started ??= glue.__wbg_init({ module_or_path: fetch(WASM_URL, { integrity: WASM_INTEGRITY }) });
  return started;
}

let importer;
/**
 * The second module, started the first time a story needs it: the format's full reading, for
 * a story the widget's own pass left undecided (a TimelineJS file, a broken file whose every
 * problem an editor must see). Most pages never load it.
 */
function startImporter() {
  importer ??= (async () => {
    const glue = storylineImportGlue();
    await glue.__wbg_init({ module_or_path: fetch(IMPORT_URL, { integrity: IMPORT_INTEGRITY }) });
    return glue;
  })();
  return importer;
}

/** UTF-8, strictly; a byte-order mark is skipped, as `storyline check` skips it. */
const utf8 = new TextDecoder("utf-8", { fatal: true });
/** The story as the browser parses it, or undefined when it is not UTF-8 JSON (the second module then says why). */
function parsed(bytes) {
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    return undefined;
  }
}

/**
 * The running instance's linear memory, once it has started: for diagnostics, such as the e2e
 * memory soak, which watches it for growth. The only export of this module.
 */
export const wasmMemory = () => start().then(() => glue.memory());

/** Puts a one-line notice for readers at the top of `root`; `reason` is kept for developers. */
function notice(root, className, text, reason) {
  const note = document.createElement("p");
  note.className = className;
  note.setAttribute("role", "status");
  note.textContent = text;
  if (reason) note.dataset.reason = reason;
  root.prepend(note);
}

/**
 * The WebAssembly could not start (an old browser, a blocked or corrupted download).
 * Whatever the root shows stays: prerendered HTML is the whole story, readable as text,
 * and the `sl-static` class makes the stylesheet show it as such. An empty root says why.
 */
function unavailable(root, error) {
  console.error("Storyline: the interactive widget could not start:", error);
  root.classList.add("sl-static");
  notice(root, "sl-unavailable", root.querySelector(".storyline")
    ? "The interactive timeline could not start in this browser, so the story is shown as text."
    : "The interactive timeline could not start in this browser.");
}

/**
 * Every root a widget is mounted on, with what it takes to mount it again: its data, the
 * data's name, its deep-link key, a copy of what the page put in it, and the mount under way.
 */
const mounts = new Map();

/**
 * After a fault, the WebAssembly starts afresh this many times before the widgets stop for good.
 * One engine has been seen to fault now and then in correct code (WebKitGTK 2.50's WebAssembly
 * JIT, see the README), and a fresh start then runs cleanly; a bug of ours faults again, and the
 * widgets then stop as below.
 */
const RESTARTS = 1;
let restarts = 0;
/** Set from a restart until the fresh WebAssembly has started: faults meanwhile are the old one's last. */
let restarting = false;
let stopReason;

/** A fault's reason as a developer reads it: a trap's stack (the wasm functions it went through) is what a bug report needs. */
const describe = (reason) => (reason instanceof Error && reason.stack ? `${reason}\n${reason.stack}` : String(reason));

/**
 * The WebAssembly stopped: a bug in the widget (a Rust panic, which the widget announces
 * with `storyline:panic` just before it aborts) or a fault below it (a trap). Its state is
 * gone, so no widget on the page answers any more. The first time, every widget starts
 * afresh on a new instance; after that, each says so, hides its dead controls and keeps
 * showing its story as static text.
 */
function stopped(reason) {
  if (stopReason !== undefined || restarting) return;
  if (restarts < RESTARTS) return restart(describe(reason));
  stopReason = describe(reason);
  console.error("Storyline: the interactive widget stopped after an internal error:", stopReason);
  for (const root of mounts.keys()) halt(root);
}

/**
 * Cuts the faulted instance off (its leftover listeners then do nothing), puts back in every
 * root what the page first put there, and mounts every widget again on a fresh instance. The
 * reader's place comes back from the deep link in the URL; `data-restarted` keeps the reason.
 */
function restart(why) {
  restarts += 1;
  restarting = true;
  console.warn("Storyline: the interactive widget stopped after an internal error and starts afresh:", why);
  glue.retire();
  glue = storylineGlue();
  started = undefined;
  for (const [root, entry] of mounts) {
    root.replaceChildren(...entry.first.map((node) => node.cloneNode(true)));
    root.dataset.restarted = why;
    run(root, entry);
  }
  const done = () => (restarting = false);
  start().then(done, done);
}

function halt(root) {
  root.classList.add("sl-static");
  notice(root, "sl-stopped", "The interactive timeline stopped after an error. Reload the page to try again.", stopReason);
}

/** A trap of our WebAssembly (not of some other on the host page): this file is on its stack. */
const ourTrap = (error) => error instanceof WebAssembly.RuntimeError && String(error.stack).includes(import.meta.url);
addEventListener("storyline:panic", (event) => stopped(event.detail));
addEventListener("error", (event) => ourTrap(event.error) && stopped(event.error));
addEventListener("unhandledrejection", (event) => ourTrap(event.reason) && stopped(event.reason));

/** The story's bytes from a URL; rejects with a reason a reader or an editor can act on. */
async function fetchBytes(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`the request failed (${error.message})`);
  }
  if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Mounts one widget on `root`. `data` resolves to the story's bytes, exactly as the file or
 * the data block holds them: the WebAssembly applies the same rule to them as `storyline check`.
 * `source` names the data in error messages. `hydrate` says that what `root` holds was
 * prerendered from this same data (`storyline publish`), so the widget adopts it.
 */
function mount(root, data, source, fragmentKey, hydrate) {
  const entry = { data, source, fragmentKey, hydrate, first: [...root.childNodes].map((node) => node.cloneNode(true)) };
  mounts.set(root, entry);
  if (stopReason !== undefined) return halt(root);
  if (hydrate && root.firstElementChild?.matches(".storyline")) keepEarlyIntents(root);
  run(root, entry);
}

/**
 * A reader who clicks a prerendered control (Next, an event's marker) or presses a key inside
 * the widget before it is live loses nothing: the intent is kept, the root says the widget is
 * starting (`aria-busy`; the stylesheet shows "Starting…" and a progress cursor), and once the
 * widget is live each intent is given again, in order, to the same element, which hydration
 * has adopted. Links are left to work as links.
 */
function keepEarlyIntents(root) {
  const kept = [];
  const live = () => root.querySelector(".storyline[data-ready]");
  const keep = (event, again) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    kept.push(again);
    root.setAttribute("aria-busy", "true");
  };
  const onClick = (event) => {
    const control = event.target.closest?.('button, [role="button"]');
    if (live() || !control || !root.contains(control)) return;
    keep(event, () => control.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, composed: true })));
  };
  const onKey = (event) => {
    const { key, code, ctrlKey, metaKey, altKey, shiftKey, target } = event;
    // Tab moves focus as ever; Enter and Space on a button make a click, which is kept instead.
    const activates = (key === "Enter" || key === " ") && target.closest?.('button, [role="button"]');
    if (live() || key === "Tab" || activates) return;
    const init = { key, code, ctrlKey, metaKey, altKey, shiftKey, bubbles: true, cancelable: true, composed: true };
    keep(event, () => target.dispatchEvent(new KeyboardEvent("keydown", init)));
  };
  root.addEventListener("click", onClick, true);
  root.addEventListener("keydown", onKey, true);
  // Settled: live, or showing why not (an error view, no WebAssembly, a stop), which takes no intents.
  const settled = () => live() || root.querySelector(".sl-error, .sl-unavailable, .sl-stopped");
  new Promise((resolve) => {
    if (settled()) return resolve();
    const watch = new MutationObserver(() => settled() && (watch.disconnect(), resolve()));
    watch.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });
  }).then(() => {
    root.removeEventListener("click", onClick, true);
    root.removeEventListener("keydown", onKey, true);
    root.removeAttribute("aria-busy");
    const again = kept.splice(0);
    if (live()) for (const intent of again) intent();
  });
}

/**
 * Starts the widget of `entry` on `root` once the WebAssembly is up. `entry.widget` resolves to
 * the mounted widget (whose `destroy()` takes it down), or to nothing when the wasm cannot start.
 */
function run(root, entry) {
  const { data, source, fragmentKey, hydrate } = entry;
  const { mountStory, showProblems, showUnreachable } = glue;
  const current = () => stopReason === undefined && entry.widget === mounting; // not stopped or restarted meanwhile
  const mounting = start().then(
    async () => {
      let bytes, failure;
      try {
        bytes = await data;
      } catch (error) {
        failure = error;
      }
      if (!current()) return;
      // Markup prerendered from this data is hydrated (or, if the data fails, kept as static
      // text under the reader's line); anything else (a loading line, the fallback the page
      // put there) is replaced.
      if (!(hydrate && root.firstElementChild?.matches(".storyline"))) root.replaceChildren();
      if (failure) return showUnreachable(root, source, failure.message);
      const story = parsed(bytes);
      const widget = story === undefined ? undefined : mountStory(root, story, bytes.length, source, fragmentKey);
      if (widget) return widget;
      // Undecided by the widget's pass: the second module reads the file as `storyline check` does.
      let verdict;
      try {
        verdict = JSON.parse((await startImporter()).acceptStory(bytes, source));
      } catch (error) {
        if (!current()) return;
        return showUnreachable(root, source, `the story could not be read (${error.message})`);
      }
      if (!current()) return;
      for (const line of verdict.console) console.warn(line);
      const errors = verdict.errors ?? [{ path: "", message: "the story could not be read" }];
      return (verdict.story && mountStory(root, verdict.story, bytes.length, source, fragmentKey)) ||
        showProblems(root, source, errors.map((p) => p.path), errors.map((p) => p.message));
    },
    (error) => unavailable(root, error),
  );
  entry.widget = mounting;
}

/** A promise of `url`'s bytes, started now, beside the wasm's download. */
function fetched(url) {
  const data = fetchBytes(new URL(url, document.baseURI));
  // Its failure is read once the wasm is up (or never, if the wasm fails), so it must not
  // surface as an unhandled rejection meanwhile.
  data.catch(() => {});
  return data;
}

/** The bytes of an inline data block, as a file would hold them. */
const inlineBytes = (script) => Promise.resolve(new TextEncoder().encode(script.textContent));

const NO_DATA = 'no story was given: add src="story.json", or the story\'s JSON in a <script type="application/json">';

/**
 * Where a mount's data comes from: a URL (`src` or `data-src`), else an inline data block
 * (`data-json` names its id on a root; a `<story-line>` holds it as a child). Only inline data
 * can have been prerendered into the mount, so only it is hydrated.
 */
function dataOf(element, inline) {
  const src = element.getAttribute("src") ?? element.getAttribute("data-src");
  if (src) return { data: fetched(src), source: src, hydrate: false };
  if (inline) return { data: inlineBytes(inline), source: inline.id ? `#${inline.id}` : "inline data", hydrate: true };
  return { data: Promise.reject(new Error(NO_DATA)), source: "this widget", hydrate: false };
}

/**
 * A page's own widgets (`.storyline-root`, as `storyline publish --out` writes them). The page's
 * address may name another story for a quick look, `?src=story.json`: it is shown instead of
 * the page's own, not prerendered.
 */
const quickLook = new URLSearchParams(location.search).get("src");
for (const root of document.querySelectorAll(".storyline-root")) {
  const id = root.getAttribute("data-json");
  const inline = id ? document.getElementById(id) ?? { id, textContent: "" } : null;
  const { data, source, hydrate } = quickLook ? { data: fetched(quickLook), source: quickLook, hydrate: false } : dataOf(root, inline);
  mount(root, data, source, root.getAttribute("data-fragment-key") || "event", hydrate);
}

/**
 * The deep-link key of a `<story-line>` that has neither an id nor a `fragment-key`: the first
 * such element on the page keeps the plain `event`, the next ones `story2.event`, `story3.event`…
 * by their order, which a reload keeps, so each finds its own event again. The order changes
 * when the page's widgets do, so a page with several is told once to give them ids.
 */
let unnamedAdvised = false;
function keyByOrder(element) {
  const unnamed = [...document.querySelectorAll("story-line:not([id]):not([fragment-key])")];
  if (unnamed.length > 1 && !unnamedAdvised) {
    unnamedAdvised = true;
    console.warn(`Storyline: this page has ${unnamed.length} <story-line> elements without an id. Their deep links go by their order on the page (#event=, #story2.event=, …) and change meaning if that order changes: give each an id.`);
  }
  const n = unnamed.indexOf(element);
  return n > 0 ? `story${n + 1}.event` : "event";
}

/**
 * `<story-line src="story.json">`, or with a `<script type="application/json">` child, or as
 * `storyline publish --element` writes it, prerendered in a declarative shadow root.
 * The widget lives in an open shadow root: the host page's CSS cannot reach in, and the
 * widget's cannot leak out. Give each element an `id` when a page has several: it keys
 * their deep links apart (`#first.event=…&second.event=…`). Removed from the page, the
 * element takes its widget down; added back, it starts afresh.
 */
class StoryLine extends HTMLElement {
  connectedCallback() {
    if (this.mounted) return; // moved within the page: still mounted
    const inline = this.querySelector(':scope > script[type="application/json"]');
    const { data, source, hydrate } = dataOf(this, inline);
    const key = this.getAttribute("fragment-key") ?? (this.id ? `${this.id}.event` : keyByOrder(this));
    // `storyline publish --element` writes the shadow root into the page (a declarative
    // `<template shadowrootmode>`), with the stylesheet and the story prerendered: it is read
    // without script, and hydrated here where it stands.
    const declared = this.shadowRoot?.querySelector(".storyline-root");
    if (declared) {
      mount(declared, data, source, declared.getAttribute("data-fragment-key") || key, hydrate);
      this.mounted = true;
      return;
    }
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = CSS_URL;
    css.integrity = CSS_INTEGRITY;
    css.crossOrigin = "anonymous";
    const root = document.createElement("div");
    root.className = "storyline-root";
    // Until the widget runs, the reader sees what the page put inside the element (a link, a
    // paragraph: what a browser without script shows too), or else a loading line.
    const fallback = document.createElement("slot");
    const loading = document.createElement("p");
    loading.className = "sl-loading";
    loading.setAttribute("role", "status");
    loading.textContent = "Loading the story…";
    fallback.append(loading);
    root.append(fallback);
    // Unstyled content would flash while the stylesheet loads; a failed stylesheet shows it anyway.
    root.hidden = true;
    const show = () => (root.hidden = false);
    css.addEventListener("load", show);
    css.addEventListener("error", show);
    shadow.replaceChildren(css, root);
    mount(root, data, source, key, false);
    this.mounted = true;
  }

  disconnectedCallback() {
    // A move within the page disconnects and reconnects at once: only a real removal, still
    // disconnected after the current task's microtasks, takes the widget down.
    queueMicrotask(() => {
      if (this.isConnected || !this.mounted) return;
      this.mounted = false;
      const root = this.shadowRoot.querySelector(".storyline-root");
      const widget = mounts.get(root)?.widget;
      mounts.delete(root);
      widget?.then((mounted) => stopReason === undefined && mounted?.destroy());
      this.shadowRoot.replaceChildren();
    });
  }
}
if (!customElements.get("story-line")) customElements.define("story-line", StoryLine);

/**
 * Inside an iframe, the parent page is told the content's height whenever it changes, in the
 * three formats newsrooms already handle: pym.js, Datawrapper's and AMP's `embed-size`
 * (which `embed.js` reads), and every `storyline:change`. Neither is secret, so any parent
 * may hear them.
 */
function reportHeight() {
  if (window.parent === window) return;
  const params = new URLSearchParams(location.search);
  const pymId = params.get("childId") ?? "storyline";
  const chartId = params.get("id") ?? "storyline";
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, "*");
    window.parent.postMessage({ "datawrapper-height": { [chartId]: height } }, "*");
    window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
  };
  new ResizeObserver(send).observe(document.documentElement);
  // The host page cannot hear events inside the frame: what the reader selects is forwarded.
  document.addEventListener("storyline:change", (event) => {
    window.parent.postMessage({ "storyline:change": event.detail }, "*");
  });
}
reportHeight();
