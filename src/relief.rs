//! What to do for a cramp happening now: a relief stretch for the cramping
//! muscle, held while a timer counts. Pure core: text and durations only.

use std::time::Duration;

use crate::journal::Place;

/// One hold of the relief stretch; repeated while the cramp lasts.
pub const HOLD: Duration = Duration::from_secs(30);

/// The stretch for a cramp in `place` (unknown: the general advice).
pub fn stretch(place: Option<Place>) -> (&'static str, &'static str) {
    match place {
        Some(Place::Calf) => (
            "Calf",
            "Straighten the leg and pull your toes up toward your shin (a sheet or towel around the foot helps). \
             Or stand up and press the heel down into the floor.",
        ),
        Some(Place::Foot) => (
            "Foot",
            "Pull your toes up toward your shin and spread them. Or stand and let your weight press the foot \
             flat. Rub the arch gently.",
        ),
        Some(Place::Thigh) => (
            "Thigh",
            "Back of the thigh: sit, straighten the leg and lean forward from the hips. Front of the thigh: \
             stand, hold on to something and bring the heel toward your buttock.",
        ),
        Some(Place::Other) | None => {
            ("Cramp", "Stretch the muscle gently the opposite way it is pulling, and rub it. Breathe slowly.")
        }
    }
}

/// When this is not a cramp to sit out (a cramp over 10 minutes, signs of a
/// clot: NHS, Mayo).
pub const WARNING: &str = "Over 10 minutes, or one leg swollen, red or warm: get medical advice.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calf_advice_straightens_the_leg_and_pulls_the_toes() {
        let (title, how) = stretch(Some(Place::Calf));
        assert_eq!(title, "Calf");
        assert!(how.contains("toes up toward your shin") && how.contains("heel down"));
        assert_eq!(stretch(None), stretch(Some(Place::Other)));
    }
}
