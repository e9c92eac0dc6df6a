//! `winddown config path|show|check`.

use super::args::ConfigCmd;
use super::context::Ctx;
use super::exit::{CmdResult, Exit};
use super::show;
use crate::config;

pub fn run(cmd: ConfigCmd, ctx: &Ctx) -> CmdResult {
    let path = ctx.paths.config_file();
    match cmd {
        ConfigCmd::Path => show::line(&format!("{}", path.display())),
        ConfigCmd::Show => {
            let loaded = config::load_settings(&path);
            let c = &loaded.config;
            if !path.exists() {
                show::line(&format!("# {} does not exist: these are the defaults", path.display()));
            }
            for key in config::KEYS {
                let invalid = loaded.problems.iter().any(|p| p.message.starts_with(&format!("{} ", key.name)));
                match (key.show)(c) {
                    // A setting the file gives (and that is valid) is shown bare; a default says so.
                    Some(v) if invalid => {
                        show::line(&format!("{} = {v}   # default: the file's value is not valid", key.name))
                    }
                    Some(v) if loaded.given.contains(&key.name) => show::line(&format!("{} = {v}", key.name)),
                    Some(v) => show::line(&format!("{} = {v}   # default", key.name)),
                    None if invalid => {
                        show::line(&format!("# {} = \"...\"   (not set: the file's value is not valid)", key.name))
                    }
                    None => show::line(&format!("# {} = \"...\"   (not set)", key.name)),
                }
            }
            for p in loaded.problems.iter().filter(|p| p.message.starts_with("unknown key")) {
                show::line(&format!("# ignored: {}", p.headline()));
            }
        }
        ConfigCmd::Check => {
            let (_, problems) = config::load(&path);
            if !problems.is_empty() {
                let text: Vec<String> = problems.iter().map(|d| format!("error: {d}")).collect();
                return Err(Exit::invalid(format!(
                    "{}\n{} problem(s) in the settings",
                    text.join("\n"),
                    problems.len()
                )));
            }
            show::line(&format!("{}: ok", path.display()));
        }
    }
    Ok(())
}
