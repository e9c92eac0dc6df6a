//! Wall-clock time from the monotonic clock: the wall time read once at
//! start, moved on by `Instant`s. Timers and records then agree even when the
//! system clock is changed while the app runs; only the start is wall time.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};

/// The wall-clock time of any later `Instant`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WallClock {
    origin: Instant,
    wall: DateTime<FixedOffset>,
}

impl WallClock {
    /// A clock that reads `wall` at `now`.
    pub fn new(wall: DateTime<FixedOffset>, now: Instant) -> WallClock {
        WallClock { origin: now, wall }
    }

    /// The wall-clock time at `now` (an instant before the start reads as the start).
    pub fn at(&self, now: Instant) -> DateTime<FixedOffset> {
        self.wall + chrono::Duration::from_std(now.saturating_duration_since(self.origin)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::WallClock;

    #[test]
    fn moves_with_the_monotonic_clock_and_never_back() {
        let t0 = std::time::Instant::now() + Duration::from_secs(10);
        let wall = "2026-11-24T21:00:00+01:00".parse().unwrap();
        let clock = WallClock::new(wall, t0);
        assert_eq!(clock.at(t0), wall);
        assert_eq!(clock.at(t0 + Duration::from_millis(90_500)).to_rfc3339(), "2026-11-24T21:01:30.500+01:00");
        assert_eq!(clock.at(t0 - Duration::from_secs(5)), wall);
    }
}
