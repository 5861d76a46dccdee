// Storyline's optional helper for host pages: every <iframe data-storyline> takes the height
// its widget reports, so the story never scrolls inside a box of the wrong size.
// Include it once: <script src="…/embed.js" defer></script>. It reads AMP's `embed-size`
// message, one of the three formats the widget posts (see storyline.js).
addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.sentinel !== "amp" || data.type !== "embed-size") return;
  const height = Number(data.height);
  if (!(height > 0 && height < 100000)) return;
  for (const frame of document.querySelectorAll("iframe[data-storyline]")) {
    // Only the frame that sent the message is resized: another page's frames cannot be driven.
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
  }
});
