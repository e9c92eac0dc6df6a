//! The check-in through the app, as `winddown checkin` runs it, into a
//! journal in a temporary data dir.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use winddown::tui::app::{App, AppContext, Recorder, Start};
use winddown::tui::checkin::Mode;
use winddown::tui::screen::Input;

mod checkin_rig;

use checkin_rig::{bare, night, now};

/// The whole flow through the app, as `winddown checkin` runs it: the form
/// asks, the app writes the journal and answers, the summary shows the
/// tally; checking in again for the night replaces the check-in.
#[test]
fn the_app_saves_a_check_in_into_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let paths = winddown::paths::Paths { config_dir: dir.path().join("config"), data_dir: dir.path().join("data") };
    let journal = winddown::journal::Journal::new(paths.journal_dir());
    let t0 = Instant::now();
    let key = |app: &mut App, k: KeyEvent| app.handle(Input::Key(k), t0, &mut Recorder::default());
    let plain = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let open = || {
        let ctx = AppContext::new(paths.clone(), winddown::config::Config::default(), Vec::new(), now(), t0);
        App::open(ctx, Start::Checkin(night()), t0).unwrap()
    };

    let mut app = open();
    key(&mut app, plain(KeyCode::Char('y')));
    key(&mut app, plain(KeyCode::Char('2')));
    key(&mut app, ctrl_s);
    let form = app.checkin.as_ref().unwrap();
    assert!(matches!(form.mode, Mode::Saved { checkins: 1, checkin_streak: 1, cramp_free: 0 }), "{:?}", form.mode);
    let stored = journal.read_all().unwrap().night(night()).unwrap().checkin.clone().unwrap();
    assert_eq!(stored, bare(night(), 2), "what was said, and only that");
    assert!(!app.finished());
    key(&mut app, plain(KeyCode::Enter));
    assert!(app.finished(), "opened by a command, closing the summary ends it");

    // Again for the same night: it opens with the answers, and saving replaces them.
    let mut app = open();
    assert!(app.checkin.as_ref().unwrap().editing_existing);
    key(&mut app, plain(KeyCode::Char('n')));
    key(&mut app, ctrl_s);
    let entries = journal.read_all().unwrap();
    assert_eq!(entries.checkin_count(), 1);
    assert_eq!(entries.night(night()).unwrap().checkin.clone().unwrap(), bare(night(), 0));
}
