//! The fixed answer lists of the check-in, with their file names and their
//! labels for people. One table per list so the CLI, the form and the export agree.

use super::model::{LegSide, Place, Quality, Rested, Trigger};

/// A closed list of answers.
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// (value, name as written in files and on the command line, label for people)
    const TABLE: &'static [(Self, &'static str, &'static str)];

    fn name(self) -> &'static str {
        Self::TABLE.iter().find(|(v, _, _)| *v == self).map_or("", |(_, n, _)| n)
    }

    fn label(self) -> &'static str {
        Self::TABLE.iter().find(|(v, _, _)| *v == self).map_or("", |(_, _, l)| l)
    }

    fn parse(name: &str) -> Option<Self> {
        let name = name.trim().to_ascii_lowercase().replace('_', "-");
        Self::TABLE.iter().find(|(_, n, _)| *n == name).map(|(v, _, _)| *v)
    }

    /// "a, b or c" for error messages.
    fn allowed() -> String {
        let names: Vec<_> = Self::TABLE.iter().map(|(_, n, _)| *n).collect();
        names.join(", ")
    }

    fn all() -> impl Iterator<Item = Self> {
        Self::TABLE.iter().map(|(v, _, _)| *v)
    }
}

impl Choice for Quality {
    const TABLE: &'static [(Self, &'static str, &'static str)] = &[
        (Quality::VeryPoor, "very-poor", "Very poor"),
        (Quality::Poor, "poor", "Poor"),
        (Quality::Fair, "fair", "Fair"),
        (Quality::Good, "good", "Good"),
        (Quality::VeryGood, "very-good", "Very good"),
    ];
}

impl Choice for Rested {
    const TABLE: &'static [(Self, &'static str, &'static str)] = &[
        (Rested::NotAtAll, "not-at-all", "Not at all"),
        (Rested::Slightly, "slightly", "Slightly"),
        (Rested::Somewhat, "somewhat", "Somewhat"),
        (Rested::Well, "well", "Well"),
        (Rested::VeryWell, "very-well", "Very well"),
    ];
}

impl Choice for Trigger {
    const TABLE: &'static [(Self, &'static str, &'static str)] = &[
        (Trigger::LateExercise, "late-exercise", "Hard or late exercise"),
        (Trigger::LongStanding, "long-standing", "Long standing or sitting"),
        (Trigger::LongTravel, "long-travel", "Long travel"),
        (Trigger::Alcohol, "alcohol", "Alcohol"),
        (Trigger::LittleWater, "little-water", "Little water"),
        (Trigger::NewMedication, "new-medication", "New medication"),
    ];
}

impl Choice for Place {
    const TABLE: &'static [(Self, &'static str, &'static str)] = &[
        (Place::Calf, "calf", "Calf"),
        (Place::Foot, "foot", "Foot"),
        (Place::Thigh, "thigh", "Thigh / hamstring"),
        (Place::Other, "other", "Other"),
    ];
}

impl Choice for LegSide {
    const TABLE: &'static [(Self, &'static str, &'static str)] =
        &[(LegSide::Left, "left", "Left"), (LegSide::Right, "right", "Right"), (LegSide::Both, "both", "Both")];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in the tables are the serde names, so files and flags agree.
    #[test]
    fn names_match_serde() {
        fn check<T: Choice + serde::Serialize>() {
            for v in T::all() {
                assert_eq!(serde_json::to_value(v).unwrap(), serde_json::Value::String(v.name().into()));
            }
        }
        check::<Quality>();
        check::<Rested>();
        check::<Trigger>();
        check::<Place>();
        check::<LegSide>();
    }

    #[test]
    fn parse_is_forgiving_about_case_and_underscores() {
        assert_eq!(Quality::parse("Very_Good"), Some(Quality::VeryGood));
        assert_eq!(Trigger::parse("nope"), None);
        assert_eq!(Rested::allowed(), "not-at-all, slightly, somewhat, well, very-well");
    }
}
