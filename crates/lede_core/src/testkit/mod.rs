//! Test, fuzz and benchmark helpers: a synthetic news corpus, adversarial
//! inputs and the fuzz targets' invariant checks. Built only for the core's
//! own tests and with the `testkit` feature (benchmarks, fuzzing, xtask),
//! never into the browser bundle.

/// An input holding this crashes the analysis on purpose (a panic, which
/// is a trap in the browser) when the `crash-test` feature is on: the
/// browser tests of what a crash costs the reader. Never in a shipped
/// bundle, nor in the fuzz targets (which would find the string).
pub const CRASH_MARKER: &str = "\u{1}lede-test-crash\u{1}";

pub mod adversarial;
pub mod corpus;
pub mod fuzzing;
