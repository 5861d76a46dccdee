//! Partial dates: "2024", "2024-10", "2024-10-23" or an RFC 3339 instant, with the precision that was written;
//! and years of any size, "-13800000000", for stories told in deep time.
//!
//! A newsroom often knows only the month of an event. The precision is part of
//! the value so that "2024-10" is shown as "October 2024", never as "1 October 2024".
//! A year beyond four digits is a year and nothing finer, named as TimelineJS names it
//! ("4.6 billion years ago"): months and days that far out mean nothing to a reader.
//! No calendar crate: the civil-date arithmetic below is small and keeps the wasm light.

use std::cmp::Ordering;
use std::fmt;

/// How much of a date was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    /// An RFC 3339 instant: date, time and offset.
    Instant,
}

/// A date as an editor wrote it.
///
/// Fields below the precision are 1 (month, day) or 0 (time) and carry no meaning.
/// For instants, `year..second` are the local time as written and `offset_minutes`
/// the written offset, so that the text round-trips exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i64,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub offset_minutes: i16,
    pub precision: Precision,
    /// Whether an instant's seconds were written: "14:05Z" and "14:05:00Z" are the same time,
    /// each written back as it was.
    pub seconds: bool,
}

/// Why a date string was refused; the message is written for an editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// A month or a day needs a year of four digits: the calendar of a year beyond is nobody's.
pub const MIN_CALENDAR_YEAR: i64 = -9999;
pub const MAX_CALENDAR_YEAR: i64 = 9999;
/// A hundred billion years either way: past the Big Bang (13.8 billion years ago) with room to
/// spare, and the start of such a year in seconds still fits an i64 (about 3.2e18 of 9.2e18).
pub const MIN_YEAR: i64 = -100_000_000_000;
pub const MAX_YEAR: i64 = 100_000_000_000;

pub fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil algorithm).
pub fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = year - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn digits(s: &str, n: usize, what: &str) -> Result<u32, DateError> {
    if s.len() == n && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s.parse().expect("ascii digits parse"))
    } else {
        Err(DateError(format!("the {what} must be {n} digits, found \"{s}\"")))
    }
}

impl PartialDate {
    pub fn year(year: i64) -> Self {
        Self::ymd(year, 1, 1, Precision::Year)
    }

    pub fn month(year: i64, month: u8) -> Self {
        Self::ymd(year, month, 1, Precision::Month)
    }

    pub fn day(year: i64, month: u8, day: u8) -> Self {
        Self::ymd(year, month, day, Precision::Day)
    }

    fn ymd(year: i64, month: u8, day: u8, precision: Precision) -> Self {
        PartialDate { year, month, day, hour: 0, minute: 0, second: 0, offset_minutes: 0, precision, seconds: true }
    }

    /// Parses what an editor wrote. Impossible dates such as 2024-02-30 are refused.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let hint = "write a date as YYYY, YYYY-MM, YYYY-MM-DD, an RFC 3339 instant such as 2024-10-23T14:05:00Z (or 2024-10-23T14:05Z), or a longer year alone such as -13800000000";
        let s = text.trim();
        if s.is_empty() {
            return Err(DateError(format!("the date is empty: {hint}")));
        }
        if s != text {
            return Err(DateError(format!("the date \"{text}\" has spaces around it: {hint}")));
        }
        let (date_part, time_part) = match s.find(['T', 't']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let (negative, unsigned) = match date_part.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, date_part),
        };
        let mut parts = unsigned.split('-');
        let year_text = parts.next().unwrap_or_default();
        let year = if year_text.len() > 4 && year_text.bytes().all(|b| b.is_ascii_digit()) {
            long_year(year_text, negative, text, time_part.is_some() || parts.clone().next().is_some())?
        } else {
            let year = i64::from(digits(year_text, 4, "year").map_err(|e| DateError(format!("{e}; {hint}")))?);
            if negative { -year } else { year }
        };
        let month = parts.next().map(|m| digits(m, 2, "month")).transpose()?;
        let day = parts.next().map(|d| digits(d, 2, "day")).transpose()?;
        if parts.next().is_some() {
            return Err(DateError(format!("\"{text}\" has too many parts: {hint}")));
        }
        let mut date = match (month, day) {
            (None, _) => PartialDate::year(year),
            (Some(m), None) => PartialDate::month(year, m as u8),
            (Some(m), Some(d)) => PartialDate::day(year, m as u8, d as u8),
        };
        if !(1..=12).contains(&date.month) {
            return Err(DateError(format!("\"{text}\" has month {}, which does not exist", date.month)));
        }
        if date.day < 1 || date.day > days_in_month(year, date.month) {
            return Err(DateError(format!(
                "\"{text}\" is not a real date: {} {year} has {} days",
                MONTHS[usize::from(date.month) - 1],
                days_in_month(year, date.month)
            )));
        }
        if let Some(time) = time_part {
            if date.precision != Precision::Day {
                return Err(DateError(format!("\"{text}\" has a time but no full date: {hint}")));
            }
            date.parse_time(time).map_err(|e| DateError(format!("\"{text}\": {e}; {hint}")))?;
            date.precision = Precision::Instant;
        }
        Ok(date)
    }

    /// Parses "HH:MM[:SS[.fraction]](Z|+HH:MM|-HH:MM)" into self. Fractions are accepted and dropped:
    /// a news story has no use for sub-second times.
    fn parse_time(&mut self, time: &str) -> Result<(), DateError> {
        let (clock, offset) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
            (clock, 0i16)
        } else if let Some(i) = time.rfind(['+', '-']) {
            let sign: i16 = if time.as_bytes()[i] == b'-' { -1 } else { 1 };
            let (h, m) = time[i + 1..]
                .split_once(':')
                .ok_or_else(|| DateError("the offset must be written +HH:MM or Z".into()))?;
            let (h, m) = (digits(h, 2, "offset hour")?, digits(m, 2, "offset minute")?);
            if h > 23 || m > 59 {
                return Err(DateError("the offset is out of range".into()));
            }
            (&time[..i], sign * (h as i16 * 60 + m as i16))
        } else {
            return Err(DateError("an instant needs an offset, such as Z or +03:00".into()));
        };
        let clock = clock.split('.').next().unwrap_or_default();
        let mut fields = clock.split(':');
        let hour = digits(fields.next().unwrap_or_default(), 2, "hour")?;
        let minute = digits(fields.next().unwrap_or_default(), 2, "minute")?;
        let written = fields.next();
        let second = written.map_or(Ok(0), |s| digits(s, 2, "second"))?;
        if fields.next().is_some() || hour > 23 || minute > 59 || second > 60 {
            return Err(DateError("the time is out of range".into()));
        }
        self.hour = hour as u8;
        self.minute = minute as u8;
        self.second = second.min(59) as u8;
        self.seconds = written.is_some();
        self.offset_minutes = offset;
        Ok(())
    }

    /// Seconds since the Unix epoch of the start of this date (UTC for instants;
    /// dates without a time are taken as UTC midnight, which keeps layouts identical everywhere).
    pub fn start_seconds(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * 86_400 + i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second)
            - i64::from(self.offset_minutes) * 60
    }

    /// Seconds since the epoch of the end of the period this date names: the last
    /// second of the year for "2024", of the month for "2024-10", and so on.
    pub fn end_seconds(&self) -> i64 {
        let next_start = match self.precision {
            Precision::Year => days_from_civil(self.year + 1, 1, 1) * 86_400,
            Precision::Month if self.month == 12 => days_from_civil(self.year + 1, 1, 1) * 86_400,
            Precision::Month => days_from_civil(self.year, self.month + 1, 1) * 86_400,
            Precision::Day => (days_from_civil(self.year, self.month, self.day) + 1) * 86_400,
            Precision::Instant => return self.start_seconds(),
        };
        next_start - 1
    }

    /// The date for a reader, at the precision it was written:
    /// "2024", "October 2024", "23 October 2024", "23 October 2024, 14:05 UTC".
    pub fn display_long(&self) -> String {
        let month = MONTHS[usize::from(self.month) - 1];
        match self.precision {
            Precision::Year => self.display_year(),
            Precision::Month => format!("{month} {}", self.display_year()),
            Precision::Day => format!("{} {month} {}", self.day, self.display_year()),
            Precision::Instant => format!(
                "{} {month} {}, {:02}:{:02} {}",
                self.day,
                self.display_year(),
                self.hour,
                self.minute,
                self.display_offset()
            ),
        }
    }

    /// A compact form for labels and lists: "2024", "Oct 2024", "23 Oct 2024".
    pub fn display_short(&self) -> String {
        let month = &MONTHS[usize::from(self.month) - 1][..3];
        match self.precision {
            Precision::Year => self.display_year(),
            Precision::Month => format!("{month} {}", self.display_year()),
            Precision::Day | Precision::Instant => format!("{} {month} {}", self.day, self.display_year()),
        }
    }

    /// Whether this is a year of deep time (beyond four digits), which has no month or day.
    pub fn is_long_year(&self) -> bool {
        !(MIN_CALENDAR_YEAR..=MAX_CALENDAR_YEAR).contains(&self.year)
    }

    fn display_year(&self) -> String {
        year_name(self.year, false)
    }

    fn display_offset(&self) -> String {
        if self.offset_minutes == 0 {
            "UTC".to_string()
        } else {
            let sign = if self.offset_minutes < 0 { '-' } else { '+' };
            let m = self.offset_minutes.unsigned_abs();
            format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
        }
    }

    /// The machine form for `<time datetime>`, at the written precision.
    pub fn to_iso(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for PartialDate {
    /// Writes the date back in the form it was read, so serialization round-trips.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}", -self.year)?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if self.precision >= Precision::Month {
            write!(f, "-{:02}", self.month)?;
        }
        if self.precision >= Precision::Day {
            write!(f, "-{:02}", self.day)?;
        }
        if self.precision == Precision::Instant {
            write!(f, "T{:02}:{:02}", self.hour, self.minute)?;
            if self.seconds {
                write!(f, ":{:02}", self.second)?;
            }
            if self.offset_minutes == 0 {
                f.write_str("Z")?;
            } else {
                let sign = if self.offset_minutes < 0 { '-' } else { '+' };
                let m = self.offset_minutes.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", m / 60, m % 60)?;
            }
        }
        Ok(())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A year of more than four digits, as ISO 8601's expanded years write it: alone, within
/// [`MIN_YEAR`]..=[`MAX_YEAR`], and without a leading zero (which would make one year two spellings).
fn long_year(digits: &str, negative: bool, text: &str, finer: bool) -> Result<i64, DateError> {
    if digits.starts_with('0') {
        return Err(DateError(format!("\"{text}\": a year of more than four digits has no leading zero")));
    }
    if finer {
        return Err(DateError(format!(
            "\"{text}\": a month, a day or a time needs a four-digit year, -9999 to 9999; a longer year stands alone"
        )));
    }
    let year = digits.parse::<i64>().ok().filter(|y| *y <= MAX_YEAR).ok_or_else(|| {
        DateError(format!("\"{text}\" is too far out: Storyline places years from -100000000000 to 100000000000, a hundred billion years either way"))
    })?;
    Ok(if negative { -year } else { year })
}

/// How a reader is told a year, as TimelineJS tells it: "2024", "45 BCE", "10,000 BCE", and past a
/// hundred thousand years "13.8 billion years ago" ("13.8 bya" where room is `compact`, on the axis).
/// Years before the common era count as BCE counts them (astronomical 0 is 1 BCE), and so do
/// "years ago", from the start of the era as in TimelineJS: at that scale the difference is noise.
pub fn year_name(year: i64, compact: bool) -> String {
    let (n, before) = if year > 0 { (year, false) } else { (1 - year, true) };
    let era = if before { " BCE" } else { "" };
    if n < 10_000 {
        return format!("{n}{era}");
    }
    if n < 100_000 {
        return format!("{}{era}", grouped(n));
    }
    // TimelineJS's precision: two decimals of a billion, one of a million or a thousand; no trailing zeros.
    let (unit, scale, word, short) = match n {
        1_000_000_000.. => (1_000_000_000, 100, "billion", "bya"),
        1_000_000.. => (1_000_000, 10, "million", "mya"),
        _ => (1_000, 10, "thousand", "kya"),
    };
    let rounded = (n * scale + unit / 2) / unit;
    let value = format!("{}.{:02}", rounded / scale, rounded % scale * (100 / scale));
    let value = value.trim_end_matches('0').trim_end_matches('.');
    match (before, compact) {
        (true, true) => format!("{value} {short}"),
        (true, false) => format!("{value} {word} years ago"),
        (false, _) => format!("{value} {word} years from now"),
    }
}

/// "13,800,000": digits in groups of three.
fn grouped(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Dates order by their start; at the same start, the less precise (wider) one comes first.
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start_seconds()
            .cmp(&other.start_seconds())
            .then(self.precision.cmp(&other.precision))
            .then(self.offset_minutes.cmp(&other.offset_minutes))
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::parse(s)
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// In the schema a partial date is a string in one of the four written forms.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date at the precision it is known: \"2024\", \"2024-10\", \"2024-10-23\" or an RFC 3339 instant such as \"2024-10-23T14:05:00Z\" (the seconds may be left out: \"2024-10-23T14:05Z\"); or, for deep time, a year of more than four digits alone, up to a hundred billion years either way: \"-13800000000\". Impossible dates such as 2024-02-30 are refused.",
            "pattern": "^-?([0-9]{4}(-[0-9]{2}(-[0-9]{2}([Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2}))?)?)?|[1-9][0-9]{4,11})$",
            "examples": ["2024", "2024-10", "2024-10-23", "2024-10-23T14:05:00Z", "-13800000000"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn a_month_keeps_month_precision_and_is_shown_without_a_day() {
        let date = d("2024-10");
        assert_eq!(date.precision, Precision::Month);
        assert_eq!(date.display_long(), "October 2024");
        assert_eq!(date.display_short(), "Oct 2024");
    }

    #[test]
    fn each_precision_is_shown_as_written() {
        assert_eq!(d("2024").display_long(), "2024");
        assert_eq!(d("2024-10-23").display_long(), "23 October 2024");
        assert_eq!(d("2024-10-23T14:05:00Z").display_long(), "23 October 2024, 14:05 UTC");
        assert_eq!(d("2024-10-23T14:05:00+09:00").display_long(), "23 October 2024, 14:05 UTC+09:00");
        assert_eq!(d("0000").display_long(), "1 BCE");
        assert_eq!(d("-0044-03-15").display_long(), "15 March 45 BCE");
    }

    #[test]
    fn impossible_dates_are_refused_with_a_reason() {
        let err = PartialDate::parse("2024-02-30").unwrap_err();
        assert!(err.0.contains("not a real date"), "{err}");
        assert!(PartialDate::parse("2023-02-29").is_err());
        assert!(PartialDate::parse("2024-02-29").is_ok(), "2024 is a leap year");
        assert!(PartialDate::parse("2024-13").is_err());
        assert!(PartialDate::parse("2024-00-10").is_err());
        assert!(PartialDate::parse("24-10-01").is_err());
        assert!(PartialDate::parse("2024-10-23T25:00:00Z").is_err());
        assert!(PartialDate::parse("2024-10-23T10:00:00").is_err(), "an instant needs an offset");
        assert!(PartialDate::parse("2024-10T10:00:00Z").is_err());
        assert!(PartialDate::parse(" 2024").is_err());
        assert!(PartialDate::parse("").is_err());
        assert!(PartialDate::parse("October 2024").is_err());
    }

    #[test]
    fn written_text_round_trips() {
        for s in ["2024", "2024-10", "2024-10-23", "2024-10-23T14:05:09Z", "2024-10-23T14:05:09-04:30", "2024-10-23T14:05Z", "-0044-03-15"] {
            assert_eq!(d(s).to_string(), s);
        }
    }

    #[test]
    fn an_instant_without_seconds_is_on_the_minute() {
        assert_eq!(d("2024-10-28T14:00Z").start_seconds(), d("2024-10-28T14:00:00Z").start_seconds());
        assert_eq!(d("2024-10-28T14:00+01:00").display_long(), "28 October 2024, 14:00 UTC+01:00");
        assert!(PartialDate::parse("2024-10-28T14Z").is_err(), "a time has at least hours and minutes");
    }

    #[test]
    fn instants_compare_in_utc() {
        assert_eq!(d("2024-10-23T09:00:00+09:00").start_seconds(), d("2024-10-23T00:00:00Z").start_seconds());
        assert!(d("2024-10-23T10:00:00+09:00") < d("2024-10-23T02:00:00Z"));
    }

    #[test]
    fn a_period_ends_on_its_last_second() {
        assert_eq!(d("2024-10").end_seconds() + 1, d("2024-11-01").start_seconds());
        assert_eq!(d("2024-12").end_seconds() + 1, d("2025").start_seconds());
        assert_eq!(d("2024").end_seconds() + 1, d("2025").start_seconds());
        assert_eq!(d("2024-02-29").end_seconds() + 1, d("2024-03-01").start_seconds());
    }

    #[test]
    fn civil_day_arithmetic_agrees_both_ways() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, dd) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, dd), days);
        }
    }

    #[test]
    fn a_year_of_deep_time_is_written_with_all_its_digits_and_named_as_timelinejs_names_it() {
        let big_bang = d("-13800000000");
        assert_eq!((big_bang.year, big_bang.precision), (-13_800_000_000, Precision::Year));
        assert_eq!(big_bang.to_string(), "-13800000000", "round-trips");
        assert_eq!(big_bang.display_long(), "13.8 billion years ago");
        assert_eq!(big_bang.display_short(), "13.8 billion years ago");
        assert_eq!(d("-4599999999").display_long(), "4.6 billion years ago");
        assert_eq!(d("-538799999").display_long(), "538.8 million years ago");
        assert_eq!(d("-251901999").display_long(), "251.9 million years ago");
        assert_eq!(d("-65999999").display_long(), "66 million years ago");
        assert_eq!(d("-314999").display_long(), "315 thousand years ago");
        assert_eq!(d("-16999").display_long(), "17,000 BCE");
        assert_eq!(d("12000").display_long(), "12,000");
        assert_eq!(d("5000000000").display_long(), "5 billion years from now");
        assert_eq!(year_name(-13_799_999_999, true), "13.8 bya");
        assert_eq!(year_name(-1_999_999, true), "2 mya");
    }

    #[test]
    fn a_year_of_deep_time_stands_alone_within_a_hundred_billion_years() {
        for (text, why) in [
            ("-13800000000-01", "needs a four-digit year"),
            ("20000-05-01", "needs a four-digit year"),
            ("10000-01-01T00:00:00Z", "needs a four-digit year"),
            ("-013800000000", "no leading zero"),
            ("-200000000000", "too far out"),
            ("99999999999999999999999", "too far out"),
        ] {
            let err = PartialDate::parse(text).unwrap_err();
            assert!(err.0.contains(why), "{text}: {err}");
        }
        assert_eq!(d("-100000000000").year, MIN_YEAR);
        assert_eq!(d("100000000000").year, MAX_YEAR);
    }

    #[test]
    fn deep_time_orders_and_spans_like_any_year() {
        assert!(d("-13800000000") < d("-4600000000") && d("-4600000000") < d("-9999"));
        assert_eq!(d("-13800000000").end_seconds() + 1, d("-13799999999").start_seconds());
        assert_eq!(PartialDate::year(MIN_YEAR).start_seconds(), days_from_civil(MIN_YEAR, 1, 1) * 86_400);
        assert!(PartialDate::year(MAX_YEAR).end_seconds() > 0, "no overflow at the far edge");
    }

    #[test]
    fn a_wider_date_sorts_before_a_narrower_one_at_the_same_start() {
        assert!(d("2024-10") < d("2024-10-01"));
        assert!(d("2024-10-01") < d("2024-10-02"));
    }
}
