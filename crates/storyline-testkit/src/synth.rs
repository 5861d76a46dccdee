//! Synthetic stories of any size, for tests and benchmarks: valid by construction and the same for the same seed.

use storyline_core::date::{civil_from_days, days_from_civil, PartialDate, Precision};
use storyline_core::model::*;
use storyline_core::rng::Rng;

const PLACES: [&str; 8] = ["Pyongyang", "Moscow", "Kyiv", "Seoul", "Washington", "Vladivostok", "Kursk", "Brussels"];
const VERBS: [&str; 8] = ["meets", "warns", "reports on", "denies", "signs with", "sanctions", "visits", "calls"];
const TAGS: [&str; 6] = ["diplomacy", "military", "intelligence", "sanctions", "economy", "denial"];
const KINDS: [ActorKind; 6] =
    [ActorKind::State, ActorKind::Leader, ActorKind::Military, ActorKind::Agency, ActorKind::Organisation, ActorKind::Group];

fn source(rng: &mut Rng, n: usize) -> Source {
    Source {
        publisher: format!("Wire Service {}", rng.below(20) + 1),
        title: format!("Report number {n}"),
        url: format!("https://news.example/{n}/{}", rng.next_u64() % 1_000_000),
        date: None,
    }
}

/// A date in 2015..2025 at a random precision, mostly days as real news is.
fn date(rng: &mut Rng) -> PartialDate {
    let start = days_from_civil(2015, 1, 1);
    let (y, m, d) = civil_from_days(start + rng.below(3650) as i64);
    match rng.below(20) {
        0 => PartialDate::year(y),
        1..=3 => PartialDate::month(y, m),
        4 => PartialDate {
            hour: rng.below(24) as u8,
            minute: rng.below(60) as u8,
            precision: Precision::Instant,
            ..PartialDate::day(y, m, d)
        },
        _ => PartialDate::day(y, m, d),
    }
}

/// Widens `start` by up to 60 days for a range, at day precision.
fn range_end(rng: &mut Rng, start: &PartialDate) -> PartialDate {
    let days = start.end_seconds().div_euclid(86_400) + 1 + rng.below(60) as i64;
    let (y, m, d) = civil_from_days(days);
    PartialDate::day(y, m, d)
}

/// A valid story with `events` events and proportionate actors, relations and eras.
pub fn story(events: usize, seed: u64) -> Dataset {
    let mut rng = Rng::new(seed);
    let actor_count = (events / 10).clamp(4, 2_000);
    let actors: Vec<Actor> = (0..actor_count)
        .map(|i| Actor {
            id: format!("actor-{i}"),
            name: format!("Actor number {i}"),
            short_name: (i % 3 == 0).then(|| format!("A{i}")),
            kind: *rng.pick(&KINDS),
            country: None,
            description: format!("A synthetic participant, number {i}."),
            part_of: None,
            kind_label: None,
            sources: vec![],
        })
        .collect();
    let mut list: Vec<Event> = (0..events)
        .map(|i| {
            let start = date(&mut rng);
            let end = (rng.below(10) == 0 && start.precision != Precision::Instant).then(|| range_end(&mut rng, &start));
            let a = rng.below(actor_count);
            let b = (a + 1 + rng.below(actor_count - 1)) % actor_count;
            let status = *rng.pick(&Status::ALL);
            Event {
                id: format!("event-{i}"),
                title: format!("Actor {a} {} actor {b}", rng.pick(&VERBS)),
                summary: format!("Synthetic event {i}: actor {a} and actor {b} in {}.", rng.pick(&PLACES)),
                start,
                end,
                place: (rng.below(2) == 0).then(|| Place { name: rng.pick(&PLACES).to_string(), lat: None, lon: None }),
                actors: vec![
                    Involvement { actor: format!("actor-{a}"), role: "initiator".into() },
                    Involvement { actor: format!("actor-{b}"), role: "counterpart".into() },
                ],
                status,
                attribution: (status != Status::Confirmed).then(|| format!("according to Wire Service {}", rng.below(20) + 1)),
                quotes: if rng.below(8) == 0 {
                    vec![Quote { text: format!("We said something about event {i}."), speaker: format!("actor-{a}"), source: source(&mut rng, i) }]
                } else {
                    Vec::new()
                },
                sources: vec![source(&mut rng, i)],
                tags: vec![rng.pick(&TAGS).to_string()],
                updated: None,
                change: None,
                history: vec![],
            }
        })
        .collect();
    list.sort_by_key(|x| x.start);
    let relations = (0..(events / 5).clamp(3, 10_000))
        .map(|i| {
            let from = rng.below(actor_count);
            let to = (from + 1 + rng.below(actor_count - 1)) % actor_count;
            let valid_from = date(&mut rng);
            let valid_to = (rng.below(4) == 0).then(|| range_end(&mut rng, &valid_from));
            let status = *rng.pick(&Status::ALL);
            Relation {
                id: format!("relation-{i}"),
                from: format!("actor-{from}"),
                to: format!("actor-{to}"),
                kind: *rng.pick(&RelationKind::ALL),
                label: format!("synthetic relation {i}"),
                directed: rng.below(4) != 0,
                status,
                // Who says so, as validation asks of every relation not confirmed.
                attribution: (status != Status::Confirmed).then(|| format!("according to synthetic source {i}")),
                valid_from,
                valid_to,
                sources: vec![source(&mut rng, i)],
            }
        })
        .collect();
    let eras = (0..5)
        .map(|i| Era {
            id: format!("era-{i}"),
            title: format!("Period {}", i + 1),
            start: PartialDate::year(2015 + 2 * i),
            end: PartialDate::year(2016 + 2 * i),
        })
        .collect();
    Dataset {
        storyline: FORMAT_VERSION,
        story: StoryMeta {
            id: format!("synthetic-{events}-{seed}"),
            title: format!("A synthetic story of {events} events"),
            dek: "Generated for tests and benchmarks; every fact in it is invented.".into(),
            language: "en".into(),
            published: Some(PartialDate::day(2025, 1, 1)),
            updated: None,
            byline: "Storyline test generator".into(),
            sources: vec![],
        },
        actors,
        events: list,
        relations,
        eras,
        updates: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synthetic_story_is_valid_without_warnings() {
        for (n, seed) in [(1, 1), (12, 2), (1_000, 3)] {
            let report = storyline_core::validate(&story(n, seed));
            assert!(report.errors.is_empty() && report.warnings.is_empty(), "{n}/{seed}: {report:?}");
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_story_and_another_seed_another() {
        assert_eq!(story(200, 7), story(200, 7));
        assert_ne!(story(200, 7), story(200, 8));
    }

    #[test]
    fn it_has_the_requested_number_of_events_in_date_order() {
        let s = story(500, 1);
        assert_eq!(s.events.len(), 500);
        assert!(s.events.windows(2).all(|w| w[0].start <= w[1].start));
    }

    #[test]
    fn ten_thousand_events_stay_within_the_limits() {
        let s = story(10_000, 42);
        assert!(storyline_core::validate(&s).is_ok());
        assert_eq!(s.actors.len(), 1_000);
    }
}
