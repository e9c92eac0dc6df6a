//! `winddown routine …`: list, show, check, new, edit, path.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::args::RoutineCmd;
use super::exit::{CmdResult, Exit};
use super::{routine_text, show};
use crate::fsutil;
use crate::paths::Paths;
use crate::routine::library::{self, Library, Origin, builtin_text, load_path};
use crate::routine::{Diagnostic, Routine, files, starter};

pub fn run(cmd: RoutineCmd, paths: &Paths, default_id: &str) -> CmdResult {
    match cmd {
        RoutineCmd::List { json } => list(paths, default_id, json),
        RoutineCmd::Show { routine, json } => show(paths, &routine, json),
        RoutineCmd::Check { files } if files.is_empty() => check_all(paths),
        RoutineCmd::Check { files } => {
            // A name that is not a file is a routine's name, as with `routine show`.
            let files: Vec<PathBuf> = files
                .into_iter()
                .map(|f| {
                    let is_name = !f.exists() && f.components().count() == 1 && f.extension().is_none();
                    if is_name { paths.routine_file(&f.to_string_lossy()) } else { f }
                })
                .collect();
            // A built-in's name with no file of yours: the built-in is checked.
            let (builtins, files): (Vec<PathBuf>, Vec<PathBuf>) =
                files.into_iter().partition(|f| !f.exists() && f.starts_with(paths.routines_dir()));
            for b in &builtins {
                let name = b.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let (r, origin) = resolve(paths, &name)?;
                show::line(&format!("{name} ({}): ok ({} steps)", origin.describe(), r.steps.len()));
            }
            if files.is_empty() { Ok(()) } else { check(&files) }
        }
        RoutineCmd::New { name, from } => new(paths, &name, from.as_deref()),
        RoutineCmd::Edit { name } => edit(paths, &name),
        RoutineCmd::Path => {
            show::line(&paths.routines_dir().display().to_string());
            Ok(())
        }
    }
}

fn list(paths: &Paths, default_id: &str, json: bool) -> CmdResult {
    let lib = Library::load(&paths.routines_dir());
    if json {
        print_json(&routine_text::list_json(&lib, default_id))
    } else {
        show::text(&routine_text::list_text(&lib, default_id));
        Ok(())
    }
}

fn show(paths: &Paths, arg: &str, json: bool) -> CmdResult {
    let (routine, origin) = resolve(paths, arg)?;
    if json {
        print_json(&routine_text::show_json(&routine))
    } else {
        show::text(&routine_text::show_text(&routine, &origin.describe()));
        Ok(())
    }
}

/// Finds a routine by name (user folder first, then built-in) or by file path.
/// Unknown names and invalid files are invalid input (exit 2).
pub fn resolve(paths: &Paths, arg: &str) -> Result<(Routine, Origin), Exit> {
    let as_path = Path::new(arg);
    if arg.ends_with(".toml") || arg.contains(std::path::MAIN_SEPARATOR) {
        if !as_path.exists() {
            return Err(Exit::invalid(format!("no routine file at {arg}")));
        }
        let routine = load_path(as_path, &library::file_id(as_path)).map_err(invalid_routine)?;
        return Ok((routine, Origin::User(as_path.to_path_buf())));
    }
    let lib = Library::load(&paths.routines_dir());
    match lib.find(arg) {
        Some(entry) => match &entry.routine {
            Ok(r) => Ok((r.clone(), entry.origin.clone())),
            Err(errs) => Err(invalid_routine(errs.clone())),
        },
        None => Err(unknown_routine(arg, &lib)),
    }
}

fn unknown_routine(name: &str, lib: &Library) -> Exit {
    Exit::invalid(format!("no routine named \"{name}\"; known routines: {}", lib.ids().join(", ")))
}

fn invalid_routine(errs: Vec<Diagnostic>) -> Exit {
    Exit::invalid(diagnostics_text(&errs))
}

fn diagnostics_text(errs: &[Diagnostic]) -> String {
    errs.iter().map(|d| format!("error: {d}")).collect::<Vec<_>>().join("\n")
}

fn check(files: &[PathBuf]) -> CmdResult {
    let mut bad = 0;
    for file in files {
        match load_path(file, &library::file_id(file)) {
            Ok(r) => show::line(&format!("{}: ok ({} steps)", file.display(), r.steps.len())),
            Err(errs) => {
                bad += 1;
                show::error_line(&diagnostics_text(&errs));
            }
        }
    }
    match bad {
        0 => Ok(()),
        n => Err(Exit::invalid(format!(
            "{n} of {} file{} invalid",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        ))),
    }
}

/// Every routine the user has: the built-in ones and each file in the folder.
fn check_all(paths: &Paths) -> CmdResult {
    let lib = Library::load(&paths.routines_dir());
    if let Some(e) = &lib.folder_error {
        return Err(Exit::failed(crate::text::visible(e).into_owned()));
    }
    let mut bad = 0;
    for entry in &lib.entries {
        let name = crate::text::visible(&entry.id).into_owned();
        let origin = crate::text::visible(&entry.origin.describe()).into_owned();
        match &entry.routine {
            Ok(r) => println!("{name} ({origin}): ok ({} steps)", r.steps.len()),
            Err(errs) => {
                bad += 1;
                eprintln!("{}", diagnostics_text(errs));
            }
        }
    }
    match bad {
        0 => Ok(()),
        n => Err(Exit::invalid(format!("{n} of {} routines invalid", lib.entries.len()))),
    }
}

fn new(paths: &Paths, name: &str, from: Option<&str>) -> CmdResult {
    let text = match from {
        None => starter::starter_text(name),
        Some(src) => {
            let lib = Library::load(&paths.routines_dir());
            let entry = lib.find(src).ok_or_else(|| unknown_routine(src, &lib))?;
            files::entry_text(entry)?
        }
    };
    let target = files::create(&paths.routines_dir(), name, &text).map_err(|e| match e {
        files::CreateError::BadName(_) => Exit::invalid(e.to_string()),
        files::CreateError::Exists(_) => Exit::failed(format!("{e}; edit it with `winddown routine edit {name}`")),
        files::CreateError::Io(write) => write.into(),
    })?;
    show::line(&format!("created {}", target.display()));
    if builtin_text(name).is_some() {
        println!("note: it replaces the built-in routine \"{name}\"");
    }
    Ok(())
}

fn edit(paths: &Paths, name: &str) -> CmdResult {
    if !paths.routine_file(name).exists() && builtin_text(name).is_none() {
        return Err(unknown_routine(name, &Library::load(&paths.routines_dir())));
    }
    let (target, copied) = files::file_for_edit(&paths.routines_dir(), name)?;
    let existed = !copied;
    if copied {
        show::error_line(&format!("copied the built-in \"{name}\" to {} for editing", target.display()));
    }
    let previous = crate::input_file::read_limited(&target, crate::input_file::ROUTINE_LIMIT)
        .map_err(|e| Exit::invalid(format!("cannot edit {}: {e}", target.display())))?;
    loop {
        open_editor(&target)?;
        let errs = match load_path(&target, name) {
            Ok(r) => {
                show::line(&format!("{}: ok ({} steps)", target.display(), r.steps.len()));
                return Ok(());
            }
            Err(errs) => errs,
        };
        show::error_line(&diagnostics_text(&errs));
        match ask_after_invalid()? {
            Choice::EditAgain => continue,
            Choice::SaveAnyway => {
                return Err(Exit::invalid(format!("kept the invalid file {}", target.display())));
            }
            Choice::KeepPrevious => {
                if existed {
                    fsutil::write_atomic(&target, &previous)?;
                } else {
                    // The copy was made for this edit: removing it brings back the built-in.
                    std::fs::remove_file(&target)
                        .map_err(|e| Exit::failed(format!("cannot remove {}: {e}", target.display())))?;
                }
                return Err(Exit::invalid("the routine was invalid; kept the previous version"));
            }
        }
    }
}

enum Choice {
    EditAgain,
    KeepPrevious,
    SaveAnyway,
}

/// Asks what to do with an invalid edit. No answer (end of input) keeps the previous version.
fn ask_after_invalid() -> Result<Choice, Exit> {
    let stdin = std::io::stdin();
    loop {
        eprint!("The routine is invalid. [e]dit again, [k]eep the previous version, or [s]ave it anyway? ");
        std::io::stderr().flush().ok();
        let mut answer = String::new();
        let n =
            stdin.lock().read_line(&mut answer).map_err(|e| Exit::failed(format!("cannot read your answer: {e}")))?;
        if n == 0 {
            eprintln!();
            return Ok(Choice::KeepPrevious);
        }
        match answer.trim().to_ascii_lowercase().as_str() {
            "e" | "edit" => return Ok(Choice::EditAgain),
            "k" | "keep" | "" => return Ok(Choice::KeepPrevious),
            "s" | "save" => return Ok(Choice::SaveAnyway),
            _ if !stdin.is_terminal() => return Ok(Choice::KeepPrevious),
            _ => continue,
        }
    }
}

/// Runs the user's editor on `file`.
pub fn open_editor(file: &Path) -> Result<(), Exit> {
    Ok(crate::editor::edit(file)?)
}

fn print_json<T: serde::Serialize>(value: &T) -> CmdResult {
    show::json(value)
}
