//! What the event loop needs from a screen: draw, keys, clock, and when to stop.

use std::time::Instant;

use crossterm::event::KeyEvent;
use ratatui::Frame;

use super::theme::Theme;
use crate::cues::Utterance;
use crate::session::Cue;

pub trait Screen {
    /// Draws everything in one frame; no side effects.
    fn draw(&self, now: Instant, theme: &Theme, f: &mut Frame);
    fn on_key(&mut self, key: KeyEvent, now: Instant);
    /// The clock moved on (called after every wake).
    fn on_tick(&mut self, _now: Instant) {}
    /// Something changed on its own (a file reloaded): draw again.
    fn take_redraw(&mut self) -> bool {
        false
    }
    /// When the screen next changes with no key pressed.
    fn next_wake(&self, _now: Instant) -> Option<Instant> {
        None
    }
    /// The user is done with the screen.
    fn finished(&self) -> bool;
    /// A signal (SIGINT, SIGQUIT, SIGTERM, SIGHUP) ends the program: save what must be saved.
    fn on_signal(&mut self, _now: Instant) {}
    /// Cues to give (bell, cue command), with the step they belong to.
    fn take_cues(&mut self) -> Vec<(Cue, String)> {
        Vec::new()
    }
    /// Words and sounds to give, in order (see `cues::script`).
    fn take_utterances(&mut self) -> Vec<Utterance> {
        Vec::new()
    }
    /// The cues of this wake have been given: do the work that could have
    /// delayed them (journal writes).
    fn after_cues(&mut self) {}
    /// Smallest size the screen lays out in; below it, `q` and Esc quit at once.
    fn min_size(&self) -> (u16, u16);
    /// A file the screen wants opened in the user's editor (the terminal is
    /// handed over while it runs).
    fn take_edit_request(&mut self) -> Option<std::path::PathBuf> {
        None
    }
    /// The editor closed (or failed to start).
    fn edit_done(&mut self, _result: Result<(), String>, _now: Instant) {}
    /// Ctrl-Z (the program is about to stop), or a stop from outside seen when
    /// it continued (`now` is then the last instant it was known running): a
    /// running hold pauses as of `now`.
    fn on_suspend(&mut self, _now: Instant) {}
}
