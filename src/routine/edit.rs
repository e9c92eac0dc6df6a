//! Editing a routine file in place with toml_edit: comments, layout and key
//! order the user wrote survive, an unchanged file saves byte for byte, and
//! changing one value changes only that value.

use std::time::Duration;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::diagnostic::Diagnostic;
use super::model::Routine;
use super::parse::parse_routine;
use super::plan::format_duration;

/// A step to add from the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    pub title: &'static str,
    /// `None` for a check step.
    pub hold: Option<&'static str>,
    pub sides: bool,
    pub art: Option<&'static str>,
    pub how: &'static str,
}

/// The stretches that have art in `assets/`, and the check steps.
pub const PALETTE: &[Template] = &[
    Template {
        title: "Wall calf stretch",
        hold: Some("30s"),
        sides: true,
        art: Some("wall-calf"),
        how: "Hands on the wall, one foot back, knee straight, heel down; lean in.",
    },
    Template {
        title: "Bent-knee calf stretch",
        hold: Some("30s"),
        sides: true,
        art: Some("bent-knee-calf"),
        how: "At the wall, bend the back knee and sink down, heel on the floor.",
    },
    Template {
        title: "Standing hamstring stretch",
        hold: Some("30s"),
        sides: true,
        art: Some("standing-hamstring"),
        how: "Heel on a low step, leg straight; hinge forward from the hips.",
    },
    Template {
        title: "Seated toe pull",
        hold: Some("30s"),
        sides: true,
        art: Some("seated-toe-pull"),
        how: "Leg straight, draw the toes gently towards the knee.",
    },
    Template {
        title: "Drink a glass of water",
        hold: None,
        sides: false,
        art: Some("water-glass"),
        how: "Unless a doctor has told you to limit fluids.",
    },
    Template {
        title: "Feet supported, sheets loose",
        hold: None,
        sides: false,
        art: Some("feet-support"),
        how: "A pillow under the ankles and loose covers over the feet.",
    },
];

/// A step field the editor can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepField {
    Hold,
    Reps,
    Sides,
    Rest,
    GetReady,
    Optional,
}

/// A routine file the editor cannot open: it is not TOML.
#[derive(Debug, thiserror::Error)]
#[error("{file}: not valid TOML: {source}")]
pub struct EditError {
    /// The file as the user would name it.
    pub file: String,
    #[source]
    pub source: toml_edit::TomlError,
}

/// An open routine file being edited.
pub struct RoutineDoc {
    pub id: String,
    pub file: String,
    original: String,
    doc: DocumentMut,
    undo: Vec<String>,
}

impl RoutineDoc {
    pub fn parse(id: &str, file: &str, text: &str) -> Result<RoutineDoc, EditError> {
        let doc: DocumentMut = text.parse().map_err(|source| EditError { file: file.into(), source })?;
        Ok(RoutineDoc { id: id.into(), file: file.into(), original: text.into(), doc, undo: Vec::new() })
    }

    /// The file text as it would be saved.
    pub fn text(&self) -> String {
        self.doc.to_string()
    }

    pub fn changed(&self) -> bool {
        self.text() != self.original
    }

    /// Validates the text as it stands.
    pub fn validate(&self) -> Result<Routine, Vec<Diagnostic>> {
        parse_routine(&self.id, &self.file, &self.text())
    }

    /// After a successful save: the saved text is the new starting point.
    pub fn mark_saved(&mut self) {
        self.original = self.text();
    }

    fn steps_mut(&mut self) -> Option<&mut ArrayOfTables> {
        self.doc.get_mut("step").and_then(Item::as_array_of_tables_mut)
    }

    pub fn step_count(&self) -> usize {
        self.doc.get("step").and_then(Item::as_array_of_tables).map_or(0, ArrayOfTables::len)
    }

    fn checkpoint(&mut self) {
        self.undo.push(self.text());
    }

    /// `u`: back to the text before the last change.
    pub fn undo(&mut self) -> bool {
        match self.undo.pop().and_then(|t| t.parse::<DocumentMut>().ok()) {
            Some(doc) => {
                self.doc = doc;
                true
            }
            None => false,
        }
    }

    /// Sets `key` in step `i`, keeping the comment around an existing value.
    fn set(&mut self, i: usize, key: &str, value: Value) {
        self.checkpoint();
        let Some(step) = self.steps_mut().and_then(|s| s.get_mut(i)) else { return };
        match step.get_mut(key).and_then(Item::as_value_mut) {
            Some(v) => {
                let decor = v.decor().clone();
                *v = value;
                *v.decor_mut() = decor;
            }
            None => {
                step.insert(key, Item::Value(value));
            }
        }
    }

    fn remove_key(&mut self, i: usize, key: &str) {
        self.checkpoint();
        if let Some(step) = self.steps_mut().and_then(|s| s.get_mut(i)) {
            step.remove(key);
        }
    }

    pub fn set_duration(&mut self, i: usize, key: &str, d: Duration) {
        self.set(i, key, Value::from(format_duration(d)));
    }

    pub fn set_reps(&mut self, i: usize, reps: u32) {
        self.set(i, "reps", Value::from(i64::from(reps)));
    }

    pub fn set_title(&mut self, i: usize, title: &str) {
        self.set(i, "title", Value::from(title));
    }

    /// Sides cycle: both → left → right → none → both.
    pub fn set_sides(&mut self, i: usize, sides: &[&str]) {
        if sides.is_empty() {
            self.remove_key(i, "sides");
        } else {
            self.set(i, "sides", Value::Array(sides.iter().copied().collect()));
        }
    }

    pub fn set_optional(&mut self, i: usize, optional: bool) {
        if optional {
            self.set(i, "optional", Value::from(true));
        } else {
            self.remove_key(i, "optional");
        }
    }

    /// Moves step `i` one place up (`-1`) or down (`1`); comments travel with it.
    pub fn move_step(&mut self, i: usize, by: isize) -> bool {
        let n = self.step_count();
        let j = i as isize + by;
        if j < 0 || j as usize >= n || i >= n {
            return false;
        }
        self.checkpoint();
        let Some(steps) = self.steps_mut() else { return false };
        let mut tables: Vec<Table> = (0..n).map(|_| steps.remove(0)).collect();
        // Tables print in their position order: keep the slots, swap the contents.
        let positions: Vec<Option<isize>> = tables.iter().map(Table::position).collect();
        tables.swap(i, j as usize);
        for (t, p) in tables.iter_mut().zip(positions) {
            if let Some(p) = p {
                t.set_position(p);
            }
        }
        for t in tables {
            steps.push(t);
        }
        true
    }

    pub fn delete_step(&mut self, i: usize) {
        if i < self.step_count() {
            self.checkpoint();
            if let Some(steps) = self.steps_mut() {
                steps.remove(i);
            }
        }
    }

    /// Adds a step from the palette at the end.
    pub fn add_step(&mut self, t: &Template) {
        self.checkpoint();
        let mut table = Table::new();
        if t.hold.is_none() {
            table.insert("kind", toml_edit::value("check"));
        }
        table.insert("title", toml_edit::value(t.title));
        if let Some(h) = t.hold {
            table.insert("hold", toml_edit::value(h));
        }
        if t.sides {
            table.insert("sides", toml_edit::value(Value::Array(["left", "right"].into_iter().collect())));
        }
        if let Some(a) = t.art {
            table.insert("art", toml_edit::value(a));
        }
        table.insert("how", toml_edit::value(t.how));
        let last = self.doc.as_table().iter().count() as isize + 1000;
        table.set_position(last);
        match self.steps_mut() {
            Some(steps) => steps.push(table),
            None => {
                let mut steps = ArrayOfTables::new();
                steps.push(table);
                self.doc.insert("step", Item::ArrayOfTables(steps));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::library::BUILTINS;

    fn doc(i: usize) -> RoutineDoc {
        let (id, text) = BUILTINS[i];
        RoutineDoc::parse(id, "x.toml", text).unwrap()
    }

    #[test]
    fn a_file_that_is_not_toml_is_not_opened() {
        let e = RoutineDoc::parse("x", "x.toml", "name = ").err().unwrap();
        assert!(e.to_string().starts_with("x.toml: not valid TOML: "), "{e}");
    }

    #[test]
    fn unchanged_file_is_byte_identical() {
        for (i, (_, text)) in BUILTINS.iter().enumerate() {
            let d = doc(i);
            assert_eq!(d.text(), *text);
            assert!(!d.changed());
        }
    }

    #[test]
    fn one_hold_changes_only_that_value() {
        let mut d = doc(0);
        d.set_duration(1, "hold", Duration::from_secs(45));
        let before: Vec<&str> = BUILTINS[0].1.lines().collect();
        let after_text = d.text();
        let after: Vec<&str> = after_text.lines().collect();
        assert_eq!(before.len(), after.len());
        let diffs: Vec<_> = before.iter().zip(&after).filter(|(a, b)| a != b).collect();
        assert_eq!(diffs.len(), 1, "{diffs:?}");
        assert_eq!(*diffs[0].1, "hold = \"45s\"");
        assert_eq!(d.validate().unwrap().steps[1].timed().unwrap().hold, Duration::from_secs(45));
    }

    #[test]
    fn comment_after_a_value_survives() {
        let text = "name = \"x\"\nsummary = \"y\"\n\n[[step]]\ntitle = \"a\"\nhold = \"30s\"   # my favourite\n";
        let mut d = RoutineDoc::parse("x", "x.toml", text).unwrap();
        d.set_duration(0, "hold", Duration::from_secs(40));
        assert_eq!(d.text(), text.replace("\"30s\"", "\"40s\""));
    }

    #[test]
    fn move_delete_add_and_undo() {
        let mut d = doc(0);
        let titles = |d: &RoutineDoc| d.validate().unwrap().steps.iter().map(|s| s.title.clone()).collect::<Vec<_>>();
        let first = titles(&d);
        assert!(d.move_step(0, 1));
        let moved = titles(&d);
        assert_eq!(moved[0], first[1]);
        assert_eq!(moved[1], first[0]);
        // The comment above the first step's keys moved with it.
        let text = d.text();
        assert!(
            text.find("title = \"Bent-knee calf stretch\"").unwrap()
                < text.find("title = \"Wall calf stretch\"").unwrap()
        );
        assert!(!d.move_step(0, -1));
        d.delete_step(2);
        assert_eq!(titles(&d).len(), first.len() - 1);
        d.add_step(&PALETTE[3]);
        assert_eq!(titles(&d).last().unwrap(), "Seated toe pull");
        d.add_step(&PALETTE[4]);
        assert!(d.validate().unwrap().steps.last().unwrap().is_check());
        for _ in 0..4 {
            assert!(d.undo());
        }
        assert_eq!(d.text(), BUILTINS[0].1);
        assert!(!d.undo());
    }

    #[test]
    fn sides_reps_optional_and_title() {
        let mut d = doc(2);
        d.set_sides(0, &["right"]);
        d.set_reps(0, 3);
        d.set_optional(0, true);
        d.set_title(0, "Calf, right only");
        let r = d.validate().unwrap();
        let t = r.steps[0].timed().unwrap();
        assert_eq!((t.sides.len(), t.reps), (1, 3));
        assert!(r.steps[0].optional);
        assert_eq!(r.steps[0].title, "Calf, right only");
        d.set_sides(0, &[]);
        d.set_optional(0, false);
        let r = d.validate().unwrap();
        assert!(r.steps[0].timed().unwrap().sides.is_empty() && !r.steps[0].optional);
    }

    #[test]
    fn invalid_edits_are_caught_by_validation() {
        let mut d = doc(2);
        d.set_duration(0, "hold", Duration::from_secs(11 * 60));
        assert!(d.validate().unwrap_err()[0].message.contains("at most 10m"));
        d.set_title(0, " ");
        assert_eq!(d.validate().unwrap_err().len(), 2);
    }
}
