//! Where winddown keeps its files: the config dir (settings, user routines) and
//! the data dir (the journal). Both can be overridden for tests and portable installs.
//!
//! Without an override, the places follow the XDG Base Directory rules: a
//! relative or empty `XDG_CONFIG_HOME` / `XDG_DATA_HOME` is ignored, and so is a
//! relative or empty `HOME` (then the account's home from the password
//! database is used). Nothing is ever put relative to the working directory
//! unless the user named that path.

use std::ffi::{CStr, OsString};
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
}

/// No usable home directory, so no standard place for winddown's files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot find your home directory (HOME is unset, empty or not an absolute path, and the account has none); pass {} or set {}",
    self.flag(),
    self.variable()
)]
pub struct NoHome {
    /// What was missing: "config" or "data".
    pub which: &'static str,
}

impl NoHome {
    /// The command-line option that names the missing folder.
    fn flag(&self) -> &'static str {
        if self.which == "config" { "--config-dir" } else { "--data-dir" }
    }

    /// The environment variable that names the missing folder.
    fn variable(&self) -> &'static str {
        if self.which == "config" { "WINDDOWN_CONFIG_DIR" } else { "WINDDOWN_DATA_DIR" }
    }
}

impl Paths {
    /// Uses the overrides when given (an empty one counts as not given),
    /// otherwise the platform's standard places (on Linux `~/.config/winddown`
    /// and `~/.local/share/winddown`).
    pub fn resolve(config_dir: Option<PathBuf>, data_dir: Option<PathBuf>) -> Result<Paths, NoHome> {
        let given = |d: Option<PathBuf>| d.filter(|d| !d.as_os_str().is_empty());
        let env = |name: &str| std::env::var_os(name);
        let config_dir = match given(config_dir) {
            Some(d) => d,
            None => standard_dir(Kind::Config, env).ok_or(NoHome { which: "config" })?,
        };
        let data_dir = match given(data_dir) {
            Some(d) => d,
            None => standard_dir(Kind::Data, env).ok_or(NoHome { which: "data" })?,
        };
        Ok(Paths { config_dir, data_dir })
    }

    /// The user's routine files.
    pub fn routines_dir(&self) -> PathBuf {
        self.config_dir.join("routines")
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    pub fn journal_dir(&self) -> PathBuf {
        self.data_dir.join("journal")
    }

    /// A user routine file for `id`.
    pub fn routine_file(&self, id: &str) -> PathBuf {
        self.routines_dir().join(format!("{id}.toml"))
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Config,
    Data,
}

/// An absolute path from a variable; relative and empty values do not count.
fn absolute(value: Option<OsString>) -> Option<PathBuf> {
    value.map(PathBuf::from).filter(|p| p.is_absolute())
}

/// The home directory: `HOME` if it is absolute, else the password database's.
fn home(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    absolute(env("HOME")).or_else(|| absolute(account_home()))
}

/// winddown's standard folder of `kind`, looked up through `env`.
fn standard_dir(kind: Kind, env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        return Some(home(env)?.join("Library/Application Support/winddown"));
    }
    let (var, fallback) = match kind {
        Kind::Config => ("XDG_CONFIG_HOME", ".config"),
        Kind::Data => ("XDG_DATA_HOME", ".local/share"),
    };
    let base = match absolute(env(var)) {
        Some(base) => base,
        None => home(env)?.join(fallback),
    };
    Some(base.join("winddown"))
}

/// The current account's home directory from the password database.
fn account_home() -> Option<OsString> {
    use std::os::unix::ffi::OsStrExt;
    let mut buf = vec![0u8; 4096];
    // SAFETY: getpwuid_r(3) fills `pwd` with pointers into `buf`, which outlives
    // their use below; `result` is null or points at `pwd`.
    unsafe {
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(libc::getuid(), &mut pwd, buf.as_mut_ptr().cast(), buf.len(), &mut result);
        if rc != 0 || result.is_null() || pwd.pw_dir.is_null() {
            return None;
        }
        let dir = CStr::from_ptr(pwd.pw_dir);
        Some(std::ffi::OsStr::from_bytes(dir.to_bytes()).to_os_string())
    }
}

#[cfg(all(test, not(target_os = "macos")))]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> + use<> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn no_home_says_what_to_pass() {
        let e = NoHome { which: "data" };
        assert!(e.to_string().ends_with("; pass --data-dir or set WINDDOWN_DATA_DIR"), "{e}");
        let e = NoHome { which: "config" };
        assert!(e.to_string().ends_with("; pass --config-dir or set WINDDOWN_CONFIG_DIR"), "{e}");
    }

    #[test]
    fn xdg_dirs_when_absolute() {
        let env = with(&[("HOME", "/home/a"), ("XDG_CONFIG_HOME", "/cfg"), ("XDG_DATA_HOME", "/data")]);
        assert_eq!(standard_dir(Kind::Config, &env), Some(PathBuf::from("/cfg/winddown")));
        assert_eq!(standard_dir(Kind::Data, &env), Some(PathBuf::from("/data/winddown")));
    }

    #[test]
    fn relative_or_empty_xdg_dirs_are_ignored() {
        let env = with(&[("HOME", "/home/a"), ("XDG_CONFIG_HOME", "cfg"), ("XDG_DATA_HOME", "")]);
        assert_eq!(standard_dir(Kind::Config, &env), Some(PathBuf::from("/home/a/.config/winddown")));
        assert_eq!(standard_dir(Kind::Data, &env), Some(PathBuf::from("/home/a/.local/share/winddown")));
    }

    #[test]
    fn relative_or_empty_home_falls_back_to_the_account() {
        for home in ["relative/dir", "", "."] {
            let env = with(&[("HOME", home)]);
            let dir = standard_dir(Kind::Data, &env);
            // The account's home (absolute) or none at all: never relative.
            assert!(dir.as_ref().is_none_or(|d| d.is_absolute()), "{home:?} gave {dir:?}");
        }
    }
}
