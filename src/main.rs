//! Entry point: everything happens in `winddown::cli`.

/// Reading years of journal is allocation-heavy; mimalloc makes it markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(winddown::cli::main())
}
