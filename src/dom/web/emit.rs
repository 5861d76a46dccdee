//! Custom DOM events the widget tells its host page through.

use crate::dom::Field;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};
use yew::NodeRef;

/// Dispatches the event `name` from the element `node` holds, with `detail` as its `detail`
/// object. It bubbles and is `composed`, so it crosses a `<story-line>` element's shadow root
/// and reaches listeners on the element itself and on the document.
pub fn emit(node: &NodeRef, name: &str, detail: &[(&str, Field)]) {
    let Some(el) = node.cast::<Element>() else { return };
    let object = Object::new();
    for &(key, field) in detail {
        let value = match field {
            Field::Text(text) => text.map_or(JsValue::NULL, JsValue::from_str),
            Field::Texts(texts) => texts.iter().map(|t| JsValue::from_str(t)).collect::<Array>().into(),
        };
        let _ = Reflect::set(&object, &key.into(), &value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = el.dispatch_event(&event);
    }
}
