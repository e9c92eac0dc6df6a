//! The routine gauge: progress counted in steps, check steps included, so a
//! check step near the end reads "67 %", not "100 % · 0 s left".

use std::time::Duration;

use crate::routine::Routine;
use crate::routine::plan::{format_duration, step_time};
use crate::session::SessionView;

/// The steps done plus the part of the current step held so far, over the step count.
pub fn ratio(routine: &Routine, v: &SessionView) -> f64 {
    if v.finished || v.step_count == 0 || v.step >= routine.steps.len() {
        return 1.0;
    }
    let later: Duration = routine.steps[v.step + 1..].iter().map(|s| step_time(&s.kind)).sum();
    let this = step_time(&routine.steps[v.step].kind);
    let part =
        if this.is_zero() { 0.0 } else { 1.0 - v.time_left.saturating_sub(later).as_secs_f64() / this.as_secs_f64() };
    ((v.step as f64 + part.clamp(0.0, 1.0)) / v.step_count as f64).clamp(0.0, 1.0)
}

/// "routine 42% · 2m 30s left", or the steps left once only check steps remain.
pub fn label(routine: &Routine, v: &SessionView) -> String {
    let pct = (ratio(routine, v) * 100.0).round();
    // Rounded up like the phase countdown, so both change on the same redraw.
    let left = Duration::from_secs(v.time_left.as_secs() + u64::from(v.time_left.subsec_nanos() > 0));
    let steps_left = v.step_count.saturating_sub(v.step);
    if left.is_zero() && steps_left > 0 {
        let steps = if steps_left == 1 { "step" } else { "steps" };
        format!("routine {pct}% · {steps_left} {steps} left")
    } else {
        format!("routine {pct}% · {} left", format_duration(left))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::routine::parse_routine;
    use crate::session::Session;

    const TEXT: &str = "name = \"t\"\nsummary = \"s\"\n[defaults]\nget_ready = \"0s\"\n\
        [[step]]\ntitle = \"a\"\nhold = \"10s\"\n[[step]]\nkind = \"check\"\ntitle = \"b\"\n\
        [[step]]\nkind = \"check\"\ntitle = \"c\"\n";

    #[test]
    fn check_steps_count_as_steps() {
        let r = parse_routine("t", "t.toml", TEXT).unwrap();
        let t0 = Instant::now();
        let mut s = Session::new(r.clone(), 1.0, t0);
        let v = s.view(t0 + Duration::from_secs(5));
        assert!((ratio(&r, &v) - 0.5 / 3.0).abs() < 1e-9);
        assert_eq!(label(&r, &v), "routine 17% · 5s left");
        s.tick(t0 + Duration::from_secs(10));
        let v = s.view(t0 + Duration::from_secs(10));
        assert!((ratio(&r, &v) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(label(&r, &v), "routine 33% · 2 steps left");
        s.confirm(t0 + Duration::from_secs(11));
        assert_eq!(label(&r, &s.view(t0 + Duration::from_secs(11))), "routine 67% · 1 step left");
    }
}
