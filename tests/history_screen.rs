//! The history screen on TestBackend, with a fixed journal.

mod common;

use chrono::{Days, NaiveDate};
use common::records;
use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use winddown::journal::*;
use winddown::tui::history::{HistoryScreen, Page, view};
use winddown::tui::screen::{Effect, Input, Screen};
use winddown::tui::tabs::Tab;
use winddown::tui::theme::{Palette, Theme};

fn tonight() -> NaiveDate {
    "2026-11-23".parse().unwrap()
}

/// Sixty nights: a pattern of done / partial / rest / missed nights with check-ins.
fn entries() -> Entries {
    let mut records = vec![];
    for i in 1..=60u64 {
        let night = tonight() - Days::new(i);
        let outcome = match i % 7 {
            0 => None,
            3 => Some(Outcome::Skipped),
            _ => Some(Outcome::Done),
        };
        if i % 11 == 0 {
            records.push(Record::Rest(RestNight {
                night,
                reason: "travel".into(),
                recorded: "2026-01-01T00:00:00+00:00".parse().unwrap(),
            }));
        } else if let Some(outcome) = outcome {
            records.push(records::run(night, "22:10", outcome));
        }
        let cramps = (i % 3 == 0) as u32 + (i % 5 == 0) as u32;
        records.push(records::checkin(night, cramps, (cramps > 0).then_some((i % 10) as u8), Quality::Fair));
    }
    Entries::from_records(records)
}

fn screen(app: &HistoryScreen, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::render(app, &Theme::plain(), f)).unwrap();
    term.backend().to_string()
}

/// A key, and what the history asks for in return.
fn key(app: &mut HistoryScreen, code: KeyCode) -> Vec<Effect> {
    with(app, code, KeyModifiers::NONE)
}

fn with(app: &mut HistoryScreen, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    app.handle(Input::Key(KeyEvent::new(code, modifiers)), Instant::now())
}

#[test]
fn this_month() {
    let app = HistoryScreen::new(entries(), tonight());
    let s = screen(&app, 80, 24);
    assert!(s.contains("November 2026"), "{s}");
    assert!(s.contains("22✓"), "the 22nd was done: {s}");
    insta::assert_snapshot!(s);
}

#[test]
fn previous_month_and_back() {
    let mut app = HistoryScreen::new(entries(), tonight());
    assert!(key(&mut app, KeyCode::Left).is_empty(), "a month moves here, nothing else happens");
    assert_eq!(app.month, (2026, 10));
    insta::assert_snapshot!(screen(&app, 80, 24));
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    assert_eq!(app.month, (2026, 11), "never past this month");
    for _ in 0..11 {
        key(&mut app, KeyCode::Left);
    }
    assert_eq!(app.month, (2025, 12));
    key(&mut app, KeyCode::Char('t'));
    assert_eq!(app.month, (2026, 11));
    assert_eq!(key(&mut app, KeyCode::Char('q')), [Effect::Close]);
    assert_eq!(key(&mut app, KeyCode::Esc), [Effect::Close]);
}

/// `1`–`4` switch tabs from the history (the README promised it; they did
/// nothing before). Tab is the history's own key: it turns the page.
#[test]
fn digits_switch_tabs_and_tab_turns_the_page() {
    let mut app = HistoryScreen::new(entries(), tonight());
    for (digit, tab) in ['1', '2', '3', '4'].into_iter().zip(Tab::ALL) {
        assert_eq!(key(&mut app, KeyCode::Char(digit)), [Effect::Open(tab)], "{digit}");
    }
    assert_eq!(app.page, Page::Calendar, "a tab key changes nothing here");
    assert!(key(&mut app, KeyCode::Tab).is_empty());
    assert_eq!(app.page, Page::Comparisons);
    assert!(key(&mut app, KeyCode::BackTab).is_empty(), "Shift-Tab is not bound here");
    assert_eq!(app.page, Page::Comparisons);
    assert_eq!(with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL), [Effect::Quit]);
}

/// The `?` help lists every key the handler takes, tabs included, and any
/// key closes it without doing anything else.
#[test]
fn help_lists_the_keys_and_any_key_closes_it() {
    let mut app = HistoryScreen::new(entries(), tonight());
    assert!(key(&mut app, KeyCode::Char('?')).is_empty());
    let s = screen(&app, 80, 24);
    for line in [
        "previous / next month",
        "next page: comparisons, trends, calendar",
        "1 2 3 4",
        "Tonight · Check-in · History · Routines",
        "Ctrl-C",
    ] {
        assert!(s.contains(line), "{line:?} missing:\n{s}");
    }
    assert!(key(&mut app, KeyCode::Char('4')).is_empty(), "the key that closes the help does nothing else");
    assert!(!app.help);
    assert_eq!(key(&mut app, KeyCode::Char('4')), [Effect::Open(Tab::Routines)]);
}

#[test]
fn empty_journal_and_small_terminal() {
    let app = HistoryScreen::new(Entries::default(), tonight());
    insta::assert_snapshot!("empty", screen(&app, 80, 24));
    insta::assert_snapshot!("small", screen(&app, 50, 12));
}

#[test]
fn comparisons_page_with_dot_and_whisker() {
    let mut app = HistoryScreen::new(entries(), tonight());
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(app.page, Page::Comparisons);
    let s = screen(&app, 100, 24);
    assert!(s.contains("routine, all time"), "{s}");
    assert!(s.contains("●") && s.contains("├") && s.contains("┤"), "{s}");
    assert!(s.contains("not an experiment"), "{s}");
    insta::assert_snapshot!(s);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.page, Page::Trends);
    let s = screen(&app, 100, 30);
    assert!(s.contains("Consistency over time") && s.contains("100%"), "{s}");
    assert!(s.contains("Cramps a night by weekday") && s.contains("Mon"), "{s}");
    insta::assert_snapshot!("trends_page", s);
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.page, Page::Calendar, "and round to the calendar");
}

#[test]
fn comparisons_page_shows_the_experiment() {
    use winddown::experiment::{Design, Plan, analyse};
    let mut app = HistoryScreen::new(entries(), tonight());
    let first = tonight() - Days::new(56);
    let created = "2026-09-28T20:00:00+01:00".parse().unwrap();
    let plan = Plan::new(Design::RoutineVsNone { routine: "cramp-guard".into() }, 8, 2, first, created, 42).unwrap();
    let result = analyse(&plan, &entries(), tonight() - Days::new(1));
    app.experiment = Some((plan, result));
    app.page = Page::Comparisons;
    let s = screen(&app, 100, 24);
    assert!(s.contains("experiment: cramp-guard"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn cramp_free_marks_are_never_in_the_alarm_colour_and_wide_screens_show_more_weeks() {
    use ratatui::style::Color;
    // Three weeks checked in, no cramps at all.
    let records: Vec<Record> =
        (1..=21u64).map(|i| records::checkin(tonight() - Days::new(i), 0, None, Quality::Good)).collect();
    let app = HistoryScreen::new(Entries::from_records(records), tonight());
    let mut term = Terminal::new(TestBackend::new(160, 30)).unwrap();
    for palette in Palette::ALL {
        let theme = Theme { color: true, palette };
        term.draw(|f| view::render(&app, &theme, f)).unwrap();
        let buf = term.backend().buffer();
        for cell in buf.content().iter().filter(|c| c.symbol() == "○") {
            assert_ne!(Some(cell.fg), theme.warn().fg, "{palette:?}: a cramp-free mark in the alarm colour");
        }
    }
    let buf = term.backend().buffer().clone();
    let (mut circles, mut zeros) = (0, 0);
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            match cell.symbol() {
                "○" => circles += 1,
                // The value row of the cramps chart: a lone "0" under a bar.
                "0" if y > 12 && buf[(x + 1, y)].symbol() == " " && buf[(x.saturating_sub(1), y)].symbol() == " " => {
                    zeros += 1
                }
                "0" => continue,
                _ => continue,
            }
            assert_ne!(cell.fg, Color::Red, "a cramp-free mark at {x},{y} in red");
        }
    }
    assert_eq!(circles, 22, "21 cramp-free nights and the legend");
    let text = term.backend().to_string();
    assert_eq!(zeros, 3, "three cramp-free weeks in the cramps chart: {text}");
    let text = term.backend().to_string();
    // 160 columns: 19 weeks a chart, weeks without a check-in shown as "—", never 0.
    assert!(text.contains("—"), "{text}");
}

/// Under NO_COLOR the two series of the weekly chart are drawn with
/// different glyphs (solid for cramps, shaded for pain), so they never merge.
#[test]
fn without_colour_the_chart_series_differ_by_glyph() {
    let app = HistoryScreen::new(entries(), tonight());
    let mut term = Terminal::new(TestBackend::new(100, 32)).unwrap();
    term.draw(|f| view::render(&app, &Theme::plain(), f)).unwrap();
    let buf = term.backend().buffer();
    let glyphs = |from: u16, to: u16| {
        let mut set = std::collections::BTreeSet::new();
        for y in 13..buf.area.height {
            for x in from..to {
                let s = buf[(x, y)].symbol();
                if "▁▂▃▄▅▆▇█▒".contains(s) && !s.trim().is_empty() {
                    set.insert(s.to_string());
                }
            }
        }
        set
    };
    let (cramps, pain) = (glyphs(0, 50), glyphs(50, 100));
    assert!(!cramps.is_empty() && !pain.is_empty(), "{cramps:?} {pain:?}");
    assert!(cramps.is_disjoint(&pain), "cramps {cramps:?} and pain {pain:?} share a glyph");
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "colour under NO_COLOR");
    }
}
