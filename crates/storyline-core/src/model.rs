//! The dataset model: the public JSON contract (`"storyline": 1`) between a newsroom and the widget.
//!
//! These types are plain data. Every string is text to be shown as text, never markup.
//! Rules that serde cannot express (unique ids, references, URL schemes, limits) live in `validate`.

use crate::date::PartialDate;
use serde::{Deserialize, Serialize};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole story file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Dataset {
    /// The format version; must be 1.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 1)))]
    pub storyline: u32,
    pub story: StoryMeta,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub eras: Vec<Era>,
    /// How the story developed, oldest first: what each update added and changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<Update>,
}

/// What the story is, who wrote it and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StoryMeta {
    pub id: String,
    pub title: String,
    /// The standfirst: one or two sentences under the title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub dek: String,
    /// BCP 47 language tag, such as "en" or "en-GB".
    pub language: String,
    /// When the story was published; absent when nobody said (a TimelineJS file has no such date),
    /// rather than made up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub byline: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    State,
    Leader,
    Military,
    Agency,
    Organisation,
    Group,
    // A business: a shipowner, an insurer, a contractor. (Plain comments: a doc comment would
    // make the schema's plain list of kinds a `oneOf`.)
    Company,
    // Anything else, named by the actor's `kind_label` ("ship", "court").
    Other,
}

impl ActorKind {
    pub const ALL: [ActorKind; 8] = [
        ActorKind::State,
        ActorKind::Leader,
        ActorKind::Military,
        ActorKind::Agency,
        ActorKind::Organisation,
        ActorKind::Group,
        ActorKind::Company,
        ActorKind::Other,
    ];

    /// The word shown on an actor's card.
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::State => "State",
            ActorKind::Leader => "Leader",
            ActorKind::Military => "Military",
            ActorKind::Agency => "Agency",
            ActorKind::Organisation => "Organisation",
            ActorKind::Group => "Group",
            ActorKind::Company => "Company",
            ActorKind::Other => "Other",
        }
    }

    /// The word inside a sentence or an accessible name ("North Korea, state").
    pub fn noun(self) -> &'static str {
        self.key()
    }

    /// Its name in the format (serde's), which is also its CSS class.
    pub fn key(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Leader => "leader",
            ActorKind::Military => "military",
            ActorKind::Agency => "agency",
            ActorKind::Organisation => "organisation",
            ActorKind::Group => "group",
            ActorKind::Company => "company",
            ActorKind::Other => "other",
        }
    }
}

/// A state, person, force or body that takes part in the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// A short form for tight labels ("N. Korea"); the name is used when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-2 code of the country the actor belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// One line saying who this is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The id of the actor this one belongs to: a person's or an agency's country, a force's
    /// state, a state's bloc. Chains are allowed (a minister of a government of a state), cycles
    /// are not. The map draws an actor that others belong to as a region holding them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    /// What the actor is, in a word or two ("ship", "court"), for the kind `other`, which has
    /// no word of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind_label: Option<String>,
    /// Where what the story says of the actor comes from: its description and, above all, its
    /// `part_of`, which the map draws as a region and is a claim like any other.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

impl Actor {
    pub fn label(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }

    /// The word for what the actor is, on its card and in the legend: its kind's label, or for
    /// the kind `other` the editor's own word.
    pub fn kind_word(&self) -> &str {
        match (self.kind, self.kind_label.as_deref()) {
            (ActorKind::Other, Some(word)) if !word.trim().is_empty() => word,
            (kind, _) => kind.label(),
        }
    }

    /// The same word inside a sentence or an accessible name ("Ever Given, ship").
    pub fn kind_noun(&self) -> &str {
        match (self.kind, self.kind_label.as_deref()) {
            (ActorKind::Other, Some(word)) if !word.trim().is_empty() => word,
            (kind, _) => kind.noun(),
        }
    }

    /// The actor's name for assistive technology where `label()` is what shows. A reader using
    /// speech input says what they see, so the name must contain the label's words (WCAG 2.5.3,
    /// Label in Name): the name alone when its words include them ("Putin" in "Vladimir Putin"),
    /// otherwise the label first ("N. Korea, North Korea"). A parenthesised part of the name
    /// does not count: it is an aside, and checkers (axe) leave it out too.
    pub fn name_with_label(&self) -> String {
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
        };
        let label = words(self.label());
        let name = words(&without_parentheses(&self.name));
        let contained = label.is_empty() || name.windows(label.len()).any(|w| w == label.as_slice());
        if contained { self.name.clone() } else { format!("{}, {}", self.label(), self.name) }
    }
}

/// `text` without its parenthesised parts, nested ones included.
fn without_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// How sure the reporting is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Established on the record by those who would know, or independently verified.
    Confirmed,
    /// Reported by credible outlets or officials, not yet confirmed.
    Reported,
    /// Asserted by a party to the story.
    Claimed,
    /// Denied by a party to the story.
    Denied,
    /// Sources contradict each other.
    Disputed,
    /// Nobody said how sure it is: an imported TimelineJS event, which has no status to carry over.
    NotStated,
}

impl Status {
    /// The statuses an editor sets.
    pub const ALL: [Status; 5] =
        [Status::Confirmed, Status::Reported, Status::Claimed, Status::Denied, Status::Disputed];
    /// Every status a story may carry, in the order the filters and the legend list them: an
    /// import's "not stated" last.
    pub const EVERY: [Status; 6] =
        [Status::Confirmed, Status::Reported, Status::Claimed, Status::Denied, Status::Disputed, Status::NotStated];

    /// The word shown in badges and lists: status is never carried by colour alone.
    pub fn label(self) -> &'static str {
        match self {
            Status::Confirmed => "Confirmed",
            Status::Reported => "Reported",
            Status::Claimed => "Claimed",
            Status::Denied => "Denied",
            Status::Disputed => "Disputed",
            Status::NotStated => "Not stated",
        }
    }

    /// Its name in the format (serde's), which is also its CSS class.
    pub fn key(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Reported => "reported",
            Status::Claimed => "claimed",
            Status::Denied => "denied",
            Status::Disputed => "disputed",
            Status::NotStated => "not_stated",
        }
    }
}

impl StoryMeta {
    /// Whether the story's language is written right to left, by its primary subtag.
    pub fn is_rtl(&self) -> bool {
        let primary = self.language.split('-').next().unwrap_or("").to_ascii_lowercase();
        matches!(primary.as_str(), "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" | "sd" | "ug")
    }
}

/// Where something happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Place {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// An actor's part in an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Involvement {
    /// An actor id.
    pub actor: String,
    /// What the actor did here, in a few words ("accuser", "host").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
}

/// Where a piece of information comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    pub publisher: String,
    pub title: String,
    /// http or https only.
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
}

/// Words an actor said, with who said them and where they were reported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    pub text: String,
    /// An actor id.
    pub speaker: String,
    pub source: Source,
}

/// One thing that happened, or was said to have happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Event {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub start: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Involvement>,
    pub status: Status,
    /// Who says so: "according to South Korea's National Intelligence Service".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// When the event last changed; required with `history`, from when the current `status` holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<PartialDate>,
    /// What changed, in a short line: "The Pentagon confirmed the figure".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// The statuses the event had before its current one, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PastStatus>,
}

/// A status an event had, from when it was first reported so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PastStatus {
    pub status: Status,
    pub at: PartialDate,
}

/// One update of a developing story: when, what it says, and which events it added or changed.
/// Events added in the first update, and events no update lists, are the story as first published.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Update {
    /// A date, or a time with its zone ("2024-10-28T14:00Z"); updates are listed oldest first.
    pub at: PartialDate,
    /// One line for the update log: what this update brings.
    pub summary: String,
    /// Ids of the events this update adds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    /// Ids of the events this update changes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changed: Vec<String>,
    /// A longer note, for the update log.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    AlliedWith,
    SuppliesWeaponsTo,
    SendsTroopsTo,
    AtWarWith,
    Invades,
    Threatens,
    Meets,
    Sanctions,
    Supports,
    Denies,
    // Any other link, named by the relation's `label` ("charters", "insures", "sues") and drawn
    // in a neutral style.
    Custom,
}

impl RelationKind {
    /// Its name in the format (serde's), which is also its CSS class.
    pub fn key(self) -> &'static str {
        RELATION_WORDS[self as usize].0
    }

    pub const ALL: [RelationKind; 11] = [
        RelationKind::AlliedWith,
        RelationKind::SuppliesWeaponsTo,
        RelationKind::SendsTroopsTo,
        RelationKind::AtWarWith,
        RelationKind::Invades,
        RelationKind::Threatens,
        RelationKind::Meets,
        RelationKind::Sanctions,
        RelationKind::Supports,
        RelationKind::Denies,
        RelationKind::Custom,
    ];

    /// The verb phrase between two actor names: "North Korea — sends troops to — Russia". A
    /// custom relation's verb is its label (`Relation::verb`).
    pub fn verb(self) -> &'static str {
        RELATION_WORDS[self as usize].1
    }
}

/// Each relation kind's key and verb phrase, in the order the kinds are declared.
const RELATION_WORDS: [(&str, &str); 11] = [
    ("allied_with", "allied with"),
    ("supplies_weapons_to", "supplies weapons to"),
    ("sends_troops_to", "sends troops to"),
    ("at_war_with", "at war with"),
    ("invades", "invades"),
    ("threatens", "threatens"),
    ("meets", "meets"),
    ("sanctions", "sanctions"),
    ("supports", "supports"),
    ("denies", "denies"),
    ("custom", "related to"),
];

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// A typed link between two actors, valid over a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Relation {
    pub id: String,
    /// An actor id.
    pub from: String,
    /// An actor id.
    pub to: String,
    pub kind: RelationKind,
    /// What the link is, in the story's words ("comprehensive strategic partnership").
    pub label: String,
    /// Relations point from `from` to `to` unless this is false ("allied with" is often mutual).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub directed: bool,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    pub valid_from: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<PartialDate>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

impl Relation {
    /// The verb phrase between the two actors' names, on the map and in the legend: the kind's,
    /// or for a custom relation its label ("charters").
    pub fn verb(&self) -> &str {
        match self.kind {
            RelationKind::Custom if !self.label.trim().is_empty() => self.label.trim(),
            kind => kind.verb(),
        }
    }
}

/// A named period shown as a band behind the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Era {
    pub id: String,
    pub title: String,
    pub start: PartialDate,
    pub end: PartialDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, short: Option<&str>) -> Actor {
        Actor { id: "a".into(), name: name.into(), short_name: short.map(Into::into), kind: ActorKind::State, country: None, description: String::new(), part_of: None, kind_label: None, sources: vec![] }
    }

    #[test]
    fn the_spoken_name_contains_the_visible_label() {
        assert_eq!(actor("Russia", None).name_with_label(), "Russia");
        assert_eq!(actor("Vladimir Putin", Some("Putin")).name_with_label(), "Vladimir Putin");
        assert_eq!(actor("White House National Security Council", Some("White House")).name_with_label(), "White House National Security Council");
        assert_eq!(actor("North Korea", Some("N. Korea")).name_with_label(), "N. Korea, North Korea");
        assert_eq!(actor("Korean People's Army", Some("KPA")).name_with_label(), "KPA, Korean People's Army");
        // In parentheses is an aside, not the name.
        assert_eq!(actor("Defence Intelligence of Ukraine (HUR)", Some("HUR")).name_with_label(), "HUR, Defence Intelligence of Ukraine (HUR)");
        // A label that is part of a word is not a word of the name.
        assert_eq!(actor("Kimberley Group", Some("Kim")).name_with_label(), "Kim, Kimberley Group");
    }

    /// The keys are the names serde reads and writes: one vocabulary for the file and the CSS.
    #[test]
    fn every_key_is_its_name_in_the_format() {
        let name = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for k in ActorKind::ALL {
            assert_eq!(k.key(), name(serde_json::to_value(k).unwrap()));
        }
        for k in RelationKind::ALL {
            assert_eq!(k.key(), name(serde_json::to_value(k).unwrap()));
        }
        for s in Status::EVERY {
            assert_eq!(s.key(), name(serde_json::to_value(s).unwrap()));
        }
    }

    #[test]
    fn right_to_left_is_told_by_the_primary_language_subtag() {
        let mut story = StoryMeta {
            id: "s".into(),
            title: "A story".into(),
            dek: String::new(),
            language: "en".into(),
            published: Some(PartialDate::year(2024)),
            updated: None,
            byline: String::new(),
            sources: vec![],
        };
        for (language, rtl) in [("ar", true), ("he-IL", true), ("FA", true), ("en", false), ("ur-PK", true), ("ug-Arab", true), ("arn", false)] {
            story.language = language.into();
            assert_eq!(story.is_rtl(), rtl, "{language}");
        }
    }
}
