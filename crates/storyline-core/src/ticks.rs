//! Axis ticks that adapt to the zoom: from quarter hours to billions of years, with labels that never overlap.
//!
//! The step is the finest calendar step whose labels, as [`text_width`] estimates them,
//! keep clear of each other at this scale. Checking the labels actually generated (rather
//! than a typical label) is what makes "never overlap" hold at any zoom and any width.

use crate::date::{civil_from_days, days_from_civil, year_name};
use crate::scale::TimeScale;
use crate::text_width::text_width;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// The least space between two labels, in pixels.
pub const LABEL_GAP: f64 = 10.0;

/// A calendar step between ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Minutes(i64),
    Hours(i64),
    Days,
    Weeks,
    Months(i64),
    Years(i64),
}

/// From finest to coarsest: calendar steps, then years in 1-2-5 steps up to fifty billion (deep time).
pub const STEPS: [Step; 44] = [
    Step::Minutes(15),
    Step::Minutes(30),
    Step::Hours(1),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days,
    Step::Weeks,
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(500),
    Step::Years(1000),
    Step::Years(2000),
    Step::Years(5000),
    Step::Years(10_000),
    Step::Years(20_000),
    Step::Years(50_000),
    Step::Years(100_000),
    Step::Years(200_000),
    Step::Years(500_000),
    Step::Years(1_000_000),
    Step::Years(2_000_000),
    Step::Years(5_000_000),
    Step::Years(10_000_000),
    Step::Years(20_000_000),
    Step::Years(50_000_000),
    Step::Years(100_000_000),
    Step::Years(200_000_000),
    Step::Years(500_000_000),
    Step::Years(1_000_000_000),
    Step::Years(2_000_000_000),
    Step::Years(5_000_000_000),
    Step::Years(10_000_000_000),
    Step::Years(20_000_000_000),
    Step::Years(50_000_000_000),
];

impl Step {
    /// The shortest this step can be, in seconds (a month is at least 28 days).
    fn min_seconds(self) -> f64 {
        match self {
            Step::Minutes(n) => (n * 60) as f64,
            Step::Hours(n) => (n * HOUR) as f64,
            Step::Days => DAY as f64,
            Step::Weeks => (7 * DAY) as f64,
            Step::Months(n) => n as f64 * 28.0 * DAY as f64,
            Step::Years(n) => n as f64 * 365.0 * DAY as f64,
        }
    }
}

/// One tick of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Seconds since the epoch.
    pub t: f64,
    pub x: f64,
    pub label: String,
    /// The start of the next larger unit (a new day, month or year): drawn stronger.
    pub major: bool,
}

fn year_label(year: i64) -> String {
    year_name(year, true)
}

/// The ticks of `step` from the first at or after `t0` up to `t1`, at most `limit` of them.
fn generate(step: Step, scale: &TimeScale, limit: usize) -> Option<Vec<Tick>> {
    let (t0, t1) = (scale.t0.ceil() as i64, scale.t1.floor() as i64);
    let mut ticks = Vec::new();
    let mut push = |t: i64, label: String, major: bool| {
        ticks.push(Tick { t: t as f64, x: scale.x(t as f64), label, major });
        ticks.len() <= limit
    };
    match step {
        Step::Minutes(_) | Step::Hours(_) => {
            let every = match step {
                Step::Minutes(n) => n * 60,
                Step::Hours(n) => n * HOUR,
                _ => unreachable!(),
            };
            let mut t = t0.div_euclid(every) * every;
            while t <= t1 {
                if t >= t0 {
                    let in_day = t.rem_euclid(DAY);
                    let (label, major) = if in_day == 0 {
                        let (_, m, d) = civil_from_days(t.div_euclid(DAY));
                        (format!("{d} {}", MONTHS[usize::from(m) - 1]), true)
                    } else {
                        (format!("{:02}:{:02}", in_day / HOUR, in_day % HOUR / 60), false)
                    };
                    if !push(t, label, major) {
                        return None;
                    }
                }
                t += every;
            }
        }
        Step::Days | Step::Weeks => {
            let first = t0.div_euclid(DAY);
            // 1970-01-05, day 4, was a Monday: weeks start on Mondays.
            let (mut day, every) =
                if step == Step::Weeks { (first - (first + 3).rem_euclid(7), 7) } else { (first, 1) };
            while day * DAY <= t1 {
                if day * DAY >= t0 {
                    let (y, m, d) = civil_from_days(day);
                    let (label, major) = if m == 1 && d == 1 {
                        (year_label(y), true)
                    } else {
                        (format!("{d} {}", MONTHS[usize::from(m) - 1]), d == 1)
                    };
                    if !push(day * DAY, label, major) {
                        return None;
                    }
                }
                day += every;
            }
        }
        Step::Months(n) => {
            let (y0, m0, _) = civil_from_days(t0.div_euclid(DAY));
            let mut index = (y0 * 12 + i64::from(m0) - 1).div_euclid(n) * n;
            loop {
                let (y, m) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
                let t = days_from_civil(y, m, 1) * DAY;
                if t > t1 {
                    break;
                }
                if t >= t0 {
                    let (label, major) = if m == 1 { (year_label(y), true) } else { (MONTHS[usize::from(m) - 1].to_string(), false) };
                    if !push(t, label, major) {
                        return None;
                    }
                }
                index += n;
            }
        }
        Step::Years(n) => {
            let (y0, _, _) = civil_from_days(t0.div_euclid(DAY));
            let mut year = y0.div_euclid(n) * n;
            loop {
                let t = days_from_civil(year, 1, 1) * DAY;
                if t > t1 {
                    break;
                }
                // Astronomical year 0 is 1 BCE, but between "1 bya" and "1 billion years from now" it reads as 0.
                let label = if year == 0 && n >= 10_000 { "0".to_string() } else { year_label(year) };
                if t >= t0 && !push(t, label, year.rem_euclid(n * 5) == 0) {
                    return None;
                }
                year += n;
            }
        }
    }
    Some(ticks)
}

/// Whether every pair of neighbouring labels, centred on their ticks, keeps [`LABEL_GAP`] apart.
pub fn labels_clear(ticks: &[Tick], font_px: f64) -> bool {
    ticks.windows(2).all(|w| {
        let need = (text_width(&w[0].label, font_px) + text_width(&w[1].label, font_px)) / 2.0 + LABEL_GAP;
        w[1].x - w[0].x >= need
    })
}

/// The ticks for this scale, with labels drawn at `font_px`: the finest step whose labels keep clear.
pub fn ticks(scale: &TimeScale, font_px: f64) -> (Step, Vec<Tick>) {
    // No label is narrower than two digits: a step whose ticks are closer than that cannot work.
    let narrowest = text_width("00", font_px) + LABEL_GAP;
    let limit = (scale.width / narrowest).ceil() as usize + 2;
    for step in STEPS {
        if step.min_seconds() / scale.seconds_per_px() < narrowest {
            continue;
        }
        if let Some(mut ticks) = generate(step, scale, limit) {
            if labels_clear(&ticks, font_px) {
                // A label cut in half at an edge reads as a different date ("022"): leave it out.
                ticks.retain(|t| {
                    let half = text_width(&t.label, font_px) / 2.0;
                    t.x - half >= 0.0 && t.x + half <= scale.width
                });
                return (step, ticks);
            }
        }
    }
    // Beyond the coarsest step, show no ticks rather than crowded ones.
    (STEPS[STEPS.len() - 1], Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    fn at(s: &str) -> f64 {
        PartialDate::parse(s).unwrap().start_seconds() as f64
    }

    /// A view of `a..b` with 3% to spare on each side, so that ticks at the ends keep their labels.
    fn padded(a: f64, b: f64, width: f64) -> TimeScale {
        let pad = (b - a) * 0.03;
        TimeScale::new(a - pad, b + pad, width)
    }

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn a_year_across_a_wide_axis_is_marked_in_months() {
        let scale = padded(at("2024"), at("2025"), 1200.0);
        let (step, ticks) = ticks(&scale, 12.0);
        assert_eq!(step, Step::Months(1));
        assert_eq!(labels(&ticks)[..4], ["2024", "Feb", "Mar", "Apr"]);
        assert!(ticks[0].major && !ticks[1].major);
    }

    #[test]
    fn the_same_year_on_a_phone_uses_coarser_steps() {
        let scale = padded(at("2024"), at("2025"), 300.0);
        let (step, _) = ticks(&scale, 12.0);
        assert!(matches!(step, Step::Months(3) | Step::Months(6)), "{step:?}");
    }

    #[test]
    fn a_decade_on_a_narrow_axis_is_marked_in_years_and_a_millennium_in_fifty_years() {
        let (step, t) = ticks(&padded(at("2015"), at("2025"), 450.0), 12.0);
        assert_eq!(step, Step::Years(1));
        assert!(t.len() >= 9, "{:?}", labels(&t));
        let (step, _) = ticks(&padded(at("1000"), at("2000"), 1000.0), 12.0);
        assert_eq!(step, Step::Years(50));
    }

    #[test]
    fn a_day_is_marked_in_hours_with_midnight_as_the_date() {
        let scale = padded(at("2024-10-23"), at("2024-10-24"), 1000.0);
        let (step, t) = ticks(&scale, 12.0);
        assert!(matches!(step, Step::Hours(1) | Step::Hours(3)), "{step:?}");
        assert_eq!(t[0].label, "23 Oct");
        assert!(t[0].major);
        assert!(t[1].label.ends_with(":00"));
    }

    #[test]
    fn weeks_start_on_mondays() {
        let scale = padded(at("2024-09-01"), at("2024-12-01"), 700.0);
        let (step, t) = ticks(&scale, 12.0);
        if step == Step::Weeks {
            // 2 September 2024 was a Monday.
            assert_eq!(t[0].label, "2 Sep");
        }
        assert!(labels_clear(&t, 12.0));
    }

    #[test]
    fn ticks_fall_inside_the_view_in_order() {
        let scale = padded(at("2022-02-24"), at("2024-10-23"), 900.0);
        let (_, t) = ticks(&scale, 12.0);
        assert!(!t.is_empty());
        assert!(t.iter().all(|k| k.x >= 0.0 && k.x <= 900.0));
        assert!(t.windows(2).all(|w| w[0].t < w[1].t));
    }

    #[test]
    fn no_label_is_cut_off_at_either_edge() {
        let scale = TimeScale::new(at("2021-12-20"), at("2024-12-31"), 700.0);
        let (_, t) = ticks(&scale, 12.0);
        assert!(t.iter().all(|k| k.x - text_width(&k.label, 12.0) / 2.0 >= 0.0 && k.x + text_width(&k.label, 12.0) / 2.0 <= 700.0));
    }

    #[test]
    fn the_axis_from_the_big_bang_to_now_is_marked_in_billions_of_years() {
        for width in [1280.0, 343.0] {
            let scale = padded(at("-13800000000"), at("2024"), width);
            let (step, t) = ticks(&scale, 12.0);
            assert!(matches!(step, Step::Years(n) if n >= 1_000_000_000), "{step:?}");
            assert!(t.len() >= 2 && labels_clear(&t, 12.0), "{:?}", labels(&t));
            assert!(t.iter().all(|k| k.label.ends_with(" bya") || k.label == "0"), "{:?}", labels(&t));
            assert_eq!(t[0].label, if width > 1000.0 { "13 bya" } else { "10 bya" });
        }
    }

    #[test]
    fn every_zoom_from_billions_of_years_down_to_an_hour_has_clear_ticks() {
        // Zoomed in about the Big Bang, Homo sapiens and the wheel: steps shrink, labels stay apart.
        for centre in [at("-13800000000"), at("-299999"), at("-3499")] {
            let mut span = 2.0e17;
            while span > crate::scale::min_span_at(centre) {
                let scale = TimeScale::new(centre - span / 2.0, centre + span / 2.0, 900.0);
                let (_, t) = ticks(&scale, 12.0);
                assert!(labels_clear(&t, 12.0), "{span}: {:?}", labels(&t));
                assert!(t.windows(2).all(|w| w[0].t < w[1].t));
                span /= 3.0;
            }
        }
        let (_, t) = ticks(&padded(at("-66000000"), at("-65000000"), 900.0), 12.0);
        assert!(t.iter().any(|k| k.label.ends_with(" mya")), "{:?}", labels(&t));
    }

    #[test]
    fn years_before_the_common_era_are_labelled_bce() {
        let scale = padded(at("-0100"), at("0100"), 800.0);
        let (_, t) = ticks(&scale, 12.0);
        assert!(t.iter().any(|k| k.label.ends_with("BCE")), "{:?}", labels(&t));
    }
}
