//! Helpers shared by the CLI tests: a winddown command in throwaway dirs.
#![allow(dead_code)]

pub mod pty;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A sandbox with its own config and data dirs, so tests never touch the real home.
pub struct Sandbox {
    pub dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().unwrap() }
    }

    /// A sandbox in memory (/dev/shm where there is one): for timing tests,
    /// so that a busy disk's fsync is not counted as the app's latency.
    #[allow(dead_code)]
    pub fn in_memory() -> Sandbox {
        use std::os::unix::fs::PermissionsExt;
        let shm = std::path::Path::new("/dev/shm");
        if let Ok(dir) = tempfile::tempdir_in(shm) {
            // Tests put small programs in their sandbox: /dev/shm must allow running them.
            let probe = dir.path().join("probe");
            let runs = std::fs::write(&probe, "#!/bin/sh\nexit 0\n").is_ok()
                && std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).is_ok()
                && std::process::Command::new(&probe).status().is_ok_and(|s| s.success());
            let _ = std::fs::remove_file(&probe);
            if runs {
                return Sandbox { dir };
            }
        }
        Sandbox::new()
    }

    /// Writes an executable `<sandbox>/bin/NAME` holding `script` (a fake
    /// speech program, player, notifier…); returns the folder, for PATH.
    pub fn program(&self, name: &str, script: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let bin = self.dir.path().join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        let path = bin.join(name);
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        bin
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn routines(&self) -> PathBuf {
        self.config().join("routines")
    }

    /// `winddown` with the sandbox's dirs passed through the environment.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("winddown").unwrap();
        c.env("WINDDOWN_CONFIG_DIR", self.config())
            .env("WINDDOWN_DATA_DIR", self.data())
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .env("TZ", "UTC");
        c
    }

    pub fn write_routine(&self, id: &str, text: &str) -> PathBuf {
        std::fs::create_dir_all(self.routines()).unwrap();
        let p = self.routines().join(format!("{id}.toml"));
        std::fs::write(&p, text).unwrap();
        p
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }
}

pub fn repo_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

pub const VALID: &str = "name = \"Mine\"\nsummary = \"One stretch\"\n\n[[step]]\ntitle = \"Calf\"\nhold = \"20s\"\nsides = [\"left\", \"right\"]\n";

impl Sandbox {
    /// The whole journal, through `winddown export`.
    pub fn export(&self) -> serde_json::Value {
        let out = self.cmd().arg("export").assert().success().get_output().stdout.clone();
        serde_json::from_slice(&out).unwrap()
    }
}

/// Journal records for screen tests, with only the fields that matter as arguments.
pub mod records {
    use chrono::{Days, NaiveDate};
    use winddown::journal::*;

    include!("../../src/journal/test_records.rs");
}

/// A built-in routine, as shipped (no user folder).
pub fn builtin(id: &str) -> winddown::routine::Routine {
    winddown::routine::library::Library::load(std::path::Path::new("/nonexistent"))
        .find(id)
        .unwrap()
        .routine
        .clone()
        .unwrap()
}
