//! Where the plan lives: `experiment.plan` in the data folder (beside the
//! journal). Written crash-safely; a finished, stopped or discarded plan is
//! moved to `experiments/`, never deleted.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::plan::{MAX_PLAN_BYTES, Plan, PlanError};
use crate::fsutil::{FileOp, WriteError};
use crate::input_file::InputError;

/// Why the plan was not read, saved or set aside.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The plan file is there but is not a plan this winddown can trust.
    #[error("{}: {error}", path.display())]
    Plan {
        path: PathBuf,
        #[source]
        error: PlanError,
    },
    /// A plan is still running.
    #[error(
        "an experiment is already running (nights {first_night} to {last_night}); one at a time: \
         finish it, or end it early with `winddown experiment stop`"
    )]
    Running { first_night: NaiveDate, last_night: NaiveDate },
    /// No plan to act on.
    #[error("no experiment planned; start one with `winddown experiment start`")]
    NoPlan,
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: InputError,
    },
    /// Writing, moving or syncing a plan file failed.
    #[error(transparent)]
    Write(#[from] WriteError),
}

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join("experiment.plan")
}

fn archive_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("experiments")
}

/// The current plan, if any; an edited, damaged or newer one is an error.
pub fn load(data_dir: &Path) -> Result<Option<Plan>, StoreError> {
    let path = path(data_dir);
    let invalid = |why: &str| StoreError::Plan { path: path.clone(), error: PlanError::Invalid(why.into()) };
    // Bounded, and only a regular file: a FIFO in its place must not hang.
    let bytes = match crate::input_file::read_limited(&path, MAX_PLAN_BYTES) {
        Ok(b) => b,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(InputError::TooLarge(_)) => return Err(invalid("the file is too large to be a plan")),
        Err(source) => return Err(StoreError::Read { path: path.clone(), source }),
    };
    let text = String::from_utf8(bytes).map_err(|_| invalid("the file is not UTF-8 text"))?;
    Plan::parse(&text).map(Some).map_err(|error| StoreError::Plan { path: path.clone(), error })
}

/// Saves a new plan. Refused while another runs (`tonight`: the current
/// night); a finished or stopped one is archived first. A plan that cannot
/// be read is never overwritten.
pub fn start(data_dir: &Path, plan: &Plan, tonight: NaiveDate) -> Result<(), StoreError> {
    if let Some(old) = load(data_dir)? {
        let over = old.stopped.is_some() || old.last_night() < tonight;
        if !over {
            return Err(StoreError::Running { first_night: old.first_night, last_night: old.last_night() });
        }
        archive(data_dir, &format!("{}", old.first_night))?;
    }
    Ok(crate::fsutil::write_new(&path(data_dir), plan.to_text().as_bytes())?)
}

/// Rewrites the current plan (after a stop).
pub fn save(data_dir: &Path, plan: &Plan) -> Result<(), StoreError> {
    Ok(crate::fsutil::write_atomic(&path(data_dir), plan.to_text().as_bytes())?)
}

/// Moves the plan file (valid or not) to `experiments/NAME.plan`; returns where.
pub fn archive(data_dir: &Path, name: &str) -> Result<PathBuf, StoreError> {
    let from = path(data_dir);
    if !from.exists() {
        return Err(StoreError::NoPlan);
    }
    let dir = archive_dir(data_dir);
    std::fs::create_dir_all(&dir).map_err(WriteError::on(FileOp::CreateDir, &dir))?;
    let mut to = dir.join(format!("{name}.plan"));
    let mut n = 2;
    while to.exists() {
        to = dir.join(format!("{name}-{n}.plan"));
        n += 1;
    }
    std::fs::rename(&from, &to).map_err(WriteError::on(FileOp::Move, &from))?;
    crate::fsutil::sync_dir(data_dir)?;
    Ok(to)
}
