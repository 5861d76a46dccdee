//! The JSON Schema of the dataset format, generated from the Rust types so that it cannot drift from them.

use crate::model::Dataset;

/// The schema published as `schema/storyline-1.schema.json`.
pub fn generate() -> serde_json::Value {
    let mut schema = serde_json::to_value(schemars::schema_for!(Dataset)).expect("a schema is JSON");
    if let Some(root) = schema.as_object_mut() {
        root.insert("$id".into(), "https://storyline.invalid/schema/storyline-1.schema.json".into());
        root.insert("title".into(), "Storyline dataset, format version 1".into());
        root.insert(
            "description".into(),
            "A news story as actors, dated events and relations between actors. Validation rules that a schema cannot express (unique ids, references, real dates, http(s) URLs, limits) are checked by `storyline check`; see docs/dataset.md.".into(),
        );
    }
    schema
}
