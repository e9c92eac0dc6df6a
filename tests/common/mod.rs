//! Helpers shared by the CLI tests: a winddown command in throwaway dirs.
#![allow(dead_code)]

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

    /// A finished run of cramp-guard started at `start` (HH:MM) with one step.
    pub fn run(night: NaiveDate, start: &str, outcome: Outcome) -> Record {
        Record::Run(Run {
            night,
            id: format!("{night}T{start}:00+01:00"),
            routine: "cramp-guard".into(),
            routine_hash: "h".into(),
            started: format!("{night}T{start}:00+01:00").parse().unwrap(),
            ended: None,
            speed: 1.0,
            finished: true,
            steps: vec![StepRecord { title: "Calf".into(), optional: false, outcome, held_s: Held::default() }],
        })
    }

    /// A check-in recorded at 07:00 the next morning.
    pub fn checkin(night: NaiveDate, cramps: u32, pain: Option<u8>, quality: Quality) -> Record {
        Record::Checkin(CheckIn {
            night,
            recorded: format!("{}T07:00:00+01:00", night + Days::new(1)).parse().unwrap(),
            cramps,
            pain,
            longest_s: None,
            places: vec![],
            disturbed: None,
            quality: Some(quality),
            rested: None,
            sleep: SleepTimes::default(),
            triggers: vec![],
            tags: vec![],
            red_flags: RedFlags::default(),
            note: String::new(),
        })
    }
}
