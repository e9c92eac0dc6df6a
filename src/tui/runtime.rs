//! The event loop around the app: terminal set-up and restore, keys,
//! resizes, signals, and waking exactly when the screen has something new
//! to show. The cues and the editor the app's effects call for are reached
//! through [`Outside`], which the loop gives with the terminal and the cue player.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::DefaultTerminal;

use super::app::{App, Outside};
use super::screen::Input;
use super::theme::Theme;
use crate::cues::{CuePlayer, CueSetup, Found, Utterance};
use crate::session::Cue;

/// How long the loop may sleep with nothing to show: it still checks for signals.
const IDLE_WAKE: Duration = Duration::from_millis(500);

/// Settings the runtime applies: cues and colours.
pub struct RunSettings {
    /// Speech, sounds, bell and cue command, with the programs found at start.
    pub cues: CueSetup,
    pub theme: Theme,
    /// ASCII only (`TERM=dumb`, a locale that is not UTF-8): see `glyphs`.
    pub plain: bool,
}

impl From<&crate::config::Config> for RunSettings {
    /// Looks for the speech and sound programs on PATH, once.
    fn from(c: &crate::config::Config) -> RunSettings {
        let found = Found::on_path(std::env::var_os("PATH"));
        let cues = CueSetup {
            quiet: c.quiet,
            bell: c.bell,
            command: c.cue_command.clone(),
            ..CueSetup::new(&c.voice, &c.sound, &found)
        };
        RunSettings { cues, theme: theme_for(c), plain: super::glyphs::plain_from_env() }
    }
}

/// The theme the settings ask for. With `theme = "auto"` (and colour on) the
/// terminal is asked for its background, before the screen takes it.
fn theme_for(c: &crate::config::Config) -> Theme {
    use super::palette::Palette;
    use super::termbg::{Shade, detect};
    use crate::config::ThemeChoice;
    let theme = Theme::new(c.color);
    let palette = match c.theme {
        _ if !theme.color => return theme,
        ThemeChoice::Dark => Palette::Dark,
        ThemeChoice::Light => Palette::Light,
        ThemeChoice::Bedtime => Palette::Bedtime,
        ThemeChoice::Auto => match detect() {
            Some(Shade::Dark) => Palette::Dark,
            Some(Shade::Light) => Palette::Light,
            None => Palette::Either,
        },
    };
    theme.with_palette(palette)
}

/// Why the loop ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ending {
    Normal,
    /// A terminating signal (or a closed terminal, counted as SIGHUP):
    /// progress saved, terminal restored.
    Signal(Stopped),
}

/// The signal that ended the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped {
    /// "SIGTERM", or "a closed terminal".
    pub name: &'static str,
    pub signo: i32,
}

impl Stopped {
    /// The conventional exit status of a program ended by a signal: 128 + its number.
    pub fn exit_code(self) -> u8 {
        (128 + self.signo).clamp(0, 255) as u8
    }
}

/// The catchable signals that end the program: each saves and restores first.
const TERMINATING: [(i32, &str); 4] = [
    (signal_hook::consts::SIGINT, "SIGINT"),
    (signal_hook::consts::SIGQUIT, "SIGQUIT"),
    (signal_hook::consts::SIGTERM, "SIGTERM"),
    (signal_hook::consts::SIGHUP, "SIGHUP"),
];

/// Runs the app full-screen until the user leaves it (or a signal arrives).
/// The terminal is restored on every path, panics included (ratatui's hook).
pub fn run(app: &mut App, cues: &RunSettings) -> std::io::Result<Ending> {
    let signal = Arc::new(AtomicUsize::new(0));
    for (sig, _) in TERMINATING {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    let continued = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGCONT, Arc::clone(&continued))?;
    let mut terminal = ratatui::init();
    let mut clock = Clock { continued: &continued, awake: Instant::now(), was_stopped: false };
    let result = event_loop(&mut terminal, app, cues, &signal, &mut clock);
    if terminal.show_cursor().is_err() {
        // The terminal is gone (closed window): the Terminal's drop would try
        // again and print the failure to that gone terminal, and a failed
        // print panics. Its few buffers are freed by the exit anyway.
        std::mem::forget(terminal);
    }
    restore_terminal();
    result
}

/// Leaves raw mode and the alternate screen and shows the cursor: every step
/// is tried even if one fails, and nothing is printed (the terminal may be gone).
fn restore_terminal() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::terminal::LeaveAlternateScreen, crossterm::cursor::Show);
}

/// The loop's clock. A stop from outside (SIGSTOP, then SIGCONT) must not
/// count as hold time: the loop cannot see the stop, only the SIGCONT after
/// it, so the screen is paused as of the last instant the loop was known to
/// be running. That is the last clock reading taken before SIGCONT arrived;
/// the loop reads the clock at least every `IDLE_WAKE`, and spends almost all
/// its time waiting, so a stop costs at most a moment of hold, never gives any.
struct Clock<'a> {
    continued: &'a AtomicBool,
    awake: Instant,
    /// Set when a stop was seen: the terminal must be set up and drawn afresh.
    was_stopped: bool,
}

impl Clock<'_> {
    /// The time now. If the process was stopped and continued since the last
    /// reading, `app` is first paused as of that reading.
    fn now(&mut self, app: &mut App, out: &mut dyn Outside) -> Instant {
        let now = Instant::now();
        // SIGCONT's handler runs before the process goes on, so a clear flag
        // read after the clock means the reading came before any stop.
        if self.continued.swap(false, Ordering::Relaxed) {
            app.handle(Input::Suspend, self.awake, out);
            self.was_stopped = true;
        } else {
            self.awake = now;
        }
        now
    }

    /// Forgets a SIGCONT that was ours (coming back from Ctrl-Z).
    fn forget_continue(&mut self) {
        self.continued.store(false, Ordering::Relaxed);
        self.awake = Instant::now();
    }
}

/// The real outside: the cue player, the bell, and the terminal handed to
/// the user's editor.
struct Terminal<'a> {
    terminal: &'a mut DefaultTerminal,
    player: CuePlayer,
    signal: &'a AtomicUsize,
}

impl Outside for Terminal<'_> {
    fn cue(&mut self, cue: Cue, step: &str) {
        let tick = if let Cue::Tick(n) = cue { Some(n) } else { None };
        self.player.run_command(cue.name(), step, tick);
    }

    /// Speaks or plays; rings the bell where a sound was due and none can be played.
    fn say(&mut self, utterance: &Utterance) {
        if self.player.give(utterance) {
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07").and_then(|_| out.flush());
        }
    }

    /// Hands the terminal to the editor, then takes it back.
    fn edit(&mut self, path: &std::path::Path) -> Result<(), String> {
        ratatui::restore();
        let result = crate::editor::edit(path).map_err(|e| e.to_string());
        // Ctrl-C or Ctrl-\ typed into the editor went to it (and to us, the same process group).
        for (sig, _) in &TERMINATING[..2] {
            let _ = self.signal.compare_exchange(*sig as usize, 0, Ordering::Relaxed, Ordering::Relaxed);
        }
        // A new terminal draws everything afresh (clear() would query the cursor).
        *self.terminal = ratatui::init();
        result
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    settings: &RunSettings,
    signal: &AtomicUsize,
    clock: &mut Clock,
) -> std::io::Result<Ending> {
    let theme = settings.theme;
    // Dropped on every way out of the loop: whatever still speaks is ended and reaped.
    let mut out = Terminal { terminal, player: CuePlayer::new(settings.cues.clone()), signal };
    let mut resized = false;
    // The screen in front is told it opens: cues due then (the coach's first
    // phase, the cramp's record) go out before the first draw.
    app.handle(Input::Open, Instant::now(), &mut out);
    let mut dirty = true;
    let mut scheduled: Option<Instant> = None;
    loop {
        let now = clock.now(app, &mut out);
        if std::mem::take(&mut clock.was_stopped) {
            // The shell may have taken the terminal while we were stopped: set it up again.
            restore_terminal();
            *out.terminal = ratatui::init();
            dirty = true;
        }
        if std::mem::take(&mut resized) {
            // A shrink may have cut what the terminal shows, and a burst of
            // resizes can end at the size last drawn, where ratatui would
            // redraw only what changed: clear the screen (without asking the
            // terminal where its cursor is, as `Terminal::clear` would) and
            // draw a blank frame, so the next frame is drawn in full.
            crossterm::execute!(std::io::stdout(), crossterm::terminal::Clear(crossterm::terminal::ClearType::All))?;
            out.terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))?;
        }
        if dirty {
            out.terminal.draw(|f| {
                super::app::view::render(app, now, &theme, f);
                super::glyphs::no_raw_controls(f.buffer_mut());
                if settings.plain {
                    super::glyphs::to_ascii(f.buffer_mut());
                }
            })?;
            dirty = false;
        }
        if app.finished() {
            return Ok(Ending::Normal);
        }
        scheduled = app.next_wake(now).or(scheduled.filter(|s| *s > now));
        let timeout = scheduled.map_or(IDLE_WAKE, |s| s.saturating_duration_since(now).min(IDLE_WAKE));
        let input = match wait_for_input(timeout) {
            Wait::HangUp => {
                let now = clock.now(app, &mut out);
                app.handle(Input::Signal, now, &mut out);
                return Ok(Ending::Signal(Stopped { name: "a closed terminal", signo: libc::SIGHUP }));
            }
            Wait::Input => true,
            // A signal (a resize among them) woke us: let crossterm look, without waiting.
            Wait::Timeout | Wait::Interrupted => false,
        };
        if input || event::poll(Duration::ZERO)? {
            // Drain everything waiting so a burst of resizes costs one redraw.
            while event::poll(Duration::ZERO)? {
                match event::read()? {
                    Event::Key(key) if key.kind == KeyEventKind::Press => {
                        let (w, h) = app.min_size();
                        let small = out.terminal.size().is_ok_and(|s| s.width < w || s.height < h);
                        if small && matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
                            let now = clock.now(app, &mut out);
                            app.handle(Input::Signal, now, &mut out);
                            return Ok(Ending::Normal);
                        }
                        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                        if small && !(ctrl && matches!(key.code, KeyCode::Char('c' | 'z'))) {
                            // Nothing on screen says what another key would do: it does nothing.
                            continue;
                        }
                        if key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL) {
                            out.player.stop_all();
                            let now = clock.now(app, &mut out);
                            suspend(&mut out, app, now)?;
                            clock.forget_continue();
                        } else {
                            let now = clock.now(app, &mut out);
                            app.handle(Input::Key(key), now, &mut out);
                        }
                        dirty = true;
                        if app.finished() {
                            break;
                        }
                    }
                    Event::Resize(..) => {
                        dirty = true;
                        resized = true;
                    }
                    _ => {}
                }
            }
        }
        let now = clock.now(app, &mut out);
        dirty |= app.handle(Input::Tick, now, &mut out);
        if scheduled.is_some_and(|s| s <= now) {
            dirty = true;
            scheduled = None;
        }
        out.player.reap(Instant::now());
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            let now = clock.now(app, &mut out);
            app.handle(Input::Signal, now, &mut out);
            let (signo, name) = TERMINATING.into_iter().find(|(s, _)| *s as usize == sig).unwrap_or(TERMINATING[2]);
            return Ok(Ending::Signal(Stopped { name, signo }));
        }
    }
}

/// Ctrl-Z: restore the terminal, stop like any shell job, and come back on `fg`.
fn suspend(out: &mut Terminal, app: &mut App, now: Instant) -> std::io::Result<()> {
    app.handle(Input::Suspend, now, out);
    ratatui::restore();
    // SAFETY: raising a signal at ourselves; SIGTSTP's default action stops the process.
    unsafe { libc::raise(libc::SIGTSTP) };
    // Resumed (`fg`): a new terminal draws everything afresh.
    *out.terminal = ratatui::init();
    Ok(())
}

enum Wait {
    Input,
    Timeout,
    Interrupted,
    HangUp,
}

/// Waits for the terminal to have input. Done here rather than in crossterm's
/// poll because crossterm spins forever on a terminal that has gone away
/// (every read returns end-of-file); poll(2) reports that as a hang-up.
fn wait_for_input(timeout: Duration) -> Wait {
    let mut fds = libc::pollfd { fd: libc::STDIN_FILENO, events: libc::POLLIN, revents: 0 };
    let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: one valid pollfd on the stack, count 1; poll(2) only writes `revents`.
    let n = unsafe { libc::poll(&mut fds, 1, ms) };
    if n < 0 {
        return Wait::Interrupted;
    }
    if fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Wait::HangUp
    } else if n > 0 {
        Wait::Input
    } else {
        Wait::Timeout
    }
}
