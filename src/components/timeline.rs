//! The timeline: an SVG axis with ticks, era bands, range bars, event markers and cluster buttons.
//!
//! Geometry comes from core (`ticks`, `timeline_layout`) and goes into SVG attributes, never
//! inline styles, so a strict Content-Security-Policy can forbid `style=`. Markers are
//! `role="button"` with the event's title, date and status as their name. The timeline is
//! one tab stop: the selected marker holds `tabindex="0"` and arrow keys move the selection.
//! By hand: a mouse drags it and Ctrl + wheel zooms it; a finger's swipe steps to the next or
//! previous event, as on the card, and two fingers pan and pinch it.

use crate::by_pointer::ByPointer;
use crate::dom;
use crate::hooks::{use_animated_window, use_font_fit, use_gestures, use_swipe, use_width};
use crate::svg::px;
use crate::store::{on_click, use_dispatch, use_store, Dispatch, Store};
use storyline_core::font_fit::REFERENCE;
use storyline_core::scale::TimeScale;
use storyline_core::ticks::ticks;
use storyline_core::timeline_layout::{cluster_label, era_bands, layout, Layout, Params, Rows, BAR_HEIGHT, BAR_RADIUS, CLUSTER_HEIGHT, CLUSTER_RADIUS, ERA_TITLE_Y, PHONE_DRAWING_WIDTH};
use storyline_core::view_state::Action;
use yew::prelude::*;

/// The width assumed before the browser measures (and in prerendered HTML).
pub const DEFAULT_WIDTH: f64 = 720.0;
const TICK_FONT: f64 = 12.0;
/// Half the side of the smallest target a finger hits reliably, 44 CSS px (WCAG 2.5.5), and a
/// pixel more: the axis' drawing may be scaled a hair down to fit its box.
const HIT_RADIUS: f64 = 23.0;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// False for the prerender and the render that hydrates it, which also carry the axis drawn
    /// for a phone (see `PHONE_DRAWING_WIDTH`).
    pub live: bool,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let store = use_store();
    let dispatch = use_dispatch();
    let container = use_node_ref();
    let width = use_width(container.clone(), DEFAULT_WIDTH);
    use_gestures(container.clone(), dispatch.clone());
    // A finger's swipe steps, as on the card; in any story the axis runs left to right, so a
    // leftward swipe brings in the next event whatever the story's direction.
    use_swipe(container.clone(), dispatch.clone(), store.visible.ends(store.view.selected), false, false);
    let reference = use_node_ref();
    use_font_fit(reference.clone(), dispatch.clone());
    let window = use_animated_window(store.view.window, store.view.selected);
    let dataset = &store.dataset;
    let view = &store.view;
    // Roving focus: when the reader steps with the keyboard from a marker, focus follows the
    // selection, even when the marker they left is gathered into a cluster and disappears.
    let refocus = use_mut_ref(|| false);
    {
        let (container, refocus) = (container.clone(), refocus.clone());
        let selected_id = view.selected.map(|e| dataset.events[e].id.clone());
        use_effect_with(selected_id, move |id| {
            if std::mem::take(&mut *refocus.borrow_mut()) {
                if let Some(id) = id {
                    // Ids keep to [A-Za-z0-9_-] (validation), so they are safe inside a selector.
                    dom::focus(&container, &format!("[data-event=\"{id}\"]"), 0);
                }
            }
        });
    }
    let onkeydown = {
        let refocus = refocus.clone();
        Callback::from(move |e: KeyboardEvent| *refocus.borrow_mut() = dom::target_matches(&e, ".sl-marker"))
    };
    let fit = view.font_fit;
    let params = Params { fit, ..Params::for_width(width) };
    let scale = TimeScale::new(window.0, window.1, width);
    // Laid out again only when what the layout reads changes: not when a card opens, a filter
    // panel unfolds or the map's focus moves. The filter's items are the store's, kept from one
    // frame of a pan or a glide to the next.
    let placed = use_memo((ByPointer(store.visible.clone()), ByPointer(store.index.clone()), scale, params, view.selected), |(visible, index, scale, params, selected)| {
        let mut placed = layout(visible.items(index), scale, params, *selected);
        // A stable order keeps each marker's DOM node in place as the selection moves, so focus is not lost.
        storyline_core::order::sort_by_key(&mut placed.markers, |m| index.position(m.event));
        placed
    });
    let axis = draw(&store, &dispatch, &params, &scale, &placed, "sl-axis");
    // Until the widget is live, the page also carries the axis drawn for the narrowest phones,
    // which the stylesheet shows instead on a phone, with script or without: the axis drawn for
    // `DEFAULT_WIDTH` would be scaled down there to labels of 5 px. Drawn for the prerender and
    // the render that hydrates it; the live widget draws one axis, for the width it measures.
    let phone = (!props.live).then(|| {
        let params = Params { fit, ..Params::for_width(PHONE_DRAWING_WIDTH) };
        let scale = TimeScale::new(window.0, window.1, PHONE_DRAWING_WIDTH);
        let mut placed = layout(store.visible.items(&store.index), &scale, &params, view.selected);
        storyline_core::order::sort_by_key(&mut placed.markers, |m| store.index.position(m.event));
        draw(&store, &dispatch, &params, &scale, &placed, "sl-axis-phone")
    });

    html! {
        <div ref={container} class="sl-timeline" {onkeydown}>
            // The line the widget's font is measured by (`use_font_fit`), never seen, at core's
            // REFERENCE_PX (tests/ssr.rs holds the two together), in an SVG of its own: WebKit lays
            // SVG text out at the size it takes on screen, and the axis is drawn scaled until its
            // width is known.
            <svg class="sl-measure" width="0" height="0" aria-hidden="true">
                <text ref={reference} font-size="13" visibility="hidden">{ REFERENCE }</text>
            </svg>
            if let Some(phone) = phone { <div class="sl-timeline-phone">{ phone }</div> }
            { axis }
        </div>
    }
}

/// One drawing of the axis, for `scale`'s width: eras, ticks, clusters, markers and their hit
/// areas, and the halo of the selected one.
fn draw(store: &Store, dispatch: &Dispatch, params: &Params, scale: &TimeScale, placed: &Layout, class: &'static str) -> Html {
    let (dataset, view) = (&store.dataset, &store.view);
    let (width, fit) = (scale.width, params.fit);
    let rows = Rows::new(params);

    // Tick labels are measured as the widget's font draws them: at a size `fit` times theirs.
    let (_, axis_ticks) = ticks(scale, TICK_FONT * fit);
    let axis_y = rows.axis_y;

    let eras = era_bands(dataset, scale, width, fit).into_iter().map(|band| {
        html! {
            <g key={dataset.eras[band.era].id.clone()} class="sl-era">
                <rect x={px(band.x0)} y="0" width={px(band.width())} height={px(axis_y)} />
                if !band.title.is_empty() {
                    <text x={px(band.title_x())} y={px(ERA_TITLE_Y)}>{ band.title }</text>
                }
            </g>
        }
    });

    let ticks_html = axis_ticks.iter().map(|t| {
        html! {
            <g key={(t.t as i64).to_string()} class={classes!("sl-tick", t.major.then_some("major"))}>
                <line x1={px(t.x)} x2={px(t.x)} y1={px(axis_y)} y2={px(rows.tick_end(t.major))} />
                <text x={px(t.x)} y={px(rows.tick_label_y())}>{ &t.label }</text>
            </g>
        }
    });

    let markers = placed.markers.iter().map(|m| {
        let event = &dataset.events[m.event];
        let y = rows.lane_y(m.lane);
        let (label_x, label_y) = m.label_at(y);
        let selected = view.selected == Some(m.event);
        let name = format!("{}, {}, {}", event.title, event.start.display_long(), event.status.label());
        let onclick = on_click(dispatch, Action::Select(m.event));
        let onkeydown = {
            let dispatch = dispatch.clone();
            let e = m.event;
            Callback::from(move |k: KeyboardEvent| {
                if k.key() == "Enter" || k.key() == " " {
                    k.prevent_default();
                    dispatch.dispatch(Action::Select(e));
                }
            })
        };
        html! {
            <g key={event.id.clone()} class={classes!("sl-marker", event.status.key(), selected.then_some("selected"))}
               role="button" tabindex={if selected { "0" } else { "-1" }} aria-label={name}
               aria-current={selected.then_some("true")} data-event={event.id.clone()} {onclick} {onkeydown}>
                if let Some(bar) = m.bar(y) {
                    <rect class="sl-bar" x={px(bar.x)} y={px(bar.y)} width={px(bar.width)} height={px(BAR_HEIGHT)} rx={px(BAR_RADIUS)} />
                }
                <circle class="sl-dot" cx={px(m.x)} cy={px(y)} r={if selected { "8" } else { "6" }} />
                if !m.label.is_empty() {
                    <text class={classes!("sl-label", m.label_before.then_some("end"))} x={px(label_x)} y={px(label_y)}>{ &m.label }</text>
                }
            </g>
        }
    });

    // On a touch screen each marker is also reached through a hit area at least 44 px across
    // (storyline.css turns them on for a coarse pointer only). They lie under every marker, so a
    // dot always wins over a neighbour's hit area where two overlap; out of the accessibility
    // tree, since the marker itself is the button.
    let hits = placed.markers.iter().map(|m| {
        html! {
            <circle key={dataset.events[m.event].id.clone()} class="sl-hit" cx={px(m.x)} cy={px(rows.lane_y(m.lane))} r={px(HIT_RADIUS)}
                    onclick={on_click(dispatch, Action::Select(m.event))} />
        }
    });

    // The selected marker is drawn once more on top of its neighbours, as decoration only.
    let halo = placed.markers.iter().find(|m| view.selected == Some(m.event)).map(|m| {
        let y = rows.lane_y(m.lane);
        html! {
            <g class="sl-halo" aria-hidden="true">
                <line class="sl-guide" x1={px(m.x)} x2={px(m.x)} y1={px(rows.guide_top(y))} y2={px(axis_y)} />
                <circle cx={px(m.x)} cy={px(y)} r="11" />
            </g>
        }
    });

    let cluster_width = params.cluster_width();
    let clusters = placed.clusters.iter().map(|c| {
        let onclick = on_click(dispatch, Action::ZoomTo(c.t0, c.t1));
        let name = format!("{} more events here: zoom in", c.count);
        // Under a finger the pill is tapped in a square 44 px across at least (storyline.css).
        let hit = c.hit(&rows);
        html! {
            <g key={format!("c{}", c.x as i64)} class="sl-cluster" role="button" tabindex="-1" aria-label={name} data-count={c.count.to_string()} {onclick}>
                <rect class="sl-cluster-hit" x={px(hit.0)} y={px(hit.1)} width={px(hit.2)} height={px(hit.2)} />
                <rect x={px(c.left(params))} y={px(rows.cluster_top())} width={px(cluster_width)} height={px(CLUSTER_HEIGHT)} rx={px(CLUSTER_RADIUS)} />
                <text x={px(c.x)} y={px(rows.cluster_label_y())}>{ cluster_label(c.count) }</text>
            </g>
        }
    });

    html! {
        <svg class={class} width={px(width)} height={px(rows.height)} viewBox={format!("0 0 {} {}", px(width), px(rows.height))}
             role="group" aria-label="Events on a time axis">
            { for eras }
            <line class="sl-axis-line" x1="0" x2={px(width)} y1={px(axis_y)} y2={px(axis_y)} />
            { for ticks_html }
            { for clusters }
            <g class="sl-hits" aria-hidden="true">{ for hits }</g>
            { for markers }
            { for halo }
        </svg>
    }
}
