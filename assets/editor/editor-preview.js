// The editor's preview frame: each story the editor page sends becomes a fresh <story-line>
// with the story inline, which the reader's loader (storyline.js) mounts as on any article.
// Removing the previous element takes its widget down (the loader's disconnectedCallback).

const preview = document.getElementById("preview");

addEventListener("message", (event) => {
  const story = event.data?.["storyline-preview"];
  if (event.origin !== location.origin || event.source !== parent || typeof story !== "string") return;
  const element = document.createElement("story-line");
  const data = document.createElement("script");
  data.type = "application/json";
  data.textContent = story;
  element.append(data);
  preview.replaceChildren(element);
});

// Says the frame listens, so that a story checked before it loaded is sent again.
parent.postMessage({ "storyline-preview-ready": true }, location.origin);
