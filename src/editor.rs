//! Running the user's editor on a file: `$VISUAL`, `$EDITOR`, else `vi`,
//! through the shell so editor commands with arguments ("code --wait") work.

use std::path::{Path, PathBuf};
use std::process::ExitStatus;

/// The editor command the user chose.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Why editing a file did not end well.
#[derive(Debug, thiserror::Error)]
pub enum EditorError {
    /// The shell that runs the editor could not be started.
    #[error("cannot start the editor `{editor}`: {source}")]
    Start {
        editor: String,
        #[source]
        source: std::io::Error,
    },
    /// The editor exited with a failure; the file is as it left it.
    #[error("the editor `{editor}` failed ({status}); {} is as it left it", file.display())]
    Failed { editor: String, status: ExitStatus, file: PathBuf },
}

/// Opens `file` in the editor and waits for it to close.
pub fn edit(file: &Path) -> Result<(), EditorError> {
    let editor = editor_command();
    let status =
        std::process::Command::new("sh").arg("-c").arg(format!("{editor} \"$1\"")).arg("sh").arg(file).status();
    match status {
        Err(source) => Err(EditorError::Start { editor, source }),
        Ok(status) if !status.success() => Err(EditorError::Failed { editor, status, file: file.to_path_buf() }),
        Ok(_) => Ok(()),
    }
}
