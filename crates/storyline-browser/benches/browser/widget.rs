//! The two widgets compared, and the one story size each row shows: where each widget's page is,
//! which performance mark says it is interactive, and how a reader steps to the next event.

/// Which widget a figure belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Widget {
    Storyline,
    TimelineJs,
}

impl Widget {
    pub const BOTH: [Widget; 2] = [Widget::Storyline, Widget::TimelineJs];

    pub fn name(self) -> &'static str {
        match self {
            Widget::Storyline => "Storyline",
            Widget::TimelineJs => "TimelineJS",
        }
    }

    /// The performance mark made when the widget can be used: Storyline's after hydration
    /// (`src/ready.rs`), TimelineJS's when its first slide is rendered (`timelinejs/page.html.in`).
    pub fn mark(self) -> &'static str {
        match self {
            Widget::Storyline => "storyline:interactive",
            Widget::TimelineJs => "timelinejs:interactive",
        }
    }

    /// The element that carries `data-error` when the page fails.
    pub fn root(self) -> &'static str {
        match self {
            Widget::Storyline => ".storyline-root",
            Widget::TimelineJs => "main#timeline",
        }
    }

    /// The number of events the page shows, to check that both show the same story.
    pub fn events_script(self) -> &'static str {
        match self {
            Widget::Storyline => "return Number(document.querySelector('.storyline .sl-counter').textContent.split(' of ')[1]);",
            Widget::TimelineJs => "return window.timelinejs.config.events.length;",
        }
    }

    /// Defines `act()` and `position()` for `probe::press`: a click on Next, or → pressed where
    /// each widget listens for it (Storyline on its focused marker, TimelineJS on the document).
    pub fn press_setup(self, press: Press) -> &'static str {
        match (self, press) {
            (Widget::Storyline, Press::Click) => {
                "const root = document.querySelector('.storyline');
                 const position = () => root.querySelector('.sl-counter').textContent;
                 const next = root.querySelector('.sl-next');
                 const act = () => next.click();"
            }
            (Widget::Storyline, Press::Key) => {
                "const root = document.querySelector('.storyline');
                 const position = () => root.querySelector('.sl-counter').textContent;
                 const marker = root.querySelector(\"[role='button'][aria-current='true']\");
                 marker.focus();
                 const act = () => marker.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));"
            }
            (Widget::TimelineJs, Press::Click) => {
                "const position = () => window.timelinejs.current_id;
                 const next = document.querySelector('.tl-storyslider button.tl-slidenav-next');
                 const act = () => next.click();"
            }
            (Widget::TimelineJs, Press::Key) => {
                "const position = () => window.timelinejs.current_id;
                 const act = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));"
            }
        }
    }

    /// Goes back to where a fresh page starts (Storyline's first event, TimelineJS's title slide),
    /// without being measured, and returns that position.
    pub fn rewind_script(self) -> &'static str {
        match self {
            Widget::Storyline => {
                "const root = document.querySelector('.storyline');
                 const marker = root.querySelector(\"[role='button'][aria-current='true']\");
                 marker.focus();
                 marker.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
                 return root.querySelector('.sl-counter').textContent;"
            }
            Widget::TimelineJs => "window.timelinejs.goTo(0); return window.timelinejs.current_id;",
        }
    }
}

/// The two ways a reader steps to the next event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Press {
    Click,
    Key,
}

/// One story, shown by both widgets.
pub struct Story {
    /// The key in `target/bench.json`.
    pub key: &'static str,
    /// The table's heading.
    pub title: &'static str,
    /// Storyline's page: the release page itself for the embedded story (prerendered, then
    /// hydrated), a fixture with the story as inline JSON for the synthetic ones.
    pub storyline: &'static str,
    pub timelinejs: &'static str,
    /// Cold loads of each page, alternating between the widgets; load figures are their medians.
    pub loads: usize,
    /// Rounds of 15 Next clicks and 15 → presses, each round from the start of the story.
    pub rounds: usize,
}

impl Story {
    pub fn path(&self, widget: Widget) -> &'static str {
        match widget {
            Widget::Storyline => self.storyline,
            Widget::TimelineJs => self.timelinejs,
        }
    }
}

/// Presses per round and kind: 15 steps forward, as many as the embedded story first had (16 events),
/// so that figures stay comparable now that it has 31.
pub const PRESSES: usize = 15;

/// The three stories. TimelineJS spends tens of seconds on each load and seconds on each step of
/// the 10,000-event story, so that one gets fewer loads and one round.
pub const STORIES: [Story; 3] = [
    Story {
        key: "embedded",
        title: "The embedded story",
        storyline: "/widget/",
        timelinejs: "/fixtures/timelinejs-embedded.html",
        loads: 5,
        rounds: 2,
    },
    Story {
        key: "synthetic-1000",
        title: "A synthetic story",
        storyline: "/fixtures/story-1000.html",
        timelinejs: "/fixtures/timelinejs-1000.html",
        loads: 5,
        rounds: 2,
    },
    Story {
        key: "synthetic-10000",
        title: "A synthetic story",
        storyline: "/fixtures/story-10000.html",
        timelinejs: "/fixtures/timelinejs-10000.html",
        loads: 3,
        rounds: 1,
    },
];
