//! The time scale: a linear map between instants (seconds since the epoch) and pixels, with zoom and pan.
//!
//! Like d3-scale's `scaleTime`, it is a value: zooming or panning returns a new scale.
//! Every timeline position, tick and hit test goes through it.
//!
//! Instants are f64 seconds, exact to the second within ±285,000 years of 1970; at the Big Bang
//! (4.4e17 s) one step of an f64 is 64 s. That is why the narrowest view grows with the distance
//! from the epoch ([`min_span_at`]): a view must span many steps of the numbers it draws.

/// The narrowest view: one hour across the whole width. Narrower would show nothing a news story dates.
pub const MIN_SPAN: f64 = 3_600.0;
/// How far out a story of ordinary dates can zoom: ten thousand years. A story that spans more
/// zooms out to its whole extent ([`max_span_for`]).
pub const MAX_SPAN: f64 = 10_000.0 * 365.2425 * 86_400.0;
/// The widest any view gets: twice the farthest dates a story may hold, a hundred billion years either way.
pub const WIDEST: f64 = 4.0e11 * 365.2425 * 86_400.0;

/// `v` held within `lo..=hi`, as `f64::clamp` holds it, for bounds that are computed. `clamp`
/// checks such bounds with a panic whose message writes them with `{:?}`, and that alone keeps
/// the Debug forms of float formatting (some 6 KB of wasm) in every reader's download. A NaN `v`
/// stays NaN, as with `clamp`; bounds out of order give a bound instead of stopping the widget.
pub fn within(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo
    } else if v > hi {
        hi
    } else {
        v
    }
}

/// The narrowest view about instant `t`: an hour, or, far from the epoch, 2^-32 of the distance
/// (some 2^20 steps of an f64 there; about three years at the Big Bang), so that positions stay
/// smooth to a hundredth of a pixel. Within ±490,000 years of 1970 this is always the hour.
pub fn min_span_at(t: f64) -> f64 {
    MIN_SPAN.max(t.abs() / 4_294_967_296.0)
}

/// The widest view of a story whose events run over `extent`: ten thousand years, or its whole
/// extent twice over for a story of deep time.
pub fn max_span_for(extent: (f64, f64)) -> f64 {
    MAX_SPAN.max((extent.1 - extent.0) * 2.0)
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    /// The instant at x = 0.
    pub t0: f64,
    /// The instant at x = width.
    pub t1: f64,
    /// The drawing width in pixels.
    pub width: f64,
}

impl TimeScale {
    /// A scale showing `t0..t1` across `width` pixels; a degenerate span is widened to [`min_span_at`].
    pub fn new(t0: f64, t1: f64, width: f64) -> Self {
        let width = if width.is_finite() && width > 1.0 { width } else { 1.0 };
        let narrowest = min_span_at((t0 + t1) / 2.0);
        let span = within(t1 - t0, narrowest, WIDEST);
        let mid = if t1 - t0 >= narrowest && t1 - t0 <= WIDEST { t0 + span / 2.0 } else { (t0 + t1) / 2.0 };
        TimeScale { t0: mid - span / 2.0, t1: mid + span / 2.0, width }
    }

    /// A scale that shows `start..end` with a margin of `pad` pixels on each side.
    pub fn fit(start: f64, end: f64, width: f64, pad: f64) -> Self {
        let inner = (width - 2.0 * pad).max(width / 2.0).max(1.0);
        let mid = (start + end) / 2.0;
        let span = (end - start).max(min_span_at(mid));
        let total = span * width.max(1.0) / inner;
        TimeScale::new(mid - total / 2.0, mid + total / 2.0, width)
    }

    pub fn span(&self) -> f64 {
        self.t1 - self.t0
    }

    pub fn seconds_per_px(&self) -> f64 {
        self.span() / self.width
    }

    /// The x position of instant `t`.
    pub fn x(&self, t: f64) -> f64 {
        (t - self.t0) / self.span() * self.width
    }

    /// The instant at position `x`.
    pub fn t(&self, x: f64) -> f64 {
        self.t0 + x / self.width * self.span()
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the instant under `anchor_x` where it is,
    /// as a map does under the pointer. The span stays within [`min_span_at`] and [`WIDEST`].
    pub fn zoom(&self, factor: f64, anchor_x: f64) -> Self {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let anchor_t = self.t(anchor_x);
        let span = within(self.span() / factor, min_span_at(anchor_t), WIDEST);
        let left = anchor_x / self.width;
        TimeScale { t0: anchor_t - left * span, t1: anchor_t + (1.0 - left) * span, width: self.width }
    }

    /// Moves the view by `dx` pixels: a positive `dx` shows later times (content moves left).
    pub fn pan(&self, dx: f64) -> Self {
        let dt = dx * self.seconds_per_px();
        TimeScale { t0: self.t0 + dt, t1: self.t1 + dt, width: self.width }
    }

    /// The same zoom, moved so that `t` is at the centre.
    pub fn centered_on(&self, t: f64) -> Self {
        let half = self.span() / 2.0;
        TimeScale { t0: t - half, t1: t + half, width: self.width }
    }

    /// The same time span drawn across another width (the widget was resized).
    pub fn with_width(&self, width: f64) -> Self {
        TimeScale::new(self.t0, self.t1, width)
    }

    /// Whether instant `t` lies inside the view, `margin` pixels from either edge.
    pub fn shows(&self, t: f64, margin: f64) -> bool {
        let x = self.x(t);
        x >= margin && x <= self.width - margin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: f64 = 86_400.0;

    #[test]
    fn a_value_is_held_within_its_bounds_as_clamp_holds_it() {
        for (v, lo, hi) in [(5.0, 1.0, 10.0), (-3.0, 1.0, 10.0), (12.0, 1.0, 10.0), (1.0, 1.0, 1.0), (f64::INFINITY, 0.0, WIDEST)] {
            assert_eq!(within(v, lo, hi), v.clamp(lo, hi));
        }
        assert!(within(f64::NAN, 1.0, 10.0).is_nan());
        assert!((1.0..=10.0).contains(&within(5.0, 10.0, 1.0)), "bounds out of order give a bound, not a panic");
    }

    #[test]
    fn x_and_t_are_inverses() {
        let s = TimeScale::new(0.0, 100.0 * DAY, 1000.0);
        for x in [0.0, 1.0, 333.3, 1000.0] {
            assert!((s.x(s.t(x)) - x).abs() < 1e-9);
        }
        assert_eq!(s.x(50.0 * DAY), 500.0);
    }

    #[test]
    fn zooming_keeps_the_anchor_in_place() {
        let s = TimeScale::new(0.0, 100.0 * DAY, 1000.0);
        let anchor_t = s.t(250.0);
        let z = s.zoom(2.0, 250.0);
        assert!((z.x(anchor_t) - 250.0).abs() < 1e-6);
        assert!((z.span() - 50.0 * DAY).abs() < 1e-6);
        let back = z.zoom(0.5, 250.0);
        assert!((back.t0 - s.t0).abs() < 1e-3 && (back.t1 - s.t1).abs() < 1e-3);
    }

    #[test]
    fn zoom_stops_at_one_hour_and_at_the_widest_view() {
        let s = TimeScale::new(0.0, 2.0 * 3600.0, 800.0);
        assert_eq!(s.zoom(1e6, 400.0).span(), MIN_SPAN);
        assert_eq!(s.zoom(1e-30, 400.0).span(), WIDEST);
    }

    #[test]
    fn the_narrowest_view_is_an_hour_in_history_and_a_few_years_at_the_big_bang() {
        let big_bang = crate::date::PartialDate::year(-13_800_000_000).start_seconds() as f64;
        assert_eq!(min_span_at(crate::date::PartialDate::year(-9999).start_seconds() as f64), MIN_SPAN);
        let years = min_span_at(big_bang) / (365.2425 * DAY);
        assert!((1.0..10.0).contains(&years), "{years} years");
        // Zoomed in as far as it goes at the Big Bang, every pixel is still a distinct instant.
        let s = TimeScale::new(big_bang, big_bang, 1280.0);
        let xs: Vec<f64> = (0..=1280).map(|x| s.x(s.t(f64::from(x)))).collect();
        assert!(xs.iter().enumerate().all(|(x, &back)| (back - x as f64).abs() < 0.01), "positions drift");
    }

    #[test]
    fn a_story_of_deep_time_zooms_out_to_its_whole_extent_and_an_ordinary_one_to_ten_thousand_years() {
        let big_bang = crate::date::PartialDate::year(-13_800_000_000).start_seconds() as f64;
        assert_eq!(max_span_for((0.0, 100.0 * DAY)), MAX_SPAN);
        assert_eq!(max_span_for((big_bang, 0.0)), -2.0 * big_bang);
        assert!(max_span_for((big_bang, 0.0)) < WIDEST);
    }

    #[test]
    fn panning_right_shows_later_times() {
        let s = TimeScale::new(0.0, 10.0 * DAY, 1000.0);
        let p = s.pan(100.0);
        assert_eq!(p.t0, DAY);
        assert_eq!(p.span(), s.span());
    }

    #[test]
    fn fit_shows_the_whole_range_inside_the_padding() {
        let s = TimeScale::fit(10.0 * DAY, 20.0 * DAY, 1000.0, 50.0);
        assert!((s.x(10.0 * DAY) - 50.0).abs() < 1e-6);
        assert!((s.x(20.0 * DAY) - 950.0).abs() < 1e-6);
    }

    #[test]
    fn a_single_instant_is_widened_to_a_visible_span() {
        let s = TimeScale::fit(5.0 * DAY, 5.0 * DAY, 1000.0, 0.0);
        assert_eq!(s.span(), MIN_SPAN);
        assert!(s.shows(5.0 * DAY, 10.0));
    }

    #[test]
    fn degenerate_widths_do_not_divide_by_zero() {
        let s = TimeScale::new(0.0, DAY, 0.0);
        assert!(s.x(DAY / 2.0).is_finite());
        let s = TimeScale::new(0.0, DAY, f64::NAN);
        assert!(s.t(0.5).is_finite());
    }
}
