//! Running the user's editor on a file: `$VISUAL`, `$EDITOR`, else `vi`,
//! through the shell so editor commands with arguments ("code --wait") work.

use std::path::Path;

/// The editor command the user chose.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Opens `file` in the editor and waits for it to close.
pub fn edit(file: &Path) -> Result<(), String> {
    let editor = editor_command();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(file)
        .status()
        .map_err(|e| format!("cannot start the editor `{editor}`: {e}"))?;
    if !status.success() {
        return Err(format!("the editor `{editor}` failed ({status}); {} is as it left it", file.display()));
    }
    Ok(())
}
