//! Where winddown keeps its files: the config dir (settings, user routines) and
//! the data dir (the journal). Both can be overridden for tests and portable installs.

use std::path::PathBuf;

use anyhow::{Context, Result};

#[derive(Debug, Clone)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
}

impl Paths {
    /// Uses the overrides when given, otherwise the platform's standard places
    /// (on Linux `~/.config/winddown` and `~/.local/share/winddown`).
    pub fn resolve(config_dir: Option<PathBuf>, data_dir: Option<PathBuf>) -> Result<Paths> {
        let project = || directories::ProjectDirs::from("", "", "winddown");
        let config_dir = match config_dir {
            Some(d) => d,
            None => project()
                .context("cannot find your home directory; pass --config-dir or set WINDDOWN_CONFIG_DIR")?
                .config_dir()
                .to_path_buf(),
        };
        let data_dir = match data_dir {
            Some(d) => d,
            None => project()
                .context("cannot find your home directory; pass --data-dir or set WINDDOWN_DATA_DIR")?
                .data_dir()
                .to_path_buf(),
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
