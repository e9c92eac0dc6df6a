//! Finding the programs that speak and play sounds, once, by looking on PATH;
//! and how each is called (quiet or not).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Speech programs in the order they are preferred. espeak-ng and espeak stop
/// the moment they are ended, so a newer cue cuts an older one off cleanly.
pub const SPEECH: &[&str] = &["espeak-ng", "espeak", "spd-say", "say"];
/// Sound players in the order they are preferred.
pub const PLAYERS: &[&str] = &["pw-play", "paplay", "aplay", "afplay"];

/// How a cue is given: a known program found on PATH, or the user's own
/// command (run by `sh -c`, the words or the sound file as its last argument).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Program {
    Found { name: &'static str, path: PathBuf },
    User(String),
}

/// What `voice` / `sound` in the settings ask for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Choice {
    #[default]
    Auto,
    Off,
    Command(String),
}

impl Choice {
    /// "auto", "off", or anything else: a command.
    pub fn parse(s: &str) -> Choice {
        match s.trim() {
            "auto" | "" => Choice::Auto,
            "off" => Choice::Off,
            cmd => Choice::Command(cmd.to_string()),
        }
    }
}

/// Everything the player needs, decided once at start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CueSetup {
    pub voice: Option<Program>,
    pub sound: Option<Program>,
    /// Softer speech and sounds, no ticks, no bell: for late nights.
    pub quiet: bool,
    /// Ring the terminal bell when no sound can be played.
    pub bell: bool,
    /// The user's `cue_command`, run on each session event.
    pub command: Option<String>,
}

/// The speech and sound programs on `path` (a PATH value), as `auto` would pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub voice: Option<Program>,
    pub sound: Option<Program>,
}

impl Found {
    pub fn on_path(path: Option<OsString>) -> Found {
        let dirs: Vec<PathBuf> = path.map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
        let find = |names: &[&'static str]| {
            names.iter().find_map(|name| {
                dirs.iter()
                    .filter(|d| d.is_absolute())
                    .map(|d| d.join(name))
                    .find(|p| is_executable(p))
                    .map(|path| Program::Found { name, path })
            })
        };
        Found { voice: find(SPEECH), sound: find(PLAYERS) }
    }
}

impl CueSetup {
    /// Resolves the settings against what is installed (`found`).
    pub fn new(voice: &Choice, sound: &Choice, found: &Found) -> CueSetup {
        let pick = |c: &Choice, auto: &Option<Program>| match c {
            Choice::Auto => auto.clone(),
            Choice::Off => None,
            Choice::Command(cmd) => Some(Program::User(cmd.clone())),
        };
        CueSetup { voice: pick(voice, &found.voice), sound: pick(sound, &found.sound), ..CueSetup::default() }
    }
}

fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The program and arguments that speak `words`.
pub fn speech_command(program: &Program, words: &str, quiet: bool) -> (OsString, Vec<OsString>) {
    let mut args: Vec<OsString> = Vec::new();
    match program {
        Program::Found { name, path } => {
            match *name {
                "spd-say" => {
                    // -w: stay until spoken, so ending the process is possible;
                    // priority "text": a newer message cancels an older one.
                    args.extend(["-w", "-P", "text"].map(OsString::from));
                    if quiet {
                        args.extend(["-i", "-60"].map(OsString::from));
                    }
                }
                "say" => {}
                _ => {
                    if quiet {
                        args.extend(["-a", "40"].map(OsString::from));
                    }
                }
            }
            // Words after "--" so a line starting with "-" is never an option.
            if *name != "say" {
                args.push("--".into());
            }
            let spoken = if *name == "say" && quiet { format!("[[volm 0.3]] {words}") } else { words.to_string() };
            args.push(spoken.into());
            (path.clone().into_os_string(), args)
        }
        Program::User(cmd) => shell(cmd, words.as_ref()),
    }
}

/// The program and arguments that play the WAV file `file`.
pub fn sound_command(program: &Program, file: &Path, quiet: bool) -> (OsString, Vec<OsString>) {
    let mut args: Vec<OsString> = Vec::new();
    match program {
        Program::Found { name, path } => {
            match (*name, quiet) {
                ("pw-play", true) => args.push("--volume=0.3".into()),
                ("paplay", true) => args.push("--volume=19660".into()),
                ("afplay", true) => args.extend(["-v", "0.3"].map(OsString::from)),
                ("aplay", _) => args.push("-q".into()),
                _ => {}
            }
            args.push(file.as_os_str().to_owned());
            (path.clone().into_os_string(), args)
        }
        Program::User(cmd) => shell(cmd, file.as_os_str()),
    }
}

/// `sh -c 'CMD "$@"' winddown ARG`: the argument is passed as data, never parsed by the shell.
fn shell(cmd: &str, arg: &std::ffi::OsStr) -> (OsString, Vec<OsString>) {
    ("sh".into(), vec!["-c".into(), format!("{cmd} \"$@\"").into(), "winddown".into(), arg.to_owned()])
}

/// How to get a voice, for `winddown cue test` when none was found.
pub fn install_hint() -> &'static str {
    if cfg!(target_os = "macos") {
        "macOS has `say` built in; check that /usr/bin is on PATH"
    } else {
        "install one: `sudo apt install espeak-ng` (or `speech-dispatcher` for spd-say); \
         Fedora: `sudo dnf install espeak-ng`; Arch: `sudo pacman -S espeak-ng`"
    }
}

/// How to get a sound player when none was found.
pub fn player_hint() -> &'static str {
    if cfg!(target_os = "macos") {
        "macOS has `afplay` built in; check that /usr/bin is on PATH"
    } else {
        "install one: `sudo apt install pipewire-bin` (pw-play), `pulseaudio-utils` (paplay) or `alsa-utils` (aplay)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_bin(dir: &Path, name: &str) {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.join(name);
        std::fs::write(&p, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn finds_the_preferred_programs_on_path() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        fake_bin(a.path(), "spd-say");
        fake_bin(b.path(), "espeak-ng");
        fake_bin(b.path(), "aplay");
        std::fs::write(a.path().join("paplay"), "not executable").unwrap();
        let path = std::env::join_paths([a.path(), Path::new("relative"), b.path()]).unwrap();
        let found = Found::on_path(Some(path));
        assert_eq!(found.voice, Some(Program::Found { name: "espeak-ng", path: b.path().join("espeak-ng") }));
        assert_eq!(found.sound, Some(Program::Found { name: "aplay", path: b.path().join("aplay") }));
        assert_eq!(Found::on_path(None), Found { voice: None, sound: None });
    }

    #[test]
    fn settings_pick_auto_off_or_a_command() {
        let found = Found { voice: Some(Program::User("x".into())), sound: None };
        let s = CueSetup::new(&Choice::parse("auto"), &Choice::parse("off"), &found);
        assert_eq!(s.voice, found.voice);
        assert_eq!(s.sound, None);
        let s = CueSetup::new(&Choice::Off, &Choice::parse(" mpv --really-quiet "), &found);
        assert_eq!(s.voice, None);
        assert_eq!(s.sound, Some(Program::User("mpv --really-quiet".into())));
    }

    #[test]
    fn words_are_data_never_options_or_shell() {
        let espeak = Program::Found { name: "espeak-ng", path: "/usr/bin/espeak-ng".into() };
        let (prog, args) = speech_command(&espeak, "-x; rm -rf ~", true);
        assert_eq!(prog, "/usr/bin/espeak-ng");
        assert_eq!(args, ["-a", "40", "--", "-x; rm -rf ~"]);
        let (prog, args) = speech_command(&Program::User("my-tts --fast".into()), "$(boom)", false);
        assert_eq!(prog, "sh");
        assert_eq!(args, ["-c", "my-tts --fast \"$@\"", "winddown", "$(boom)"]);
        let pw = Program::Found { name: "pw-play", path: "/usr/bin/pw-play".into() };
        assert_eq!(sound_command(&pw, Path::new("/t/a.wav"), true).1, ["--volume=0.3", "/t/a.wav"]);
        assert_eq!(sound_command(&pw, Path::new("/t/a.wav"), false).1, ["/t/a.wav"]);
    }
}
