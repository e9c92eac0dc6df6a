//! A difference and its interval as a dot and a whisker on a shared axis:
//! `   ├───●──┤  ┆   ` (┆ marks no difference). Plain strings, so the rows
//! line up and can be tested without a terminal.

use crate::stats::difference::Difference;

/// The axis: the values at the left and right ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
}

impl Axis {
    /// Wide enough for every estimate and interval, and for zero, with a margin.
    pub fn fit<'a>(diffs: impl IntoIterator<Item = &'a Difference>) -> Axis {
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        for d in diffs {
            for v in [d.estimate, d.low, d.high].into_iter().flatten() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
        if hi - lo < 1e-9 {
            return Axis { min: -1.0, max: 1.0 };
        }
        let pad = (hi - lo) * 0.05;
        Axis { min: lo - pad, max: hi + pad }
    }

    /// The cell of value `v` on a line of `width` cells.
    pub fn col(&self, v: f64, width: usize) -> usize {
        let t = ((v - self.min) / (self.max - self.min)).clamp(0.0, 1.0);
        (t * (width.saturating_sub(1)) as f64).round() as usize
    }
}

/// One row: the zero mark, the interval's whisker and the estimate's dot.
pub fn whisker(d: &Difference, axis: Axis, width: usize) -> String {
    let mut cells = vec![' '; width];
    if width == 0 {
        return String::new();
    }
    cells[axis.col(0.0, width)] = '┆';
    if let (Some(lo), Some(hi)) = (d.low, d.high) {
        let (a, b) = (axis.col(lo, width), axis.col(hi, width));
        for c in &mut cells[a..=b] {
            *c = '─';
        }
        cells[a] = '├';
        cells[b] = '┤';
        let zero = axis.col(0.0, width);
        if a < zero && zero < b {
            cells[zero] = '┼';
        }
    }
    if let Some(e) = d.estimate
        && d.low.is_some()
    {
        cells[axis.col(e, width)] = '●';
    }
    cells.into_iter().collect()
}

/// The axis line under the rows: the ends' values and 0 at its place.
pub fn axis_labels(axis: Axis, width: usize) -> String {
    let mut cells = vec![' '; width];
    let mut put = |at: usize, s: &str| {
        let at = at.min(width.saturating_sub(s.chars().count()));
        for (i, ch) in s.chars().enumerate() {
            if let Some(c) = cells.get_mut(at + i) {
                *c = ch;
            }
        }
    };
    put(0, &format!("{:+.1}", axis.min));
    let right = format!("{:+.1}", axis.max);
    put(width.saturating_sub(right.len()), &right);
    put(axis.col(0.0, width), "0");
    cells.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(e: f64, lo: f64, hi: f64) -> Difference {
        Difference { estimate: Some(e), low: Some(lo), high: Some(hi), level: 0.95 }
    }

    #[test]
    fn the_dot_sits_inside_its_whisker_and_zero_is_marked() {
        let axis = Axis { min: -2.0, max: 2.0 };
        // 21 cells: -2 at 0, 0 at 10, +2 at 20; -1 at 5, -0.5 at 8 (7.5 rounds up), +0.5 at 13 (12.5 rounds up).
        assert_eq!(whisker(&diff(-0.5, -1.0, 0.5), axis, 21), "     ├──●─┼──┤       ");
        assert_eq!(whisker(&diff(-1.5, -2.0, -1.0), axis, 21), "├──●─┤    ┆          ");
    }

    #[test]
    fn too_few_nights_draw_no_whisker() {
        let axis = Axis { min: -1.0, max: 1.0 };
        let d = Difference { estimate: Some(0.4), low: None, high: None, level: 0.95 };
        assert_eq!(whisker(&d, axis, 5), "  ┆  ");
    }

    #[test]
    fn the_axis_covers_every_interval_and_zero() {
        let a = Axis::fit([&diff(0.5, 0.2, 0.8), &diff(0.1, 0.05, 0.3)]);
        assert!(a.min < 0.0 && a.max > 0.8);
        assert_eq!(Axis::fit([]), Axis { min: -1.0, max: 1.0 });
        assert_eq!(axis_labels(Axis { min: -2.0, max: 2.0 }, 21), "-2.0      0      +2.0");
    }
}
