//! Test, fuzz and benchmark helpers: a synthetic news corpus, adversarial
//! inputs and the fuzz targets' invariant checks. Built only for the core's
//! own tests and with the `testkit` feature (benchmarks, fuzzing, xtask),
//! never into the browser bundle.

pub mod adversarial;
pub mod corpus;
pub mod fuzzing;
