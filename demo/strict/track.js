// What a newsroom's analytics might do with Storyline's events: here, list them on the page.
// It also keeps every Content-Security-Policy violation the page meets, so that a test (or a
// curious developer, in the console: `violations`) can see the policy hold.
window.violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
});
document.addEventListener("storyline:change", (event) => {
  const { event: id, actors, actor } = event.detail;
  const item = document.createElement("li");
  item.textContent = `event ${id}${actor ? `, actor card ${actor}` : ""} (involves ${actors.join(", ") || "no one"})`;
  document.getElementById("reader-log").append(item);
});
