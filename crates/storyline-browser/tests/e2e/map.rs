//! The actor map as a reader uses it: relations as of the selected event, actor cards, the keyboard, "Who's who".

use crate::harness::{expect, fail, Ctx, Test, TestFn};
use fantoccini::key::Key;
use fantoccini::Locator;
use storyline::story;
use storyline_core::relations::describe;

pub const TESTS: &[(&str, TestFn)] = &[
    ("selecting_events_changes_which_relations_are_in_force", selecting_events_changes_which_relations_are_in_force),
    ("an_actor_opens_its_card_and_filters_the_timeline", an_actor_opens_its_card_and_filters_the_timeline),
    ("the_keyboard_walks_the_map", the_keyboard_walks_the_map),
    ("whos_who_gives_every_actor_and_relation_as_text", whos_who_gives_every_actor_and_relation_as_text),
    ("the_map_at_the_first_a_middle_and_the_last_event", the_map_at_the_first_a_middle_and_the_last_event),
];

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
