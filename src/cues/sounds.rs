//! The short cue sounds, embedded from `assets/sounds` (made by
//! `scripts/gen-sounds.py`), and written to a cache file when first played:
//! players take a file name, not bytes.

use std::path::{Path, PathBuf};

use super::script::Sound;

/// The WAV bytes of `sound`.
pub fn wav(sound: Sound) -> &'static [u8] {
    match sound {
        Sound::Start => include_bytes!("../../assets/sounds/start.wav"),
        Sound::Tick => include_bytes!("../../assets/sounds/tick.wav"),
        Sound::Switch => include_bytes!("../../assets/sounds/switch.wav"),
        Sound::End => include_bytes!("../../assets/sounds/end.wav"),
    }
}

/// The file holding `sound` in `dir` (the player's own private temporary
/// folder), written if missing or different. No fsync: it is a cache, and the
/// coach's loop must not wait on the disk.
pub fn file(dir: &Path, sound: Sound) -> std::io::Result<PathBuf> {
    let bytes = wav(sound);
    let path = dir.join(format!("winddown-{}-{}.wav", sound.name(), bytes.len()));
    if std::fs::read(&path).is_ok_and(|b| b == bytes) {
        return Ok(path);
    }
    std::fs::write(&path, bytes)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sound_is_a_short_wav_and_lands_in_a_file() {
        let dir = tempfile::tempdir().unwrap();
        for s in Sound::ALL {
            let b = wav(s);
            assert_eq!(&b[..4], b"RIFF");
            assert_eq!(&b[8..12], b"WAVE");
            // 16-bit mono 22050 Hz: under a second each.
            assert!(b.len() < 44 + 2 * 22050, "{} is too long", s.name());
            let path = file(dir.path(), s).unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), b);
            assert_eq!(file(dir.path(), s).unwrap(), path);
        }
    }
}
