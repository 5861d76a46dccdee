//! A cell's text as a field's value, and back: statuses and kinds in words, yes or no, numbers,
//! lists separated by commas, and an event's actors with their roles, `russia (invader), kremlin`.
//!
//! Ids, words from a list and numbers are read with spaces around them ignored, since a
//! spreadsheet does not show them; free text is kept as typed, line breaks included.

use crate::model::{ActorKind, Involvement, PastStatus, RelationKind, Status};

/// A word from a fixed list as people type it: any case, spaces or `_` between words.
fn words(cell: &str) -> String {
    cell.split(|c: char| c.is_whitespace() || c == '_').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A format key as words: `not_stated` → "not stated".
fn key_words(key: &str) -> String {
    key.replace('_', " ")
}

fn one_of<T: Copy>(cell: &str, all: &[T], key: fn(T) -> &'static str, what: &str) -> Result<T, String> {
    let list: Vec<String> = all.iter().map(|&v| key_words(key(v))).collect();
    let accepted = match list.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => list.join(""),
    };
    let typed = words(cell);
    if typed.is_empty() {
        return Err(format!("is empty: write {accepted}"));
    }
    all.iter().zip(&list).find(|(_, words)| **words == typed).map(|(&v, _)| v).ok_or_else(|| format!("\"{}\" is not {what}: write {accepted}", cell.trim()))
}

pub fn status(cell: &str) -> Result<Status, String> {
    one_of(cell, &Status::EVERY, Status::key, "a status")
}

pub fn actor_kind(cell: &str) -> Result<ActorKind, String> {
    one_of(cell, &ActorKind::ALL, ActorKind::key, "a kind of actor")
}

pub fn relation_kind(cell: &str) -> Result<RelationKind, String> {
    one_of(cell, &RelationKind::ALL, RelationKind::key, "a kind of relation")
}

/// A status, kind or relation kind as the template writes it: in words, "not stated", "allied with".
pub fn in_words(key: &str) -> String {
    key_words(key)
}

/// An id: the cell without the spaces around it.
pub fn id(cell: &str) -> String {
    cell.trim().to_string()
}

/// Optional text: an empty cell is none.
pub fn optional_text(cell: &str) -> Option<String> {
    (!cell.is_empty()).then(|| cell.to_string())
}

/// "yes" for a mutual relation; empty or "no" for one that points from one actor to the other.
pub fn yes_no(cell: &str) -> Result<bool, String> {
    match words(cell).as_str() {
        "yes" | "y" | "true" => Ok(true),
        "" | "no" | "n" | "false" => Ok(false),
        _ => Err(format!("\"{}\" is not yes or no: write yes, or leave the cell empty for no", cell.trim())),
    }
}

/// A number in decimal degrees; a decimal comma (48,3794) is read as a point, as a spreadsheet
/// of a comma locale writes it.
pub fn degrees(cell: &str) -> Result<Option<f64>, String> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let point = if !text.contains('.') && text.matches(',').count() == 1 { text.replace(',', ".") } else { text.to_string() };
    let digits = point.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'));
    match point.parse::<f64>() {
        Ok(v) if digits && v.is_finite() => Ok(Some(v)),
        _ => Err(format!("\"{text}\" is not a number: write decimal degrees, such as 48.3794 (south and west below zero)")),
    }
}

/// A list separated by commas, each item without the spaces around it, empty items skipped.
pub fn list(cell: &str) -> Vec<String> {
    cell.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// An event's earlier statuses, each with the date it was first reported, oldest first and
/// separated by semicolons: `claimed 2024-10-18; reported 2024-10-20T09:30Z`.
pub fn history(cell: &str) -> Result<Vec<PastStatus>, String> {
    let hint = "write each earlier status with its date, oldest first, separated by semicolons: claimed 2024-10-18; reported 2024-10-20";
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|step| {
            let (words, date) = step.rsplit_once(char::is_whitespace).ok_or_else(|| format!("\"{step}\" has no date: {hint}"))?;
            let status = status(words).map_err(|e| format!("{e}; {hint}"))?;
            let at = super::date_cell::read_date(date).map_err(|e| format!("\"{step}\": {e}"))?;
            Ok(PastStatus { status, at })
        })
        .collect()
}

pub fn write_history(list: &[PastStatus]) -> String {
    list.iter().map(|p| format!("{} {}", in_words(p.status.key()), p.at)).collect::<Vec<_>>().join("; ")
}

/// An event's actors: ids separated by commas, each with its role in parentheses if it has one,
/// `kim-jong-un (host, signatory), vladimir-putin (visitor)`. A comma inside parentheses is
/// part of the role.
pub fn involvements(cell: &str) -> Result<Vec<Involvement>, String> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    let mut pieces = Vec::new();
    for (i, c) in cell.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => {
                pieces.push(&cell[start..i]);
                start = i + 1;
                depth = 0;
            }
            _ => {}
        }
    }
    pieces.push(&cell[start..]);
    for piece in pieces.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        out.push(involvement(piece)?);
    }
    Ok(out)
}

const ACTORS_FORM: &str = "write actor ids separated by commas, each with its role in parentheses if it has one: russia (invader), kremlin";

fn involvement(piece: &str) -> Result<Involvement, String> {
    let Some(open) = piece.find('(') else {
        if piece.contains(')') {
            return Err(format!("\"{piece}\" has a closing parenthesis without an opening one: {ACTORS_FORM}"));
        }
        return Ok(Involvement { actor: piece.to_string(), role: String::new() });
    };
    let (actor, role) = (piece[..open].trim(), &piece[open..]);
    let balanced = role.chars().try_fold(0i32, |d, c| match c {
        '(' => Some(d + 1),
        ')' if d == 0 => None,
        ')' => Some(d - 1),
        _ => Some(d),
    }) == Some(0);
    // The role's parenthesis must close at the very end: "russia (invader) x" has text after it.
    let closes_at_end = role.ends_with(')') && balanced && matching_close(role) == role.len() - 1;
    if !closes_at_end {
        return Err(format!("\"{piece}\" is not an id with its role in parentheses: {ACTORS_FORM}"));
    }
    Ok(Involvement { actor: actor.to_string(), role: role[1..role.len() - 1].trim().to_string() })
}

/// Where the parenthesis that opens `text` closes.
fn matching_close(text: &str) -> usize {
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// An event's actors as the template writes them.
pub fn write_involvements(list: &[Involvement]) -> String {
    let items: Vec<String> =
        list.iter().map(|who| if who.role.is_empty() { who.actor.clone() } else { format!("{} ({})", who.actor, who.role) }).collect();
    items.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(actor: &str, role: &str) -> Involvement {
        Involvement { actor: actor.into(), role: role.into() }
    }

    #[test]
    fn statuses_and_kinds_are_read_in_any_case_with_spaces_or_underscores() {
        assert_eq!(status(" Confirmed ").unwrap(), Status::Confirmed);
        assert_eq!(status("Not stated").unwrap(), Status::NotStated);
        assert_eq!(status("not_stated").unwrap(), Status::NotStated);
        assert_eq!(actor_kind("Organisation").unwrap(), ActorKind::Organisation);
        assert_eq!(relation_kind("Supplies weapons to").unwrap(), RelationKind::SuppliesWeaponsTo);
        assert_eq!(relation_kind("allied_with").unwrap(), RelationKind::AlliedWith);
    }

    #[test]
    fn an_unknown_or_empty_status_lists_the_accepted_words() {
        assert_eq!(status("rumoured").unwrap_err(), "\"rumoured\" is not a status: write confirmed, reported, claimed, denied, disputed or not stated");
        assert_eq!(status("").unwrap_err(), "is empty: write confirmed, reported, claimed, denied, disputed or not stated");
        assert!(actor_kind("company").unwrap_err().starts_with("\"company\" is not a kind of actor: write state, leader,"));
    }

    #[test]
    fn every_status_and_kind_written_in_words_reads_back() {
        for s in Status::EVERY {
            assert_eq!(status(&in_words(s.key())).unwrap(), s);
        }
        for k in RelationKind::ALL {
            assert_eq!(relation_kind(&in_words(k.key())).unwrap(), k);
        }
    }

    #[test]
    fn actors_are_ids_with_roles_in_parentheses_and_commas_inside_them_belong_to_the_role() {
        assert_eq!(
            involvements("kim-jong-un (host, signatory), vladimir-putin ( visitor ),kpa,, russia").unwrap(),
            [who("kim-jong-un", "host, signatory"), who("vladimir-putin", "visitor"), who("kpa", ""), who("russia", "")]
        );
        assert_eq!(involvements("nis (source (anonymous))").unwrap(), [who("nis", "source (anonymous)")]);
        assert_eq!(involvements("").unwrap(), []);
    }

    #[test]
    fn a_parenthesis_left_open_or_text_after_a_role_is_reported_with_the_form() {
        for cell in ["russia (invader", "russia (invader) now", "russia invader)", "russia (a)(b)"] {
            let message = involvements(cell).unwrap_err();
            assert!(message.contains("russia (invader), kremlin"), "{cell}: {message}");
        }
    }

    #[test]
    fn actors_written_read_back_the_same() {
        let list = [who("kim-jong-un", "host, signatory"), who("kpa", ""), who("nis", "source (anonymous)")];
        assert_eq!(write_involvements(&list), "kim-jong-un (host, signatory), kpa, nis (source (anonymous))");
        assert_eq!(involvements(&write_involvements(&list)).unwrap(), list);
    }

    #[test]
    fn degrees_take_a_decimal_point_or_comma_and_nothing_else() {
        assert_eq!(degrees("48.3794").unwrap(), Some(48.3794));
        assert_eq!(degrees(" 48,3794 ").unwrap(), Some(48.3794));
        assert_eq!(degrees("-0.5").unwrap(), Some(-0.5));
        assert_eq!(degrees("").unwrap(), None);
        for cell in ["48°N", "NaN", "inf", "1,000,5", "1e3"] {
            assert!(degrees(cell).unwrap_err().contains("is not a number"), "{cell}");
        }
    }

    #[test]
    fn yes_means_mutual_and_empty_means_not() {
        assert!(yes_no("Yes").unwrap());
        assert!(!yes_no("").unwrap());
        assert!(!yes_no("no").unwrap());
        assert!(yes_no("maybe").unwrap_err().contains("is not yes or no"));
    }

    #[test]
    fn lists_drop_spaces_around_items_and_empty_items() {
        assert_eq!(list(" war, military ,,"), ["war", "military"]);
    }
}
