//! The HTML a newsroom pastes into an article to show a story: the iframe of the page
//! `storyline publish --out` writes, or a `<story-line>` element that carries the story's JSON
//! inline. The editor's page offers both; `storyline publish` writes the story's data block the
//! same way (`data_json`).

use crate::html_text::escape;
use crate::model::Dataset;

/// The story as the JSON a data block holds: compact, and with every `<` written `\u003c`, which
/// means the same to a JSON parser but can neither end the `<script>` element nor open a comment.
/// Every `<` of serialised JSON is inside a string, where the escape is exact.
pub fn data_json(dataset: &Dataset) -> String {
    serde_json::to_string(dataset).expect("a dataset always serializes").replace('<', "\\u003c")
}

/// A folder's URL as given by an editor, with the `/` that file names are joined to.
fn folder(url: &str) -> String {
    if url.is_empty() || url.ends_with('/') { url.to_string() } else { format!("{url}/") }
}

/// The iframe of the story's page, published at `page_url` (the folder `storyline publish --out`
/// wrote, put on the newsroom's server), and the optional script that sizes it to its content.
pub fn iframe_code(dataset: &Dataset, page_url: &str) -> String {
    let page = escape(&folder(page_url));
    format!(
        "<iframe src=\"{page}\" title=\"{title}\" data-storyline loading=\"lazy\" width=\"100%\" height=\"900\" style=\"border:0\"></iframe>\n\
         <script src=\"{page}embed.js\" defer></script>\n",
        title = escape(&format!("Storyline: {}", dataset.story.title)),
    )
}

/// A `<story-line>` element holding the story, for an article's HTML: the widget's script from
/// `widget_url` (the folder of `storyline.js`), with its Subresource Integrity when it is known.
/// The paragraph inside is what a reader sees without JavaScript and until the widget runs.
pub fn element_code(dataset: &Dataset, widget_url: &str, js_integrity: &str) -> String {
    let integrity = if js_integrity.is_empty() { String::new() } else { format!(" integrity=\"{}\" crossorigin=\"anonymous\"", escape(js_integrity)) };
    format!(
        "<story-line id=\"{id}\">\n  <script type=\"application/json\">{json}</script>\n  <p>{title}</p>\n</story-line>\n\
         <script type=\"module\" src=\"{js}\"{integrity}></script>\n",
        id = escape(&dataset.story.id),
        json = data_json(dataset),
        title = escape(&dataset.story.title),
        js = escape(&format!("{}storyline.js", folder(widget_url))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Dataset {
        let text = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/stories/north-korea-troops-russia.json")).unwrap();
        let mut dataset = crate::accept(&text).unwrap().0.dataset;
        dataset.story.title = "Troops </script><b>\"quoted\"</b>".into();
        dataset
    }

    #[test]
    fn the_data_block_cannot_be_ended_by_the_story_and_reads_back_as_the_story() {
        let dataset = story();
        let json = data_json(&dataset);
        assert!(!json.contains('<'), "{json}");
        assert_eq!(crate::accept(json.as_bytes()).unwrap().0.dataset, dataset);
    }

    #[test]
    fn the_iframe_code_points_at_the_page_folder_and_names_the_story() {
        let code = iframe_code(&story(), "https://news.example/troops");
        assert!(code.starts_with("<iframe src=\"https://news.example/troops/\" title=\"Storyline: Troops &lt;/script&gt;&lt;b&gt;&quot;quoted&quot;"), "{code}");
        assert!(code.contains("data-storyline"), "{code}");
        assert!(code.contains("<script src=\"https://news.example/troops/embed.js\" defer></script>"), "{code}");
    }

    #[test]
    fn the_element_code_holds_the_story_inline_and_loads_the_widget_with_its_integrity() {
        let dataset = story();
        let code = element_code(&dataset, "https://cdn.example/storyline", "sha384-abc");
        assert!(code.starts_with(&format!("<story-line id=\"{}\">", dataset.story.id)), "{code}");
        assert_eq!(code.matches("</script>").count(), 2, "only the data block and the module script end a script: {code}");
        assert!(code.contains(&format!("<script type=\"application/json\">{}</script>", data_json(&dataset))), "{code}");
        assert!(code.contains("<script type=\"module\" src=\"https://cdn.example/storyline/storyline.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>"), "{code}");
        let without = element_code(&dataset, "", "");
        assert!(without.contains("<script type=\"module\" src=\"storyline.js\"></script>"), "{without}");
    }
}
