//! The journal: runs, check-ins, cramps and rest nights, stored safely as
//! plain text. Pure core: no terminal code.

pub mod choices;
pub mod entries;
mod error;
pub mod exchange;
pub mod layout;
mod listing;
pub mod merge;
pub mod model;
pub mod month_file;
mod month_set;
pub mod night;
pub mod status;
pub mod store;
pub mod sync;
pub mod timefmt;

pub use entries::{Entries, NightEntry};
pub use model::*;
pub use night::{DEFAULT_BOUNDARY, night_of, night_of_time};
pub use store::{Journal, JournalError};

#[cfg(test)]
mod store_tests;
#[cfg(test)]
mod sync_tests;
#[cfg(test)]
pub mod test_records {
    use super::*;
    use chrono::{Days, NaiveDate};

    include!("test_records.rs");
}
