//! `winddown man`: one manual page. clap_mangen writes the name, synopsis,
//! description and options; the commands, the keys of every screen, files,
//! environment, exit status and examples are written here. The page refers to
//! no other winddown page: every command is described in it.

use std::io::Write;

use clap::CommandFactory;

use super::args::Cli;

/// Every screen's keys: (screen, [(keys, what they do)]).
const KEYS: &[(&str, &[(&str, &str)])] = &[
    (
        "Everywhere",
        &[
            ("1 2 3 4, Tab", "switch between Tonight, Check-in, History and Routines (home screen)"),
            ("?", "the keys of the screen you are on"),
            ("Ctrl-Z", "suspend (a running hold pauses); fg brings it back"),
            ("Ctrl-C", "quit at once (the coach saves its progress first)"),
        ],
    ),
    (
        "Tonight",
        &[
            ("Enter", "start the picked routine"),
            ("Up, Down, j, k", "pick another routine"),
            ("c", "check in"),
            ("h", "the history"),
            ("q, Esc", "quit"),
        ],
    ),
    (
        "Coach (winddown run)",
        &[
            ("Space", "pause or resume"),
            ("Enter", "confirm a check step; during get-ready, a switch or a rest: start now"),
            ("Right, n", "skip the step"),
            ("Left, b", "back one step"),
            ("r", "restart the step"),
            ("q, Esc", "asks whether to quit and save progress"),
            ("h", "the history (at the end)"),
        ],
    ),
    (
        "Check-in (winddown checkin)",
        &[
            ("Tab, Shift-Tab, Up, Down", "move between fields"),
            ("Left, Right, digits", "choose a value; on the Night row, another night"),
            ("Space", "toggle a chip"),
            ("y, n", "answer a yes/no question"),
            ("Ctrl-S", "save (or Enter on Save)"),
            ("Esc", "leave, asking first if anything changed"),
        ],
    ),
    (
        "History (winddown history)",
        &[("Left, Right", "previous or next month"), ("t", "this month"), ("q, Esc", "back")],
    ),
    (
        "Routines",
        &[
            ("Up, Down", "pick a routine"),
            ("Enter", "edit it in the routine editor"),
            ("e", "open it in $VISUAL or $EDITOR"),
            ("n", "a new routine from a copy"),
            ("d", "make it the default"),
            ("r", "reload the folder"),
        ],
    ),
    (
        "Routine editor",
        &[
            ("Up, Down", "pick a step"),
            ("Left, Right", "pick a value"),
            ("+, -", "change it (Enter types it)"),
            ("t", "rename the step"),
            ("J, K", "move the step"),
            ("a", "add a step"),
            ("x", "delete the step (asks first)"),
            ("u", "undo"),
            ("Ctrl-S", "save"),
        ],
    ),
    (
        "Cramp (winddown cramp)",
        &[
            ("c f t o", "where: calf, foot, thigh, other"),
            ("l r b", "side: left, right, both"),
            ("Enter", "on to the stretch; it has eased; close"),
            ("a", "hold the stretch again"),
            ("q, Esc", "close (the cramp stays logged)"),
        ],
    ),
];

const FILES: &[(&str, &str)] = &[
    ("~/.config/winddown/config.toml", "the settings (winddown config show)"),
    ("~/.config/winddown/routines/*.toml", "your routines; a file named like a built-in one replaces it"),
    ("~/.local/share/winddown/journal/YYYY-MM.jsonl", "the journal, one file per month of nights (JSON Lines)"),
    ("~/.local/share/winddown/journal/.winddown-status", "the recent nights that are done, for the prompt nudge"),
    ("~/.local/share/winddown/journal/.facts.cache", "what the statistics need from each month; safe to delete"),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("WINDDOWN_CONFIG_DIR", "the settings and routines folder (as --config-dir)"),
    ("WINDDOWN_DATA_DIR", "the journal's folder (as --data-dir)"),
    ("WINDDOWN_NOW", "an RFC 3339 time the commands act as of, for scripts and tests"),
    ("NO_COLOR", "when set and not empty, no colour on any screen"),
    ("VISUAL, EDITOR", "the editor for winddown routine edit and the e key"),
    ("WINDDOWN_COMPLETE", "set by the completion scripts to ask winddown for completions"),
];

const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "success"),
    ("1", "any other failure: a refused journal file, an I/O error"),
    ("2", "invalid input: bad arguments, an invalid routine or value, no terminal for a screen"),
];

const EXAMPLES: &[(&str, &str)] = &[
    ("winddown", "the app: Enter starts tonight's routine"),
    ("winddown run two-minute", "a routine, straight away"),
    ("winddown checkin --cramps 0 --quality fair", "a quiet night, without the form"),
    ("winddown cramp", "in the night: log a cramp and stretch it out"),
    ("winddown stats --json", "streaks and insights for a script"),
    ("eval \"$(winddown init bash)\"", "in ~/.bashrc: the evening nudge"),
    ("winddown completions bash > ~/.local/share/bash-completion/completions/winddown", "completions"),
    ("winddown export > backup.json", "a backup of the whole journal"),
];

/// Writes the page.
pub fn render(out: &mut dyn Write) -> std::io::Result<()> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        command(out, sub)?;
        for inner in sub.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
            command(out, inner)?;
        }
    }
    writeln!(out, ".SH KEYS")?;
    for (screen, keys) in KEYS {
        writeln!(out, ".SS {}", roff(screen))?;
        table(out, keys)?;
    }
    section(out, "FILES", FILES)?;
    section(out, "ENVIRONMENT", ENVIRONMENT)?;
    section(out, "EXIT STATUS", EXIT_STATUS)?;
    writeln!(out, ".SH EXAMPLES")?;
    for (example, what) in EXAMPLES {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(example), roff(what))?;
    }
    man.render_version_section(out)
}

/// One command: its usage line and what it does.
fn command(out: &mut dyn Write, sub: &clap::Command) -> std::io::Result<()> {
    let usage = sub.clone().render_usage().to_string();
    let usage = usage.trim_start_matches("Usage: ");
    let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
    writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(usage), roff(&about))
}

fn section(out: &mut dyn Write, name: &str, rows: &[(&str, &str)]) -> std::io::Result<()> {
    writeln!(out, ".SH {name}")?;
    table(out, rows)
}

fn table(out: &mut dyn Write, rows: &[(&str, &str)]) -> std::io::Result<()> {
    for (k, what) in rows {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(k), roff(what))?;
    }
    Ok(())
}

/// Text safe in roff: backslashes and hyphens escaped, no line starting a request.
fn roff(s: &str) -> String {
    let escaped = s.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) { format!("\\&{escaped}") } else { escaped }
}

#[cfg(test)]
mod tests {
    #[test]
    fn roff_escapes() {
        assert_eq!(super::roff("--at"), "\\-\\-at");
        assert_eq!(super::roff(".hidden"), "\\&.hidden");
    }
}
