//! The coach's effects and records: what each key and tick asks to be written,
//! in which order, and what a failed write shows.

use super::*;

/// The footer, the `?` help and the key handler all read the coach's command
/// list: during a hold the footer offers no Enter, and Enter does nothing there.
#[test]
fn the_footer_and_help_come_from_the_keymap() {
    let footer_of = |r: &Rig, s: f64| {
        let pairs = keymap::footer(&r.app.commands());
        let line = pairs.iter().map(|(k, w)| format!("{k} {w}")).collect::<Vec<_>>().join(" · ");
        let screen = r.screen(s, 80, 24);
        assert!(screen.contains(&line), "footer {line:?} not on\n{screen}");
        line
    };
    let mut r = Rig::new(builtin("cramp-guard"));
    assert_eq!(footer_of(&r, 1.0), "Space pause · Enter start · n skip · b back · ? help · q quit");
    r.tick(10.0);
    assert_eq!(footer_of(&r, 10.0), "Space pause · n skip · b back · ? help · q quit");
    let before = r.screen(10.0, 80, 24);
    assert!(r.key(KeyCode::Enter, 10.0).is_empty());
    assert_eq!(r.screen(10.0, 80, 24), before, "Enter does nothing during a hold");

    let mut check = Rig::new(builtin("two-minute"));
    check.key(KeyCode::Char('n'), 1.0);
    check.key(KeyCode::Char('n'), 2.0);
    assert!(footer_of(&check, 2.0).contains("Enter done"));

    r.key(KeyCode::Char('?'), 11.0);
    let screen = r.screen(11.0, 80, 24);
    for (keys, what) in keymap::help(&keys::running(&r.app.session)) {
        assert!(screen.contains(what) && screen.contains(keys), "{keys} {what} not in the help:\n{screen}");
    }
    assert!(screen.contains("any of ? Esc Enter closes this"), "{screen}");
    r.key(KeyCode::Esc, 12.0);

    // The question's keys are the list's, and only they do anything there.
    r.key(KeyCode::Char('q'), 13.0);
    assert_eq!(footer_of(&r, 13.0), "Enter quit and save · Esc keep going");
    // Under the question the footer offers only its keys: Space does nothing there.
    assert!(!r.screen(13.0, 80, 24).contains("Space pause"));
    assert!(r.key(KeyCode::Char(' '), 13.5).is_empty());
    assert!(matches!(r.app.mode, Mode::ConfirmQuit { .. }));
    assert!(r.key(KeyCode::Char('n'), 14.0).is_empty());
    assert_eq!(r.app.mode, Mode::Running, "n: keep going");
}

#[test]
fn quitting_mid_run_saves_then_closes() {
    let mut r = Rig::new(builtin("two-minute"));
    let (t, _) = r.run_until(0.0, 0.5, |a| a.session.current_step() == 1);
    r.key(KeyCode::Char('q'), t + 1.0);
    let out = r.key(KeyCode::Enter, t + 2.0);
    assert!(matches!(out.as_slice(), [Effect::Put { .. }, Effect::Close]), "{out:?}");
    let (run, tally) = puts(&out).remove(0);
    assert!(run.finished && !run.completed());
    assert_eq!(run.steps[0].outcome, Outcome::Done);
    assert_eq!(tally, None, "no summary after a quit: no streak asked for");
    // Nothing more is recorded after the quit.
    assert!(puts(&r.input(Input::Signal, t + 3.0)).is_empty());
}

#[test]
fn quitting_before_any_step_ends_writes_nothing() {
    let mut r = Rig::new(builtin("two-minute"));
    r.tick(1.0);
    let out = r.input(Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)), 1.0);
    // Ctrl-C ends the program, as on every screen.
    assert_eq!(out, [Effect::Quit]);
}

#[test]
fn skip_back_and_quit_record_outcomes() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(15.0);
    r.key(KeyCode::Right, 15.0); // 10 s of the left side held: partial
    r.key(KeyCode::Char('n'), 16.0); // nothing held: skipped
    r.key(KeyCode::Left, 17.0); // back to step 2
    assert_eq!(r.app.session.current_step(), 1);
    r.key(KeyCode::Char('r'), 18.0);
    let out = r.press(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL), 19.0);
    assert!(matches!(out.last(), Some(Effect::Quit)), "{out:?}");
    let (run, _) = puts(&out).pop().expect("the quit's record");
    assert!(run.finished && !run.completed());
    assert_eq!(run.steps[0].outcome, Outcome::Partial);
    assert_eq!(run.steps[0].held_s.get(Some(winddown::routine::Side::Left)), 10.0);
    assert_eq!(run.steps[1].outcome, Outcome::NotReached);
}

#[test]
fn the_resume_question_starts_over_or_leaves_without_writing() {
    let (first, _) = quit_after_first_step(builtin("two-minute"));
    let mut r = Rig::with(builtin("two-minute"), 1.0, std::slice::from_ref(&first));
    // The clock stands still while it asks; a signal saves nothing.
    assert!(r.tick(60.0).is_empty());
    assert!(r.input(Input::Signal, 60.0).is_empty());
    let mut r = Rig::with(builtin("two-minute"), 1.0, std::slice::from_ref(&first));
    assert_eq!(r.key(KeyCode::Char('q'), 1.0), [Effect::Close]);
    let mut r = Rig::with(builtin("two-minute"), 1.0, std::slice::from_ref(&first));
    assert!(r.key(KeyCode::Char('s'), 1.0).is_empty());
    assert_eq!(r.app.session.current_step(), 0, "started over");
    let (_, out) = r.run_until(1.0, 0.5, |a| a.session.current_step() >= 1);
    let (run, _) = puts(&out).pop().unwrap();
    assert_ne!(run.id, first.id, "a new run, not the old one");
}

#[test]
fn a_practice_run_says_so_and_is_recorded_with_its_speed() {
    let mut r = Rig::with(builtin("two-minute"), 20.0, &[]);
    let (t, _) = r.run_until(0.0, 0.05, |a| a.session.current_step() >= 2);
    let out = r.key(KeyCode::Enter, t + 0.1);
    assert_eq!(r.app.mode, Mode::Summary);
    let (run, _) = puts(&out).pop().unwrap();
    assert_eq!(run.speed, 20.0);
    let s = r.screen(t + 0.1, 80, 24);
    assert!(s.contains("Practice (clock ×20): recorded, but not counted"), "{s}");
}

#[test]
fn a_changed_routine_is_not_resumed() {
    let text = "name = \"x\"\nsummary = \"y\"\n[[step]]\ntitle = \"a\"\nhold = \"5s\"\n[[step]]\ntitle = \"b\"\nhold = \"5s\"\n";
    let (run, _) = quit_after_first_step(parse_routine("x", "x.toml", text).unwrap());
    let edited = parse_routine("x", "x.toml", &text.replace("\"b\"", "\"c\"")).unwrap();
    let mut r = Rig::with(edited, 1.0, &[run]);
    assert_eq!(r.app.mode, Mode::Running);
    // A new run starts at once, announced as the screen opens.
    assert!(matches!(r.input(Input::Open, 0.0).as_slice(), [Effect::Say(_)]));
}

#[test]
fn countdown_and_time_left_change_together() {
    // The countdown and the routine's time left count the same seconds: the
    // time left must not change in the middle of a countdown second (it looked
    // as if time passed while paused).
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(5.0);
    let label = |s: f64| {
        let screen = r.screen(s, 80, 24);
        // The gauges' text, without their bars (which fill smoothly).
        let text = |needle: &str| {
            let line = screen.lines().find(|l| l.contains(needle)).unwrap();
            line.split(['│', '█', '▌', '▍', '▎', '▏', '▊', '▋', '▉']).map(str::trim).collect::<Vec<_>>().join("")
        };
        let routine = text("routine ");
        (text("hold · "), routine.rsplit('·').next().unwrap().to_string())
    };
    for second in 10..14 {
        let s = f64::from(second);
        assert_eq!(label(s + 0.05), label(s + 0.45), "at {s}");
        assert_eq!(label(s + 0.55), label(s + 0.95), "at {s}");
        assert_eq!(label(s + 0.05), label(s + 0.95), "at {s}");
    }
}

#[test]
fn a_failed_write_shows_until_a_later_one_succeeds() {
    let mut r = Rig::new(builtin("two-minute"));
    let (t, _) = r.run_until(0.0, 0.25, |a| a.session.current_step() >= 1);
    r.input(Input::Written(Err("disk full".into())), t);
    assert!(r.screen(t, 80, 24).contains("not saved: disk full"));
    let (t, out) = r.run_until(t, 0.25, |a| a.session.current_step() >= 2);
    assert_eq!(puts(&out).len(), 1, "the next step's end writes again");
    r.input(Input::Written(Ok(None)), t);
    let screen = r.screen(t, 80, 24);
    assert!(!screen.contains("not saved") && screen.contains("Space pause"), "{screen}");
}

#[test]
fn a_suspended_hold_is_paused_and_the_time_stopped_not_counted() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(10.0);
    assert!(r.input(Input::Suspend, 10.0).is_empty());
    assert!(r.app.session.is_paused());
    // Going on, the voice says the hold is paused; then nothing happens until a key.
    let stopped = r.tick(300.0);
    assert!(matches!(stopped.as_slice(), [Effect::Say(u)] if u.words.as_deref() == Some("Paused.")), "{stopped:?}");
    assert!(r.tick(301.0).is_empty());
    assert!(r.screen(300.0, 80, 24).contains("PAUSED"));
    assert_eq!(r.app.session.view(r.at(300.0)).remaining_secs, r.app.session.view(r.at(10.0)).remaining_secs);
    // A suspend while already paused leaves it paused.
    r.input(Input::Suspend, 302.0);
    assert!(r.app.session.is_paused());
}

#[test]
fn switch_shows_the_new_side_in_large_letters_and_check_steps_the_instruction() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(35.2);
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = r.screen(35.2, w, h);
        assert!(shows_large(&screen, "SWITCH") && shows_large(&screen, "RIGHT"), "{screen}");
        assert!(!shows_large(&screen, "HOLD"), "{screen}");
    }
    let mut r = Rig::new(builtin("two-minute"));
    r.key(KeyCode::Char('n'), 1.0);
    r.key(KeyCode::Char('n'), 2.0);
    let screen = r.screen(2.0, 80, 24);
    assert!(shows_large(&screen, "DRINK") && shows_large(&screen, "WATER"), "{screen}");
    assert!(screen.contains("routine 67% · 1 step left"), "{screen}");
}

#[test]
fn each_phase_has_its_own_colour() {
    use ratatui::style::Color;
    use winddown::routine::Side;
    use winddown::routine::plan::PhaseKind;
    let phases = [
        PhaseKind::GetReady,
        PhaseKind::Hold { rep: 1, side: Some(Side::Left) },
        PhaseKind::Switch { to: Side::Right },
        PhaseKind::Rest { next_rep: 2 },
        PhaseKind::Check,
    ];
    for palette in Palette::ALL {
        let theme = Theme { color: true, palette };
        let colours: Vec<Option<Color>> = phases.iter().map(|p| theme.phase(*p).fg).collect();
        for (i, c) in colours.iter().enumerate() {
            assert!(c.is_some() && !colours[..i].contains(c), "{palette:?}: {colours:?}");
        }
    }
    // During a hold the digits are drawn in the hold's colour.
    let mut r = Rig::new(builtin("cramp-guard"));
    r.tick(5.0);
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme { color: true, palette: Palette::Light };
    term.draw(|f| view::render(&r.app, r.at(17.5), &theme, f)).unwrap();
    let buf = term.backend().buffer();
    let hold = theme.phase(PhaseKind::Hold { rep: 1, side: Some(Side::Left) }).fg;
    let blocks = buf.content().iter().filter(|c| c.symbol() == "█" && c.fg == hold.unwrap()).count();
    assert!(blocks > 100, "{blocks} cells of the digits in the hold colour");
}

#[test]
fn an_experiment_night_is_named_under_the_coach() {
    let mut r = Rig::new(builtin("cramp-guard"));
    r.app.experiment = Some("off night 3 of 7 — no stretches tonight, but do check in tomorrow".into());
    let screen = r.screen(0.3, 100, 24);
    assert!(
        screen.contains("Experiment: off night 3 of 7 — no stretches tonight, but do check in tomorrow"),
        "{screen}"
    );
}

#[test]
fn the_cues_go_out_before_the_journal_write() {
    let mut r = Rig::new(builtin("two-minute"));
    // The first phase is announced as the coach opens, once.
    let first = r.input(Input::Open, 0.0);
    assert!(
        matches!(first.as_slice(), [Effect::Say(u)] if u.words.as_deref() == Some("Wall calf stretch. Left leg.")),
        "{first:?}"
    );
    assert!(r.input(Input::Open, 0.0).is_empty());
    // two-minute: get ready 3 s, 20 s a side, 3 s switch: step 1 ends at 46 s.
    let out = r.tick(46.0);
    let said =
        |e: &Effect| matches!(e, Effect::Say(u) if u.words.as_deref().is_some_and(|w| w.starts_with("Done. Next:")));
    assert!(out.iter().any(said), "{out:?}");
    cues_first(&out);
    let (run, tally) = puts(&out).pop().expect("the step's progress");
    assert_eq!(run.steps[0].outcome, Outcome::Done);
    assert!(!run.finished && tally.is_none());

    // A signal: the run as it stands, finished, and nothing else (the app ends after).
    r.tick(92.0);
    let out = r.input(Input::Signal, 92.5);
    assert!(matches!(out.as_slice(), [Effect::Put { .. }]), "{out:?}");
    let (run, _) = puts(&out).pop().unwrap();
    assert!(run.finished);
    assert_eq!(run.steps[1].outcome, Outcome::Done);
}

/// The end screen's checklist is one column of marks, whatever the titles'
/// lengths, and a streak of zero is said plainly, not in the hold's colour.
#[test]
fn the_end_screen_checklist_is_a_column_and_zero_is_not_celebrated() {
    let mut r = Rig::new(builtin("cramp-guard"));
    // Skip every step: marks of one kind, titles of many lengths.
    let mut t = 1.0;
    while r.app.mode != Mode::Summary {
        r.key(KeyCode::Char('n'), t);
        t += 0.5;
    }
    r.input(Input::Written(Ok(Some(tally(0)))), t);
    let screen = r.screen(t, 100, 32);
    let starts: Vec<usize> =
        screen.lines().filter(|l| l.contains("– ")).map(|l| l.chars().take_while(|c| *c != '–').count()).collect();
    assert!(starts.len() >= 4 && starts.iter().all(|s| *s == starts[0]), "{starts:?}\n{screen}");
    let theme = Theme { color: true, palette: Palette::Dark };
    let mut term = Terminal::new(TestBackend::new(100, 32)).unwrap();
    term.draw(|f| view::render(&r.app, r.at(t), &theme, f)).unwrap();
    let buf = term.backend().buffer();
    let row = (0..32).find(|&y| (0..100).map(|x| buf[(x, y)].symbol()).collect::<String>().contains("streak: 0"));
    let row = row.expect("the streak line");
    for x in 0..100 {
        assert_ne!(Some(buf[(x, row)].fg), theme.hold().fg, "zero streak in the celebratory colour");
    }
}
