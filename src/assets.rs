//! ASCII art from `assets/`, embedded so the binary works from any directory.

/// Every picture a routine step may name with `art = "..."`.
const ART: &[(&str, &str)] = &[
    ("wall-calf", include_str!("../assets/wall-calf.txt")),
    ("bent-knee-calf", include_str!("../assets/bent-knee-calf.txt")),
    ("standing-hamstring", include_str!("../assets/standing-hamstring.txt")),
    ("seated-toe-pull", include_str!("../assets/seated-toe-pull.txt")),
    ("water-glass", include_str!("../assets/water-glass.txt")),
    ("feet-support", include_str!("../assets/feet-support.txt")),
];

/// The picture named `name`, if there is one.
pub fn art(name: &str) -> Option<&'static str> {
    ART.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
}

/// Names of all pictures, in a stable order.
pub fn art_names() -> impl Iterator<Item = &'static str> {
    ART.iter().map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_file_in_assets_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let stem = path.file_stem().unwrap().to_str().unwrap();
                assert!(super::art(stem).is_some(), "assets/{stem}.txt is not embedded");
            }
        }
    }

    #[test]
    fn art_fits_the_coach_panel() {
        for name in super::art_names() {
            let art = super::art(name).unwrap();
            assert!(art.lines().count() <= 10, "{name} is too tall");
            assert!(art.lines().all(|l| l.chars().count() <= 32), "{name} is too wide");
        }
    }
}
