//! What a reader sees on the widget's own page and on the demo news page that embeds it.

use crate::harness::{fail, Ctx, Test, TestFn};
use fantoccini::Locator;
use storyline::story;

pub const TESTS: &[(&str, TestFn)] = &[
    ("widget_page_lists_every_event_under_all_events", widget_page_lists_every_event_under_all_events),
    ("demo_page_embeds_the_widget_in_an_iframe", demo_page_embeds_the_widget_in_an_iframe),
];

fn widget_page_lists_every_event_under_all_events(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        let dataset = story::embedded();
        ctx.open("/widget/").await?;
        ctx.wait_ready().await?;
        let titles = ctx.texts(".sl-title").await?;
        if titles != [dataset.story.title.clone()] {
            return Err(format!("expected the title {:?}, found {titles:?}", dataset.story.title));
        }
        ctx.click_button("All events").await?;
        let ids = ctx.attrs(".sl-event-item", "id").await?;
        let expected: Vec<String> = dataset.events.iter().map(|e| format!("sl-event-{}", e.id)).collect();
        if ids != expected {
            return Err(format!("expected the events {expected:?} in order, found {ids:?}"));
        }
        Ok(())
    })
}

fn demo_page_embeds_the_widget_in_an_iframe(ctx: &Ctx) -> Test<'_> {
    Box::pin(async move {
        ctx.open("/").await?;
        let headline = ctx.texts("h1").await?;
        if headline.len() != 1 || headline[0].is_empty() {
            return Err(format!("the news page has no headline: {headline:?}"));
        }
        let frame = ctx.client.find(Locator::Css("iframe[data-storyline]")).await.map_err(fail("the embed"))?;
        // Scroll the embed into view first: it is lazy-loaded, as newsrooms embed it.
        ctx.client
            .execute("arguments[0].scrollIntoView()", vec![serde_json::to_value(&frame).map_err(fail("frame ref"))?])
            .await
            .map_err(fail("scroll to the embed"))?;
        frame.enter_frame().await.map_err(fail("enter the iframe"))?;
        ctx.wait_ready().await?;
        let card = ctx.texts(".sl-card-title").await?;
        let expected = story::embedded().events[0].title.clone();
        ctx.client.enter_parent_frame().await.map_err(fail("leave the iframe"))?;
        // The article as a reader meets it: headline, standfirst, then the embed.
        ctx.eval("window.scrollTo(0, 0)").await?;
        ctx.screenshot("demo-article").await?;
        if card != [expected.clone()] {
            return Err(format!("the embedded widget shows {card:?}, expected the first event {expected:?}"));
        }
        Ok(())
    })
}
