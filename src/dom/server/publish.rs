//! Publishing a story, natively: the page an iframe shows, or the `<story-line>` element a CMS
//! takes. Each carries the story prerendered by the same components the browser then hydrates,
//! and the story's data inline as a JSON data block (`<script type="application/json">`, which a
//! strict Content Security Policy allows), so no story ever needs a build of the widget.
//!
//! `storyline publish` (crates/storyline-cli) reads the files and hashes them; this module only
//! writes markup.

use super::prerender::render_html_with_key;
pub use storyline_core::embed_code::data_json;
pub use storyline_core::html_text::escape;
use storyline_core::Dataset;

/// The script every page loads: the loader joined to the WebAssembly's glue.
pub const JS: &str = "storyline.js";
/// The widget's WebAssembly.
pub const WASM: &str = "storyline-widget_bg.wasm";
/// The second WebAssembly module, which `storyline.js` loads only when a story needs it (a
/// TimelineJS file, a broken file whose problems an editor must see).
pub const IMPORT_WASM: &str = "storyline-import_bg.wasm";
/// The widget's stylesheet.
pub const CSS: &str = "storyline.css";
/// The optional host-page script that sizes `<iframe data-storyline>` to its content.
pub const EMBED: &str = "embed.js";
/// Every file of the widget, the same for every story.
pub const FILES: [&str; 5] = [JS, WASM, IMPORT_WASM, CSS, EMBED];
/// The id of the published page's data block.
pub const DATA_ID: &str = "storyline-data";

/// Where a published story finds the widget's files, and their Subresource Integrity hashes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetFiles {
    /// The URL the file names are joined to: empty for files beside the page, or a URL ending in `/`.
    pub base: String,
    pub js_integrity: String,
    pub wasm_integrity: String,
    pub css_integrity: String,
}

impl WidgetFiles {
    /// `base` as given by an editor, with the `/` a directory URL needs.
    pub fn with_base(mut self, base: &str) -> WidgetFiles {
        self.base = if base.is_empty() || base.ends_with('/') { base.to_string() } else { format!("{base}/") };
        self
    }

    fn url(&self, file: &str) -> String {
        escape(&format!("{}{file}", self.base))
    }

    fn stylesheet(&self) -> String {
        format!(r#"<link rel="stylesheet" href="{}" integrity="{}" crossorigin="anonymous">"#, self.url(CSS), self.css_integrity)
    }

    fn script(&self) -> String {
        format!(r#"<script type="module" src="{}" integrity="{}" crossorigin="anonymous"></script>"#, self.url(JS), self.js_integrity)
    }

    fn preload(&self) -> String {
        format!(
            r#"<link rel="preload" href="{}" as="fetch" type="application/wasm" integrity="{}" crossorigin="anonymous">"#,
            self.url(WASM),
            self.wasm_integrity
        )
    }
}

/// The deep-link key of a published element: its story's id keys it apart from any other
/// widget on the article page (`#<story-id>.event=…`), as the loader keys an element with an id.
pub fn element_key(dataset: &Dataset) -> String {
    format!("{}.event", dataset.story.id)
}

/// The widget's own page for `dataset`: for an iframe, or to be read on its own.
pub fn page(dataset: &Dataset, files: &WidgetFiles) -> String {
    let story = &dataset.story;
    let description = if story.dek.is_empty() { String::new() } else { format!("\n  <meta name=\"description\" content=\"{}\">", escape(&story.dek)) };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n  <meta charset=\"utf-8\">\n  \
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n  \
         <title>{title}</title>{description}\n  \
         <!-- Published by `storyline publish`: no inline script or style, so the page runs under a strict\n       \
         Content Security Policy (script-src 'self'; style-src 'self'). -->\n  \
         {css}\n  {preload}\n  {script}\n</head>\n<body>\n  \
         <main id=\"storyline\" class=\"storyline-root\" data-fragment-key=\"event\" data-json=\"{DATA_ID}\">{html}</main>\n  \
         <script type=\"application/json\" id=\"{DATA_ID}\">{json}</script>\n</body>\n</html>\n",
        lang = escape(&story.language),
        title = escape(&story.title),
        css = files.stylesheet(),
        preload = files.preload(),
        script = files.script(),
        html = render_html_with_key(dataset, "event"),
        json = data_json(dataset),
    )
}

/// The `<story-line>` element for `dataset`, to paste into an article: a declarative shadow root
/// holds the stylesheet and the prerendered story (readable with JavaScript off, hydrated in
/// place when it runs), the data block sits inside the element, and the module script follows.
pub fn element(dataset: &Dataset, files: &WidgetFiles) -> String {
    let key = element_key(dataset);
    format!(
        "<story-line id=\"{id}\">\n  <template shadowrootmode=\"open\">{css}\
         <div class=\"storyline-root\" data-fragment-key=\"{key}\">{html}</div></template>\n  \
         <script type=\"application/json\">{json}</script>\n</story-line>\n{script}\n",
        id = escape(&dataset.story.id),
        css = files.stylesheet(),
        key = escape(&key),
        html = render_html_with_key(dataset, &key),
        json = data_json(dataset),
        script = files.script(),
    )
}
