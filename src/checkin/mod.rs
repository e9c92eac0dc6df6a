//! The check-in and the rules every record obeys, in one place: the answers
//! and their ranges, the rules between them, and which nights may be recorded.
//! The command line, the check-in form and `import` all build and validate
//! through this module, so they cannot drift apart. Pure core: no terminal code.

pub mod answers;
pub mod nights;
pub mod rules;

pub use answers::Answers;
pub use nights::{DEFAULT_MORNING, NightRule, Nights};
pub use rules::{RuleError, validate_checkin, validate_record};
