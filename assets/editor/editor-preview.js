// The editor's preview frame: each story the editor page sends becomes a fresh <story-line>
// with the story inline, which the reader's loader (storyline.js) mounts as on any article.
// Removing the previous element takes its widget down (the loader's disconnectedCallback).

const preview = document.getElementById("preview");

/** Tells the editor page that this frame listens, so that it sends the story it has. */
const ready = () => parent.postMessage({ "storyline-preview-ready": true }, location.origin);

addEventListener("message", (event) => {
  if (event.origin !== location.origin || event.source !== parent) return;
  // The page asks when its script started after this frame's.
  if (event.data?.["storyline-preview-hello"]) return ready();
  const story = event.data?.["storyline-preview"];
  if (typeof story !== "string") return;
  const element = document.createElement("story-line");
  const data = document.createElement("script");
  data.type = "application/json";
  data.textContent = story;
  element.append(data);
  preview.replaceChildren(element);
});

ready();
