//! The actor map as a reader uses it: relations as of the selected event, actor cards, the keyboard, "Who's who",
//! and on a phone the selected event's map at full size with the whole map a tap away.

use crate::harness::{expect, fail, Ctx, Test, TestFn, TestResult};
use fantoccini::key::Key;
use fantoccini::Locator;
use storyline::story;
use storyline_core::relations::describe;
use storyline_core::{ActorKind, Dataset, RelationKind, Status};

pub const TESTS: &[(&str, TestFn)] = &[
    ("selecting_events_changes_which_relations_are_in_force", selecting_events_changes_which_relations_are_in_force),
    ("an_actor_opens_its_card_and_filters_the_timeline", an_actor_opens_its_card_and_filters_the_timeline),
    ("the_keyboard_walks_the_map", the_keyboard_walks_the_map),
    ("whos_who_gives_every_actor_and_relation_as_text", whos_who_gives_every_actor_and_relation_as_text),
    ("a_selected_actors_card_lists_its_sources_as_links_with_safe_hrefs", a_selected_actors_card_lists_its_sources_as_links_with_safe_hrefs),
    ("the_map_at_the_first_a_middle_and_the_last_event", the_map_at_the_first_a_middle_and_the_last_event),
    ("every_actor_stands_in_its_groups_region_or_at_the_end_of_a_relation", every_actor_stands_in_its_groups_region_or_at_the_end_of_a_relation),
    ("the_selected_events_actors_stand_out_and_the_rest_recede", the_selected_events_actors_stand_out_and_the_rest_recede),
    ("the_map_with_its_groups_at_1280_768_375_and_320_px", the_map_with_its_groups_at_1280_768_375_and_320_px),
    ("on_a_phone_the_events_map_draws_its_labels_at_12_px_and_the_whole_map_is_one_tap_away", on_a_phone_the_events_map_draws_its_labels_at_12_px_and_the_whole_map_is_one_tap_away),
    ("a_story_of_another_beat_draws_its_companies_its_ship_and_its_own_verbs", a_story_of_another_beat_draws_its_companies_its_ship_and_its_own_verbs),
    ("at_1280_px_the_whole_map_goes_beside_the_card_only_where_it_fits_and_never_scrolls_sideways", at_1280_px_the_whole_map_goes_beside_the_card_only_where_it_fits_and_never_scrolls_sideways),
];

/// Run in a session with JavaScript turned off.
pub const WITHOUT_SCRIPT: &[(&str, TestFn)] = &[
    ("without_script_the_map_at_375_px_draws_no_label_under_11_px", without_script_the_map_at_375_px_draws_no_label_under_11_px),
    ("without_script_at_1280_px_the_built_in_map_goes_under_the_card_and_never_scrolls_sideways", without_script_at_1280_px_the_built_in_map_goes_under_the_card_and_never_scrolls_sideways),
];

/// The smallest size any text of the map is drawn at, in CSS px: its computed font size times
/// every scale between it and the page (the node's, the SVG's viewBox into its box).
const SMALLEST_LABEL: &str = r#"
    let least = Infinity;
    for (const t of document.querySelectorAll('.sl-map .sl-map-svg text')) {
        const m = t.getScreenCTM();
        least = Math.min(least, parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b));
    }
    return least;
"#;

/// The actors the event `e`'s map shows: its own and the groups that hold them, up every chain.
fn event_map_actors(dataset: &Dataset, e: usize) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for who in &dataset.events[e].actors {
        let chain = std::iter::successors(Some(who.actor.as_str()), |id| dataset.actors.iter().find(|a| a.id == *id)?.part_of.as_deref());
        ids.extend(chain.map(str::to_string));
    }
    ids.sort();
    ids.dedup();
    ids
}

/// The actor ids the map draws, sorted.
async fn drawn_actors(ctx: &Ctx) -> Result<Vec<String>, String> {
    let mut ids = ctx.attrs(".sl-map .sl-node", "data-actor").await?;
    ids.sort();
    Ok(ids)
}

/// Waits until the map draws `count` actors.
async fn wait_drawn(ctx: &Ctx, count: usize) -> TestResult {
    ctx.wait_until_true(&format!("return document.querySelectorAll('.sl-map .sl-node').length === {count}"), &format!("a map of {count} actors")).await.map(drop)
}

/// Checks that the legend explains exactly the kinds of actors the map draws and the kinds of
/// relations it draws in force, and nothing else; `at` says where, for messages.
async fn legend_explains_only_what_is_drawn(ctx: &Ctx, at: &str) -> TestResult {
    let drawn = ctx
        .eval("return [[...document.querySelectorAll('.sl-map .sl-node')].map(n => n.classList[1]),                [...document.querySelectorAll('.sl-map .sl-edge.holds, .sl-map .sl-edge.begins')].map(e => [e.classList[1], e.classList[2]]),                [...document.querySelectorAll('.sl-map-panel .sl-legend li')].map(l => l.textContent.trim())]")
        .await?;
    let list = |v: &serde_json::Value| -> Vec<String> { v.as_array().into_iter().flatten().filter_map(|s| s.as_str().map(str::to_string)).collect() };
    let (kinds, entries) = (list(&drawn[0]), list(&drawn[2]));
    let edges: Vec<Vec<String>> = drawn[1].as_array().into_iter().flatten().map(list).collect();
    let mut expected: Vec<String> = ActorKind::ALL.into_iter().filter(|k| kinds.iter().any(|c| c == k.key())).map(|k| k.label().to_string()).collect();
    expected.extend(RelationKind::ALL.into_iter().filter(|k| edges.iter().any(|e| e[0] == k.key())).map(|k| k.verb().to_string()));
    expected.extend(Status::EVERY.into_iter().filter(|s| edges.iter().any(|e| e[1] == s.key())).map(|s| {
        if s == Status::Denied { format!("{} (struck through)", s.label()) } else { s.label().to_string() }
    }));
    // Past those, only what time does to an edge: bold as it begins, faint when not in force.
    let explained: Vec<String> = entries.iter().filter(|e| !e.starts_with("begins at") && !e.starts_with("not yet")).cloned().collect();
    expect(explained == expected, || format!("{at}: the legend explains {explained:?}, the map draws {expected:?}"))
}

/// Where the map draws things, as the browser lays them out: each node's shape and label
/// (`[left, top, right, bottom]` each, by actor id) and each group's region (by group id).
const GEOMETRY: &str = r#"
    const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const nodes = {}, regions = {};
    for (const n of document.querySelectorAll('.sl-map .sl-node')) {
        nodes[n.getAttribute('data-actor')] = [box(n.querySelector('.sl-node-shape')), box(n.querySelector('.sl-node-label'))];
    }
    for (const g of document.querySelectorAll('.sl-map .sl-region')) regions[g.getAttribute('data-group')] = box(g.querySelector('rect'));
    return {nodes, regions, svg: box(document.querySelector('.sl-map-svg'))};
"#;

type Rect = [f64; 4];

fn rect(v: &serde_json::Value) -> Rect {
    let n = |i: usize| v[i].as_f64().unwrap_or(f64::NAN);
    [n(0), n(1), n(2), n(3)]
}

/// `inner` lies inside `outer`, to half a pixel.
fn inside(inner: Rect, outer: Rect) -> bool {
    inner[0] >= outer[0] - 0.5 && inner[1] >= outer[1] - 0.5 && inner[2] <= outer[2] + 0.5 && inner[3] <= outer[3] + 0.5
}

fn overlap(a: Rect, b: Rect) -> bool {
    a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5
}

/// The map's geometry in the page as it stands: what holds each node's shape and label, what overlaps.
/// Checks that every actor the map draws is drawn inside the region of the group it is part of
/// (and of that group's group), that every such group's region is drawn, that no two nodes'
/// shapes or labels overlap, and that all of it is inside the map; `at` says where, for messages.
async fn check_geometry(ctx: &Ctx, at: &str) -> TestResult {
    let dataset = story::embedded();
    let g = ctx.eval(GEOMETRY).await?;
    let svg = rect(&g["svg"]);
    let mut boxes: Vec<(&str, Rect)> = Vec::new();
    for actor in dataset.actors.iter().filter(|a| !g["nodes"][a.id.as_str()].is_null()) {
        let node = &g["nodes"][actor.id.as_str()];
        let (shape, label) = (rect(&node[0]), rect(&node[1]));
        expect(inside(shape, svg) && inside(label, svg), || format!("{at}: {} is drawn outside the map", actor.id))?;
        // Up the chain of groups: each region holds the actor's shape and label.
        for group in std::iter::successors(actor.part_of.as_deref(), |g| dataset.actors.iter().find(|a| a.id == *g)?.part_of.as_deref()) {
            let region = rect(&g["regions"][group]);
            expect(inside(shape, region) && inside(label, region), || format!("{at}: {} is drawn outside the region of {group}", actor.id))?;
        }
        boxes.extend([(actor.id.as_str(), shape), (actor.id.as_str(), label)]);
    }
    for (i, &(a, p)) in boxes.iter().enumerate() {
        for &(b, q) in &boxes[i + 1..] {
            expect(a == b || !overlap(p, q), || format!("{at}: {a} and {b} overlap: {p:?} {q:?}"))?;
        }
    }
    Ok(())
}

fn every_actor_stands_in_its_groups_region_or_at_the_end_of_a_relation(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        let drawn = ctx.attrs(".sl-map [data-relation]", "data-relation").await?;
        let groups = ctx.attrs(".sl-map [data-group]", "data-group").await?;
        for actor in &dataset.actors {
            let in_a_region = actor.part_of.as_ref().is_some_and(|g| groups.contains(g)) || groups.contains(&actor.id);
            let related = dataset.relations.iter().any(|r| (r.from == actor.id || r.to == actor.id) && drawn.contains(&r.id));
            expect(in_a_region || related, || format!("{} stands alone on the map", actor.id))?;
        }
        check_geometry(ctx, "1280 px").await?;
        ctx.scroll_to(".sl-map-panel").await?;
        ctx.screenshot("map-groups").await
    })
}

fn the_selected_events_actors_stand_out_and_the_rest_recede(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let event = dataset.events.iter().find(|e| e.id == "nis-3000-briefing").ok_or("no NIS briefing")?;
        ctx.open(&format!("/widget/#event={}", event.id)).await?;
        ctx.wait_ready().await?;
        ctx.wait_current(&event.title).await?;
        // The class core decides, and what it looks like: a bold label for the event's actors, a muted one for the others.
        let looks = ctx
            .eval("return [...document.querySelectorAll('.sl-map .sl-node')].map((n) => { const l = getComputedStyle(n.querySelector('.sl-node-label'));                    return [n.getAttribute('data-actor'), n.getAttribute('class'), l.fontWeight, l.fill]; })")
            .await?;
        let looks = looks.as_array().ok_or("no nodes")?;
        let involved_fill = looks.iter().find(|n| n[1].as_str().is_some_and(|c| c.contains("involved"))).map(|n| n[3].clone());
        for node in looks {
            let (id, class, weight) = (node[0].as_str().unwrap_or(""), node[1].as_str().unwrap_or(""), node[2].as_str().unwrap_or(""));
            let of_event = event.actors.iter().any(|w| w.actor == id);
            if of_event {
                expect(class.contains("involved") && (weight == "700" || weight == "bold"), || format!("{id}, of the event, is drawn {class:?} at weight {weight}"))?;
            } else {
                expect(class.contains("receded") && weight != "700" && Some(&node[3]) != involved_fill.as_ref(), || format!("{id} is drawn {class:?}, {weight}, {}", node[3]))?;
            }
        }
        // Read as a screen reader reads it: the region is visually hidden, and WebDriver's text of a hidden element is empty in WebKit.
        let live = ctx.eval("return document.querySelector('.sl-live').textContent").await?;
        let live = live.as_str().unwrap_or_default();
        expect(live.ends_with("4 actors in this event: NIS, N. Korea, KPA and White House."), || format!("the live region says {live:?}"))?;
        // At the treaty, its relations in force are the last edges drawn, over the others.
        let treaty = dataset.events.iter().find(|e| e.id == "pyongyang-treaty").ok_or("no treaty")?;
        ctx.open(&format!("/widget/#event={}", treaty.id)).await?;
        ctx.wait_ready().await?;
        ctx.wait_current(&treaty.title).await?;
        let order = ctx.eval("return [...document.querySelectorAll('.sl-map .sl-edge')].map((e) => e.classList.contains('of-event'))").await?;
        let order: Vec<bool> = order.as_array().ok_or("no edges")?.iter().map(|v| v.as_bool() == Some(true)).collect();
        let first_on_top = order.iter().position(|&o| o).ok_or("no edge of the treaty is drawn over the others")?;
        expect(order[first_on_top..].iter().all(|&o| o), || format!("the treaty's relations are not all drawn last: {order:?}"))?;
        ctx.scroll_to(".sl-map-panel").await?;
        ctx.screenshot("map-event-in-focus").await
    })
}

fn the_map_with_its_groups_at_1280_768_375_and_320_px(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let n = dataset.events.len();
        for width in [1280, 768, 375, 320] {
            for (e, name) in [(0, "first"), (n / 2, "middle"), (n - 1, "last")] {
                let event = &dataset.events[e];
                ctx.open_in_frame(&format!("/fixtures/map-width.html?width={width}&event={}", event.id)).await?;
                ctx.wait_current(&event.title).await?;
                let at = format!("{width} px, {}", event.id);
                // A phone shows the event's actors and their groups at full size; wider, the whole map.
                let (expected, least) = if width < 520 { (event_map_actors(&dataset, e), 12.0) } else { (dataset.actors.iter().map(|a| a.id.clone()).collect(), 11.0) };
                let mut expected = expected;
                expected.sort();
                wait_drawn(ctx, expected.len()).await?;
                let drawn = drawn_actors(ctx).await?;
                let smallest = ctx.eval(SMALLEST_LABEL).await?.as_f64().unwrap_or(0.0);
                let checked = check_geometry(ctx, &at).await;
                // The map as the browser draws it (WebKit's screenshot of the page does not show a
                // frame's scroll); where the engine cannot take the element's picture (WebKit's
                // driver fails for some), the page's.
                let shot = format!("map-shot-{width}-{name}");
                let of_map = ctx.screenshot_of(".sl-map", &shot).await;
                if of_map.is_err() {
                    // The page's picture does not follow the frame's scroll: for the picture only,
                    // the map is pinned at the top of the frame, at its own width.
                    ctx.eval("const m = document.querySelector('.sl-map'); const w = m.getBoundingClientRect().width; \
                        Object.assign(m.style, { position: 'fixed', top: '0', left: '0', width: `${w}px`, zIndex: '9999', background: '#fff' })").await?;
                }
                ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
                if let Err(e) = of_map {
                    eprintln!("{}: {shot}: the map's own picture failed ({e}), the page's with the map pinned at its top instead", ctx.engine());
                    ctx.screenshot(&shot).await?;
                }
                checked?;
                expect(drawn == expected, || format!("{at}: the map draws {drawn:?}, not {expected:?}"))?;
                expect(smallest >= least - 0.01, || format!("{at}: a map label is drawn at {smallest:.2} px, under {least} px"))?;
            }
        }
        Ok(())
    })
}

fn on_a_phone_the_events_map_draws_its_labels_at_12_px_and_the_whole_map_is_one_tap_away(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let n = dataset.events.len();
        for (e, name) in [(0, "first"), (n / 2, "middle"), (n - 1, "last")] {
            let event = &dataset.events[e];
            let at = format!("320 px, {}", event.id);
            ctx.open_in_frame(&format!("/fixtures/map-width.html?width=320&event={}", event.id)).await?;
            ctx.wait_current(&event.title).await?;
            let ours = event_map_actors(&dataset, e);
            wait_drawn(ctx, ours.len()).await?;
            let smallest = ctx.eval(SMALLEST_LABEL).await?.as_f64().unwrap_or(0.0);
            expect(smallest >= 12.0 - 0.01, || format!("{at}: the smallest map label is drawn at {smallest:.2} px"))?;
            // Folded on a phone: the map comes first; opened, it explains what this map draws.
            let open = ctx.eval("return document.querySelector('.sl-map-panel .sl-legend').open").await?;
            expect(open == serde_json::Value::Bool(false), || format!("{at}: the legend is not folded"))?;
            ctx.client.find(Locator::Css(".sl-map-panel .sl-legend summary")).await.map_err(fail("the legend's summary"))?.click().await.map_err(fail("open the legend"))?;
            legend_explains_only_what_is_drawn(ctx, &at).await?;
            let pressed = ctx.attrs(".sl-map-views button", "aria-pressed").await?;
            expect(pressed == ["true", "false"], || format!("{at}: the map's buttons are pressed {pressed:?}"))?;
            ctx.scroll_to(".sl-map-panel").await?;
            ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
            ctx.screenshot(&format!("map-phone-320px-{name}-event")).await?;
            ctx.enter_frame().await?;

            // One tap: the whole map, its labels never under 11 px, scrolled sideways if wider than
            // the phone, to where the event's actors are.
            ctx.click_button("Whole map").await?;
            wait_drawn(ctx, dataset.actors.len()).await?;
            let pressed = ctx.attrs(".sl-map-views button", "aria-pressed").await?;
            expect(pressed == ["false", "true"], || format!("{at}: after Whole map the buttons are pressed {pressed:?}"))?;
            let smallest = ctx.eval(SMALLEST_LABEL).await?.as_f64().unwrap_or(0.0);
            expect(smallest >= 11.0 - 0.01, || format!("{at}: the whole map draws a label at {smallest:.2} px"))?;
            check_geometry(ctx, &format!("{at}, the whole map")).await?;
            // Wider than the phone, it is scrolled to show the event's actors whole.
            let in_view = "const box = document.querySelector('.sl-map-main .sl-map-scroll').getBoundingClientRect(); \
                const out = [...document.querySelectorAll('.sl-map-main .sl-node.involved')].filter((n) => \
                  [n.querySelector('.sl-node-shape'), n.querySelector('.sl-node-label')].some((p) => { const r = p.getBoundingClientRect(); \
                    return r.left < box.left - 0.5 || r.right > box.right + 0.5; })).map((n) => n.dataset.actor); \
                return out;";
            let all_in = format!("return ((out) => out.length === 0)((() => {{ {in_view} }})())");
            if ctx.wait_until_true(&all_in, "waiting for the whole map to show the event's actors").await.is_err() {
                let out = ctx.eval(in_view).await?;
                return Err(format!("{at}: the whole map shows the event's actors {out} cut off or out of its box"));
            }
            legend_explains_only_what_is_drawn(ctx, &format!("{at}, the whole map")).await?;
            if e == 0 {
                ctx.scroll_to(".sl-map-panel").await?;
                ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
                ctx.screenshot("map-phone-320px-whole-map").await?;
                ctx.enter_frame().await?;
            }
            // And back, from the keyboard: the buttons are buttons.
            ctx.eval("document.querySelector('.sl-map-views button').focus()").await?;
            ctx.press(Key::Enter).await?;
            wait_drawn(ctx, ours.len()).await?;
            expect(drawn_actors(ctx).await? == ours, || format!("{at}: back from the whole map, the map is not the event's"))?;
            ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        }
        Ok(())
    })
}

fn without_script_the_map_at_375_px_draws_no_label_under_11_px(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        ctx.open("/fixtures/map-375.html").await?;
        ctx.enter_frame().await?;
        // Read through WebDriver alone: the page runs no script. Each shown map's labels are drawn at
        // their font size, times the node's scale, times the SVG's box over its own width.
        let mut shown = Vec::new();
        let mut smallest = f64::INFINITY;
        for svg in ctx.client.find_all(Locator::Css(".sl-map-svg")).await.map_err(fail("the maps"))? {
            if !svg.is_displayed().await.map_err(fail("is the map shown"))? {
                continue;
            }
            let drawn_for: f64 = svg.attr("width").await.map_err(fail("width"))?.unwrap_or_default().parse().unwrap_or(f64::NAN);
            let (_, _, box_width, _) = svg.rectangle().await.map_err(fail("the map's box"))?;
            for node in svg.find_all(Locator::Css(".sl-node")).await.map_err(fail("the nodes"))? {
                shown.push(node.attr("data-actor").await.map_err(fail("data-actor"))?.unwrap_or_default());
                let moved = node.find(Locator::Css("[transform]")).await.map_err(fail("the node's transform"))?;
                let transform = moved.attr("transform").await.map_err(fail("transform"))?.unwrap_or_default();
                let zoom: f64 = transform.split("scale(").nth(1).and_then(|s| s.split(')').next()).and_then(|s| s.parse().ok()).unwrap_or(f64::NAN);
                let label = node.find(Locator::Css(".sl-node-label")).await.map_err(fail("the label"))?;
                let font: f64 = label.css_value("font-size").await.map_err(fail("font-size"))?.trim_end_matches("px").parse().unwrap_or(f64::NAN);
                smallest = smallest.min(font * zoom * box_width / drawn_for);
            }
        }
        shown.sort();
        let expected = event_map_actors(&dataset, 0);
        ctx.screenshot_of(".sl-map-panel", "map-no-javascript-375px").await?;
        // And the page as a reader without script first sees it.
        ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        ctx.screenshot("nojs-375").await?;
        expect(shown == expected, || format!("without script at 375 px the map shows {shown:?}, not the first event's {expected:?}"))?;
        expect(smallest >= 11.0, || format!("without script at 375 px a map label is drawn at {smallest:.2} px"))
    })
}

/// Where the panels put the whole map at the page's width, and whether any of it is hidden: the
/// panels' class, whether the map stands beside the card or under it, whether its scroll box
/// scrolls sideways, and the actors drawn outside what that box shows.
const PLACEMENT: &str = r#"
    const card = document.querySelector('.sl-panels > .sl-card').getBoundingClientRect();
    const panel = document.querySelector('.sl-map-panel').getBoundingClientRect();
    const scroll = document.querySelector('.sl-map-main .sl-map-scroll');
    const seen = scroll.getBoundingClientRect();
    const hidden = [...scroll.querySelectorAll('.sl-node')].filter((n) => {
        const r = n.getBoundingClientRect();
        return r.left < seen.left - 0.5 || r.right > seen.right + 0.5;
    }).map((n) => n.getAttribute('data-actor'));
    const under = panel.top >= card.bottom - 0.5, beside = panel.left >= card.right - 0.5;
    return {class: document.querySelector('.sl-panels').className, under, beside,
            scrolls: scroll.scrollWidth > scroll.clientWidth + 1, nodes: scroll.querySelectorAll('.sl-node').length, hidden};
"#;

fn at_1280_px_the_whole_map_goes_beside_the_card_only_where_it_fits_and_never_scrolls_sideways(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        // The built-in story's whole map is wider than the column beside the card (core's
        // `map_beside`): it goes under the card. The shipping story's five actors fit beside it.
        let shipping = shipping_story()?;
        for (page, actors, class, name) in [
            ("/widget/".to_string(), story::embedded().actors.len(), "sl-map-under", "built-in"),
            ("/widget/?src=../fixtures/ever-given-suez.json".to_string(), shipping.actors.len(), "sl-map-beside", "other-beat"),
        ] {
            ctx.open(&page).await?;
            ctx.wait_ready().await?;
            wait_drawn(ctx, actors).await?;
            let placed = ctx.eval(PLACEMENT).await?;
            // The card as it reads at the top of the page, then the map.
            ctx.scroll_to(".sl-panels").await?;
            ctx.screenshot(&format!("card-placed-1280-{name}")).await?;
            ctx.scroll_to(".sl-map-panel").await?;
            ctx.screenshot(&format!("map-placed-1280-{name}")).await?;
            let at = format!("1280 px, the {name} story");
            expect(placed["class"].as_str().is_some_and(|c| c.split(' ').any(|c| c == class)), || format!("{at}: the panels are {}", placed["class"]))?;
            let (under, beside) = (placed["under"] == true, placed["beside"] == true);
            expect(if class == "sl-map-under" { under && !beside } else { beside && !under }, || format!("{at}: the map stands {placed}"))?;
            expect(placed["scrolls"] == false, || format!("{at}: the whole map scrolls sideways: {placed}"))?;
            expect(placed["nodes"] == actors && placed["hidden"].as_array().is_some_and(Vec::is_empty), || format!("{at}: actors hidden past the map's box: {placed}"))?;
        }
        Ok(())
    })
}

fn without_script_at_1280_px_the_built_in_map_goes_under_the_card_and_never_scrolls_sideways(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/widget/").await?;
        // Read through WebDriver alone: the page runs no script. The whole map is the one shown at 1280 px.
        let rect = |e: &fantoccini::elements::Element| {
            let e = e.clone();
            async move { e.rectangle().await.map_err(fail("a box")) }
        };
        let card = rect(&ctx.wait_for(".sl-panels > .sl-card").await?).await?;
        let panel = rect(&ctx.wait_for(".sl-map-panel").await?).await?;
        let classes = ctx.attrs(".sl-panels", "class").await?;
        let scroll = ctx.client.find(Locator::Css(".sl-map-main .sl-map-scroll")).await.map_err(fail("the whole map's scroll box"))?;
        // WebDriver reads no number property, so the scroll box's content is measured by the map it holds.
        let map = scroll.find(Locator::Css(".sl-map-svg")).await.map_err(fail("the whole map"))?;
        let (scroll_width, client_width) = (rect(&map).await?.2, rect(&scroll).await?.2);
        let seen = rect(&scroll).await?;
        let mut hidden = Vec::new();
        let nodes = scroll.find_all(Locator::Css(".sl-node")).await.map_err(fail("the nodes"))?;
        for node in &nodes {
            let (x, _, w, _) = rect(node).await?;
            if x < seen.0 - 0.5 || x + w > seen.0 + seen.2 + 0.5 {
                hidden.push(node.attr("data-actor").await.map_err(fail("data-actor"))?.unwrap_or_default());
            }
        }
        ctx.screenshot_of(".sl-map-panel", "map-no-javascript-1280px").await?;
        ctx.screenshot("nojs-1280").await?;
        expect(classes.iter().any(|c| c.split(' ').any(|c| c == "sl-map-under")), || format!("without script the panels are {classes:?}"))?;
        expect(panel.1 >= card.1 + card.3 - 0.5, || format!("without script at 1280 px the map {panel:?} is not under the card {card:?}"))?;
        expect(scroll_width <= client_width + 1.0, || format!("without script at 1280 px the whole map scrolls sideways: {scroll_width} in {client_width}"))?;
        expect(nodes.len() == story::embedded().actors.len() && hidden.is_empty(), || format!("without script at 1280 px, of {} actors these are hidden: {hidden:?}", nodes.len()))
    })
}

/// The published story of another beat: companies, a ship of kind other, and custom relations.
fn shipping_story() -> Result<storyline_core::Dataset, String> {
    let file = include_str!("../../../../tests/data/published/ever-given-suez.json");
    storyline_core::load(file).map(|l| l.dataset).map_err(|r| format!("{:?}", r.errors))
}

/// What the map and its legend show of the story's vocabulary, as the browser draws it: each
/// node's kind and name, each edge's kind and the colour of its line, and the legend's entries
/// with the width of each sample.
const VOCABULARY: &str = r#"
    const nodes = [...document.querySelectorAll('.sl-map .sl-node')].map((n) => [n.getAttribute('data-actor'), n.getAttribute('class'), n.getAttribute('aria-label')]);
    const edges = [...document.querySelectorAll('.sl-map .sl-edge')].map((e) => [e.getAttribute('data-relation'), e.getAttribute('class'), getComputedStyle(e.querySelector('.sl-edge-line')).stroke]);
    const legend = [...document.querySelectorAll('.sl-legend li')].map((li) => [li.textContent.trim(), li.querySelector('svg').getBoundingClientRect().width]);
    return {nodes, edges, legend};
"#;

fn a_story_of_another_beat_draws_its_companies_its_ship_and_its_own_verbs(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = shipping_story()?;
        let first = &dataset.events[0];
        for width in [1280, 320] {
            ctx.open_in_frame(&format!("/fixtures/map-width.html?width={width}&src=../fixtures/ever-given-suez.json&event={}", first.id)).await?;
            ctx.wait_current(&first.title).await?;
            if width < 520 {
                // A phone's map shows the event's actors; this test reads the whole map.
                ctx.eval("[...document.querySelectorAll('.sl-map-views button')].find(b => b.textContent.trim() === 'Whole map').click()").await?;
                let all = dataset.actors.len();
                ctx.wait_until_true(&format!("return document.querySelectorAll('.sl-map .sl-node').length === {all}"), "the whole map").await?;
            }
            let drawn = ctx.eval(VOCABULARY).await?;
            let at = format!("{width} px");
            let node = |id: &str| drawn["nodes"].as_array().and_then(|n| n.iter().find(|n| n[0] == id)).cloned().unwrap_or_default();
            let ship = node("ever-given");
            expect(ship[1].as_str().is_some_and(|c| c.split(' ').any(|c| c == "other")), || format!("{at}: the ship's node is {ship}"))?;
            expect(ship[2].as_str().is_some_and(|n| n.starts_with("Ever Given, ship")), || format!("{at}: the ship is named {ship}"))?;
            let owner = node("shoei-kisen");
            expect(owner[1].as_str().is_some_and(|c| c.split(' ').any(|c| c == "company")), || format!("{at}: the owner's node is {owner}"))?;
            // Every relation of this story is custom: each is drawn in the one neutral colour,
            // which is no other kind's.
            let edges = drawn["edges"].as_array().cloned().unwrap_or_default();
            expect(edges.len() == dataset.relations.len(), || format!("{at}: {} edges drawn of {}", edges.len(), dataset.relations.len()))?;
            let strokes: Vec<&str> = edges.iter().filter_map(|e| e[2].as_str()).collect();
            expect(
                edges.iter().all(|e| e[1].as_str().is_some_and(|c| c.starts_with("sl-edge custom "))) && strokes.windows(2).all(|w| w[0] == w[1]),
                || format!("{at}: the edges are drawn as {edges:?}"),
            )?;
            expect(["rgb(47, 59, 76)", "rgb(223, 229, 238)"].contains(&strokes[0]), || format!("{at}: a custom edge is stroked {}", strokes[0]))?;
            // At the grounding, the chair, the manager, the owner and the charterer hold; the
            // compensation claim comes later. The shapes of companies and of the ship are explained.
            let legend: Vec<(String, f64)> = drawn["legend"]
                .as_array()
                .map(|l| l.iter().map(|e| (e[0].as_str().unwrap_or_default().to_string(), e[1].as_f64().unwrap_or(0.0))).collect())
                .unwrap_or_default();
            let words: Vec<&str> = legend.iter().map(|(w, _)| w.as_str()).collect();
            expect(
                // The shapes of the actors drawn come first, then the verbs in force.
                words.windows(2).any(|w| w == ["Company", "ship"])
                    && words.windows(4).any(|w| w == ["chairs", "manages the ship for", "owns", "charters"])
                    && !words.contains(&"claims compensation from"),
                || format!("{at}: the legend reads {words:?}"),
            )?;
            expect(legend.iter().all(|(_, w)| *w >= 10.0), || format!("{at}: a legend sample is not drawn: {legend:?}"))?;
            ctx.scroll_to(".sl-legend").await?;
            ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
            ctx.screenshot(&format!("map-other-beat-{width}px")).await?;
        }
        // A custom relation chosen on the map is named by its verb there and on its card.
        let claim = dataset.relations.iter().find(|r| r.label == "claims compensation from").ok_or("no claim")?;
        ctx.open(&format!("/widget/?src=../fixtures/ever-given-suez.json#event={}", first.id)).await?;
        ctx.wait_ready().await?;
        ctx.eval(&format!("document.querySelector('.sl-map [data-relation=\"{}\"]').dispatchEvent(new MouseEvent('click', {{bubbles: true}}))", claim.id)).await?;
        ctx.wait_for("#sl-relation-card-title").await?;
        let card = ctx.texts("#sl-relation-card-title").await?;
        expect(card.first().is_some_and(|t| t.contains("claims compensation from")), || format!("the relation's card reads {card:?}"))?;
        let label = ctx.texts(".sl-map .sl-edge-label").await?;
        expect(label == ["claims compensation from"], || format!("the chosen edge is labelled {label:?}"))?;
        ctx.scroll_to(".sl-map-panel").await?;
        ctx.screenshot("map-other-beat-custom-relation-chosen").await
    })
}

fn the_map_at_the_first_a_middle_and_the_last_event(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let n = dataset.events.len();
        for (name, i) in [("map-first-event", 0), ("map-middle-event", n / 2), ("map-last-event", n - 1)] {
            ctx.open(&format!("/widget/#event={}", dataset.events[i].id)).await?;
            ctx.wait_ready().await?;
            ctx.wait_current(&dataset.events[i].title).await?;
            ctx.scroll_to(".sl-map-panel").await?;
            let in_force = ctx.eval("return document.querySelectorAll('.sl-map .sl-edge.holds, .sl-map .sl-edge.begins').length").await?;
            ctx.screenshot(name).await?;
            let expected = dataset.relations.iter().filter(|r| storyline_core::relations::standing(r, &dataset.events[i]).in_force()).count();
            expect(in_force.as_u64() == Some(expected as u64), || format!("{name}: {in_force} edges in force, expected {expected}"))?;
        }
        Ok(())
    })
}

/// The class list of the edge button whose accessible name starts with `name` and that draws relation `id`.
async fn edge_class(ctx: &Ctx, name: &str, id: &str) -> Result<String, String> {
    let xpath = format!("//*[@role='button' and starts-with(@aria-label, \"{name}\") and @data-relation='{id}']");
    let edge = ctx.client.find(Locator::XPath(&xpath)).await.map_err(fail(&format!("the edge {name:?}")))?;
    Ok(edge.attr("class").await.map_err(fail("class"))?.unwrap_or_default())
}

fn selecting_events_changes_which_relations_are_in_force(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let pact = dataset
            .relations
            .iter()
            .find(|r| r.kind == storyline_core::RelationKind::AlliedWith && r.valid_from.to_string() == "2024-06-19")
            .ok_or("no partnership relation")?;
        let treaty = dataset.events.iter().find(|e| e.start.to_string() == "2024-06-19").ok_or("no treaty event")?;
        let name = describe(&dataset, pact);
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        let before = edge_class(ctx, &name, &pact.id).await?;
        expect(before.contains("later"), || format!("at the first event the pact is drawn as {before:?}"))?;
        ctx.open(&format!("/widget/#event={}", treaty.id)).await?;
        ctx.wait_ready().await?;
        ctx.wait_current(&treaty.title).await?;
        let at = edge_class(ctx, &name, &pact.id).await?;
        expect(at.contains("begins"), || format!("at the summit the pact is drawn as {at:?}"))?;
        let later = dataset.events.last().unwrap();
        ctx.open(&format!("/widget/#event={}", later.id)).await?;
        ctx.wait_ready().await?;
        ctx.wait_current(&later.title).await?;
        let after = edge_class(ctx, &name, &pact.id).await?;
        expect(after.contains("holds"), || format!("at the last event the pact is drawn as {after:?}"))
    })
}

fn an_actor_opens_its_card_and_filters_the_timeline(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let russia = dataset.actors.iter().find(|a| a.name == "Russia").ok_or("no Russia")?;
        let involving = dataset.events.iter().filter(|e| e.actors.iter().any(|w| w.actor == russia.id)).count();
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        let node = ctx.client.find(Locator::Css(&format!("[data-actor='{}'] .sl-node-shape", russia.id))).await.map_err(fail("Russia's node"))?;
        node.click().await.map_err(fail("click Russia"))?;
        ctx.wait_for("#sl-actor-card-title").await?;
        let title = ctx.texts("#sl-actor-card-title").await?;
        expect(title == ["Russia"], || format!("the actor card shows {title:?}"))?;
        ctx.click_button("Show only Russia").await?;
        ctx.wait_counter(&format!("1 of {involving}")).await?;
        let counter = ctx.counters().await?;
        expect(counter.first().is_some_and(|c| c.ends_with(&format!("of {involving}"))), || format!("the timeline counter says {counter:?}, expected … of {involving}"))?;
        ctx.scroll_to(".sl-map-panel").await?;
        Ok(())
    })
}

fn the_keyboard_walks_the_map(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        // Tab until a map node has focus: the map is a single tab stop.
        let mut tabs = 0;
        loop {
            let on_node = ctx.eval("return !!document.activeElement.closest('.sl-node')").await?;
            if on_node.as_bool() == Some(true) {
                break;
            }
            tabs += 1;
            expect(tabs <= 80, || "Tab never reached the actor map".into())?;
            ctx.press(Key::Tab).await?;
        }
        let first = ctx.focused_name().await?;
        let counter_before = ctx.counters().await?;
        let mut seen = vec![first.clone()];
        for key in [Key::Right, Key::Down, Key::Left, Key::Up] {
            ctx.press(key).await?;
            seen.push(ctx.focused_name().await?);
        }
        let distinct = { let mut s = seen.clone(); s.sort(); s.dedup(); s.len() };
        expect(distinct >= 3, || format!("the arrows visited only {seen:?}"))?;
        expect(ctx.counters().await? == counter_before, || "the map's arrows also moved the timeline".into())?;
        let here = ctx.focused_name().await?;
        ctx.press(Key::Enter).await?;
        ctx.wait_for("#sl-actor-card-title").await?;
        let title = ctx.texts("#sl-actor-card-title").await?;
        expect(title.len() == 1 && here.contains(&title[0]), || format!("Enter on {here:?} opened {title:?}"))?;
        ctx.press(Key::Escape).await?;
        let open = ctx.wait_gone("#sl-actor-card-title").await?;
        ctx.scroll_to(".sl-map-panel").await?;
        expect(open == 0, || "Escape did not close the actor card".into())
    })
}

/// Each link of the selected actor's card's "Sources": its address, its words, where it opens and
/// what it tells the page it opens.
const ACTOR_CARD_SOURCES: &str = r#"
    const card = document.getElementById('sl-actor-card-title').closest('section');
    return [...card.querySelectorAll('.sl-sources a')].map((a) => [a.getAttribute('href'), a.textContent, a.target, a.rel]);
"#;

fn a_selected_actors_card_lists_its_sources_as_links_with_safe_hrefs(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        let putin = dataset.actors.iter().find(|a| a.id == "vladimir-putin").ok_or("no Putin")?;
        expect(putin.part_of.is_some() && !putin.sources.is_empty(), || "Putin's affiliation has no source in the story".into())?;
        let first = &dataset.events[0];
        for width in [1280, 320] {
            ctx.open_in_frame(&format!("/fixtures/map-width.html?width={width}&event={}", first.id)).await?;
            ctx.wait_current(&first.title).await?;
            ctx.client.find(Locator::Css(".sl-whos-who summary")).await.map_err(fail("Who's who"))?.click().await.map_err(fail("open"))?;
            let entry = format!("[...document.querySelectorAll('.sl-whos-who button')].find(b => b.textContent.trim() === {:?})", putin.name);
            ctx.eval(&format!("{entry}.parentElement.scrollIntoView({{block: 'center'}})")).await?;
            ctx.screenshot(&format!("whos-who-sources-{width}px")).await?;
            ctx.eval(&format!("{entry}.click()")).await?;
            ctx.wait_for("#sl-actor-card-title").await?;
            let title = ctx.texts("#sl-actor-card-title").await?;
            expect(title == [putin.name.as_str()], || format!("{width} px: the actor card shows {title:?}"))?;
            let links = ctx.eval(ACTOR_CARD_SOURCES).await?;
            let expected: Vec<serde_json::Value> = putin
                .sources
                .iter()
                .map(|s| serde_json::json!([s.url, format!("{}: {}", s.publisher, s.title), "_blank", "noopener noreferrer"]))
                .collect();
            expect(links == serde_json::Value::Array(expected), || format!("{width} px: the card's sources are {links}"))?;
            for link in links.as_array().into_iter().flatten() {
                let href = link[0].as_str().unwrap_or_default();
                expect(href.starts_with("https://") || href.starts_with("http://"), || format!("{width} px: a source's href is {href:?}"))?;
            }
            // The whole window: WebKit's driver cannot take one element inside a frame.
            ctx.eval("document.getElementById('sl-actor-card-title').closest('section').querySelector('.sl-sources').scrollIntoView({block: 'center'})").await?;
            ctx.screenshot(&format!("actor-card-sources-{width}px")).await?;
            ctx.client.enter_parent_frame().await.map_err(fail("leave the frame"))?;
        }
        Ok(())
    })
}

fn whos_who_gives_every_actor_and_relation_as_text(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        ctx.client.find(Locator::Css(".sl-whos-who summary")).await.map_err(fail("Who's who"))?.click().await.map_err(fail("open"))?;
        let text = ctx.texts(".sl-whos-who").await?.join("\n");
        for actor in &dataset.actors {
            expect(text.contains(&actor.name), || format!("Who's who misses {}", actor.name))?;
        }
        for relation in &dataset.relations {
            let line = describe(&dataset, relation);
            expect(text.contains(&line), || format!("Who's who misses {line}"))?;
        }
        Ok(())
    })
}
