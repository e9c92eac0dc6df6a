//! Completions that know the data: routine names from the user's folder and
//! the allowed values of each check-in flag. The shell asks the binary itself
//! (clap_complete's dynamic completion: `WINDDOWN_COMPLETE=bash winddown -- …`), so a
//! routine added a minute ago is offered at once.

use clap::ValueEnum;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};

use crate::journal::choices::Choice;
use crate::journal::{LegSide, Place};
use crate::paths::Paths;
use crate::routine::Library;

/// The environment variable the shell scripts set to ask for completions.
pub const VAR: &str = "WINDDOWN_COMPLETE";

/// Every routine name: built-in and in the folder (`WINDDOWN_CONFIG_DIR` or the default).
pub fn routines() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let dir = std::env::var_os("WINDDOWN_CONFIG_DIR").filter(|v| !v.is_empty()).map(Into::into);
        let Ok(paths) = Paths::resolve(dir, None) else { return Vec::new() };
        let lib = Library::load(&paths.routines_dir());
        lib.entries
            .iter()
            // A file name holding control characters is never offered: the
            // shell would print it raw (`routine list` shows it, made visible).
            .filter(|e| crate::text::visible(&e.id) == e.id.as_str())
            .map(|e| {
                let summary = e.routine.as_ref().map_or("(has errors)".to_string(), |r| r.summary.clone());
                CompletionCandidate::new(&e.id).help(Some(crate::text::visible(&summary).into_owned().into()))
            })
            .collect()
    })
}

/// The names of a closed list of answers, with their labels as help.
pub fn choices<T: Choice>() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        T::TABLE.iter().map(|(_, name, label)| CompletionCandidate::new(*name).help(Some((*label).into()))).collect()
    })
}

/// calf, calf-left, …, other-both.
pub fn spots() -> ArgValueCandidates {
    ArgValueCandidates::new(|| {
        let mut out = Vec::new();
        for (_, place, _) in Place::TABLE {
            out.push(CompletionCandidate::new(*place));
            for (_, side, _) in LegSide::TABLE {
                out.push(CompletionCandidate::new(format!("{place}-{side}")));
            }
        }
        out
    })
}

/// `winddown completions SHELL`: the script that makes SHELL ask winddown.
pub fn registration(shell: clap_complete::Shell, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Zsh => &Zsh,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::Elvish => &Elvish,
        clap_complete::Shell::PowerShell => &Powershell,
        other => {
            return Err(std::io::Error::other(format!(
                "no completions for {}",
                other.to_possible_value().map_or("this shell".into(), |v| v.get_name().to_string())
            )));
        }
    };
    completer.write_registration(VAR, "winddown", "winddown", "winddown", out)
}
