//! `winddown config path|show|check`.

use super::args::ConfigCmd;
use super::context::Ctx;
use super::exit::{CmdResult, Exit};
use crate::config;

pub fn run(cmd: ConfigCmd, ctx: &Ctx) -> CmdResult {
    let path = ctx.paths.config_file();
    match cmd {
        ConfigCmd::Path => println!("{}", path.display()),
        ConfigCmd::Show => {
            let loaded = config::load_settings(&path);
            let c = &loaded.config;
            if !path.exists() {
                println!("# {} does not exist: these are the defaults", path.display());
            }
            for key in config::KEYS {
                let invalid = loaded.problems.iter().any(|p| p.message.starts_with(&format!("{} ", key.name)));
                match (key.show)(c) {
                    // A setting the file gives (and that is valid) is shown bare; a default says so.
                    Some(v) if invalid => println!("{} = {v}   # default: the file's value is not valid", key.name),
                    Some(v) if loaded.given.contains(&key.name) => println!("{} = {v}", key.name),
                    Some(v) => println!("{} = {v}   # default", key.name),
                    None if invalid => println!("# {} = \"...\"   (not set: the file's value is not valid)", key.name),
                    None => println!("# {} = \"...\"   (not set)", key.name),
                }
            }
            for p in loaded.problems.iter().filter(|p| p.message.starts_with("unknown key")) {
                println!("# ignored: {}", p.headline());
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
            println!("{}: ok", path.display());
        }
    }
    Ok(())
}
