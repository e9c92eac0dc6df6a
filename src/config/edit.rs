//! Changing one setting in `config.toml` the way a person would: comments,
//! layout and the other keys stay as they are.

use std::path::{Path, PathBuf};

use crate::fsutil::WriteError;
use crate::input_file::InputError;

/// Why the settings file was not changed.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: InputError,
    },
    /// The file does not parse: it is never written over.
    #[error("{} is not valid TOML, so it was left as it is: {source}", path.display())]
    NotToml {
        path: PathBuf,
        #[source]
        source: toml_edit::TomlError,
    },
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Sets `default_routine` in the settings file, keeping its comments and
/// layout (toml_edit); creates the file if there is none.
pub fn set_default_routine(path: &Path, id: &str) -> Result<(), ConfigError> {
    let text = match crate::input_file::read_text_limited(path, crate::input_file::CONFIG_LIMIT) {
        Ok(t) => t,
        Err(e) if e.is_not_found() => String::new(),
        Err(source) => return Err(ConfigError::Read { path: path.to_path_buf(), source }),
    };
    let mut doc: toml_edit::DocumentMut =
        text.parse().map_err(|source| ConfigError::NotToml { path: path.to_path_buf(), source })?;
    doc["default_routine"] = toml_edit::value(id);
    Ok(crate::fsutil::write_atomic(path, doc.to_string().as_bytes())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setting_the_default_keeps_comments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "# my settings\nbell = false # quiet\ndefault_routine = \"x\"\n").unwrap();
        set_default_routine(&path, "two-minute").unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# my settings\nbell = false # quiet\ndefault_routine = \"two-minute\"\n"
        );
        let fresh = dir.path().join("new/config.toml");
        set_default_routine(&fresh, "hallegraeff-2012").unwrap();
        assert_eq!(std::fs::read_to_string(&fresh).unwrap(), "default_routine = \"hallegraeff-2012\"\n");
        std::fs::write(&path, "bell = [").unwrap();
        let e = set_default_routine(&path, "x").unwrap_err();
        assert!(matches!(e, ConfigError::NotToml { .. }), "{e:?}");
        assert!(e.to_string().starts_with(&format!("{} is not valid TOML, so it was left as it is: ", path.display())));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "bell = [");
    }
}
