//! Outsides for flows run without a terminal: a recorder of cues and editor
//! calls (with a fake editor that can write the file), and `()` for nothing.

use std::path::Path;

use super::Outside;
use crate::cues::Utterance;
use crate::session::Cue;

/// Records what would have been done outside, for tests of whole flows.
#[derive(Debug, Default)]
pub struct Recorder {
    pub cues: Vec<(Cue, String)>,
    pub said: Vec<Utterance>,
    pub edited: Vec<std::path::PathBuf>,
    /// What the "editor" writes into the file, if anything.
    pub edit_writes: Option<Vec<u8>>,
    /// How the "editor" ends (fine when not set).
    pub edit_result: Option<Result<(), String>>,
}

impl Outside for Recorder {
    fn cue(&mut self, cue: Cue, step: &str) {
        self.cues.push((cue, step.to_string()));
    }
    fn say(&mut self, utterance: &Utterance) {
        self.said.push(utterance.clone());
    }
    fn edit(&mut self, path: &Path) -> Result<(), String> {
        self.edited.push(path.to_path_buf());
        if let Some(bytes) = &self.edit_writes {
            std::fs::write(path, bytes).map_err(|e| e.to_string())?;
        }
        self.edit_result.clone().unwrap_or(Ok(()))
    }
}

/// Nothing: for flows where cues and editors do not matter.
impl Outside for () {
    fn cue(&mut self, _: Cue, _: &str) {}
    fn say(&mut self, _: &Utterance) {}
    fn edit(&mut self, _: &Path) -> Result<(), String> {
        Ok(())
    }
}
