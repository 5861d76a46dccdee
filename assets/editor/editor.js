// The editor's page (dist/editor.html): it reads the files an editor opens or drops and the text
// they type, hands them to the editor's WebAssembly (crates/storyline-editor), which checks them
// by the rules of `storyline check` and `import-csv`, and shows what it answers: every problem
// with its place and fix, the preview (the reader's own widget, in editor-preview.html), the
// embed codes and the story to download. Every rule, place, fix and code comes from Rust; this
// script only moves text between the page and it. Nothing leaves the browser.

import init, { checkText, checkSheets, embedCodes } from "./storyline-editor.js";

/** The integrity of the storyline.js this page came with, for the <story-line> code (xtask fills it in). */
const WIDGET_INTEGRITY = "@JS_INTEGRITY@";
/** How long typing pauses before the text is checked again. */
const PAUSE_MS = 300;

const started = init({ module_or_path: new URL("storyline-editor_bg.wasm", import.meta.url) });
const $ = (id) => document.getElementById(id);
const [text, list, summary, status, frame] = [$("text"), $("problems"), $("summary"), $("status"), $("preview")];
const [pageUrl, widgetUrl, download, copied] = [$("page-url"), $("widget-url"), $("download"), $("copied")];
widgetUrl.value = new URL(".", location.href).href;

/** The checked story as Storyline JSON, or null while it has errors. */
let story = null;
/** What the preview shows, and whether its frame listens yet. */
let shown = null;
let previewReady = false;
let downloadUrl;

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function element(tag, className, content) {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = content;
  return el;
}

/** Puts the cursor at `at` (UTF-16 units) in the text and scrolls its line into view. */
function goTo(at) {
  text.focus();
  text.setSelectionRange(at, at);
  const line = text.value.slice(0, at).split("\n").length - 1;
  text.scrollTop = Math.max(0, (line - 2) * parseFloat(getComputedStyle(text).lineHeight));
}

function problemItem(problem) {
  const item = element("li", `ed-problem ed-${problem.severity}`, "");
  const place = problem.place || "The whole file";
  let where;
  if (problem.at === null) {
    where = element("span", "ed-place", place);
  } else {
    where = element("button", "ed-place", place);
    where.type = "button";
    where.setAttribute("aria-label", `${place}: go to it in the text`);
    where.addEventListener("click", () => goTo(problem.at));
  }
  item.append(element("span", "ed-severity", problem.severity === "error" ? "Error" : "Warning"), where, element("span", "ed-message", problem.message));
  if (problem.fix) item.append(element("span", "ed-fix", `Fix: ${problem.fix}.`));
  return item;
}

/** Shows an answer of the WebAssembly: `{format, story, problems}` (crates/storyline-editor/src/answer.rs). */
function show(answer) {
  story = answer.story;
  const errors = answer.problems.filter((p) => p.severity === "error").length;
  const warnings = answer.problems.length - errors;
  summary.textContent = answer.problems.length === 0
    ? "No problems: the story is ready to publish."
    : `${plural(errors, "error")}, ${plural(warnings, "warning")}. ${errors ? "Fix the errors to see the story and its codes." : "The story can be published; the warnings are worth a look."}`;
  list.replaceChildren(...answer.problems.map(problemItem));
  updatePreview();
  updateCodes();
}

async function checkTyped() {
  await started;
  if (text.value.trim() === "") return;
  show(JSON.parse(checkText(text.value)));
}

let pause;
text.addEventListener("input", () => {
  clearTimeout(pause);
  pause = setTimeout(checkTyped, PAUSE_MS);
});

/** The CSV files of the template, or one JSON file (the first), as opened or dropped. */
async function openFiles(files) {
  files = [...files];
  if (files.length === 0) return;
  await started;
  const sheets = files.filter((f) => /\.csv$/i.test(f.name));
  if (sheets.length > 0) {
    const parts = await Promise.all(sheets.map((f) => f.arrayBuffer().then((b) => new Uint8Array(b))));
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
    const names = sheets.map((f) => f.name);
    const answer = JSON.parse(checkSheets(names, bytes, Uint32Array.from(parts, (p) => p.length)));
    if (answer.story) text.value = answer.story;
    status.textContent = answer.story
      ? `Read ${plural(names.length, "sheet")} (${names.join(", ")}). The story is below as Storyline JSON: fix it there, or in the spreadsheet and open the sheets again.`
      : `Read ${plural(names.length, "sheet")} (${names.join(", ")}). Fix the problems listed in the spreadsheet, save the sheets as CSV and open them again.`;
    return show(answer);
  }
  const file = files[0];
  text.value = await file.text();
  const answer = JSON.parse(checkText(text.value));
  status.textContent = answer.format === "timelinejs"
    ? `Opened ${file.name}, a TimelineJS file. The preview and the download show it as a Storyline story.`
    : `Opened ${file.name}.`;
  show(answer);
}

const input = $("files");
input.addEventListener("change", () => {
  const files = [...input.files];
  // Emptied, so that opening the same files again (fixed in the spreadsheet) reads them again.
  input.value = "";
  openFiles(files);
});
const drop = $("drop");
addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("ed-over");
});
addEventListener("dragleave", () => drop.classList.remove("ed-over"));
addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("ed-over");
  openFiles(event.dataTransfer.files);
});

/** Sends the story to the preview frame when it changed; a story with errors leaves the last good one there. */
function updatePreview() {
  $("preview-status").textContent = story || !shown ? "" : "The story has errors now: the preview shows its last version without them.";
  if (!story || !previewReady || story === shown) return;
  shown = story;
  frame.contentWindow.postMessage({ "storyline-preview": story }, location.origin);
}
addEventListener("message", (event) => {
  if (event.origin !== location.origin || event.source !== frame.contentWindow || !event.data?.["storyline-preview-ready"]) return;
  previewReady = true;
  shown = null;
  updatePreview();
});
// The frame's script may have said it listens before this one did: ask again.
frame.contentWindow.postMessage({ "storyline-preview-hello": true }, location.origin);
for (const radio of document.querySelectorAll('input[name="width"]')) {
  radio.addEventListener("change", () => (frame.className = radio.value === "phone" ? "ed-phone" : "ed-desktop"));
}

function updateCodes() {
  const codes = story ? JSON.parse(embedCodes(story, pageUrl.value.trim(), widgetUrl.value.trim(), WIDGET_INTEGRITY)) : {};
  $("iframe-code").value = codes.iframe ?? "";
  $("element-code").value = codes.element ?? "";
  for (const button of document.querySelectorAll("[data-copy]")) button.disabled = !story;
  $("embed-status").textContent = story ? "Copy a code into the article's HTML." : "The codes appear once the story has no errors.";
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = story ? URL.createObjectURL(new Blob([story], { type: "application/json" })) : undefined;
  if (downloadUrl) {
    download.href = downloadUrl;
    download.download = `${JSON.parse(story).story.id}.json`;
    download.removeAttribute("aria-disabled");
  } else {
    download.removeAttribute("href");
    download.setAttribute("aria-disabled", "true");
  }
}
pageUrl.addEventListener("input", updateCodes);
widgetUrl.addEventListener("input", updateCodes);

/** Copies a code with the Clipboard API, or else selects it for the editor to copy. A browser
    may leave the copy pending for ever (WebKit, when it waits on a permission it never asks
    for): after a second, the code is selected instead, so the editor is never left without word. */
for (const button of document.querySelectorAll("[data-copy]")) {
  button.disabled = true;
  button.addEventListener("click", async () => {
    const area = $(button.dataset.copy);
    try {
      const stalled = new Promise((_, fail) => setTimeout(() => fail(new Error("the copy stalled")), 1000));
      await Promise.race([navigator.clipboard.writeText(area.value), stalled]);
      copied.textContent = "Copied: paste it into the article's HTML.";
    } catch {
      area.focus();
      area.select();
      copied.textContent = "Selected: press Ctrl+C (Cmd+C on a Mac) to copy it.";
    }
  });
}
