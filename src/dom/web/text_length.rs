//! How long a line of SVG text runs in the font the browser draws it in.

use web_sys::SvgTextContentElement;
use yew::NodeRef;

/// How long the SVG `<text>` that `node` holds runs, in its own user units: the sum of its
/// glyphs' advances in the font it is drawn in now (0 when `node` holds no text). Reading it
/// lays the text out, which starts loading a web font it needs and has not loaded yet.
pub fn text_length(node: &NodeRef) -> f64 {
    node.cast::<SvgTextContentElement>().map_or(0.0, |text| f64::from(text.get_computed_text_length()))
}
