//! Entry point: everything happens in `winddown::cli`.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(winddown::cli::main())
}
