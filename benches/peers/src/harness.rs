//! Timing: contenders measured alternately in one process.
//!
//! For one (curve, operation) pair the contenders take turns: in each round every contender runs
//! one batch of calls, and the order rotates from round to round (`0 1 2`, `1 2 0`, `2 0 1`, …) so
//! that no library always runs first or last after another one has warmed or cooled the caches.
//! Slow drifts of the machine (other jobs, frequency changes) hit all contenders alike, and the
//! median per contender over all rounds discards the rounds that a burst of noise spoiled.
//!
//! Batches are timed with the thread's CPU-time clock (`CLOCK_THREAD_CPUTIME_ID`) by default: on
//! a shared machine with more runnable jobs than cores, wall time also counts the slices in which
//! the benchmark was not running at all, CPU time only those in which it was. (What the other
//! jobs do to the caches while it waits is still counted; the median copes with that.) Wall time
//! is an option ([`Clock::Wall`]).

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The clock that times batches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// CPU time of the calling thread (Unix); wall time elsewhere.
    ThreadCpu,
    /// Wall time (`std::time::Instant`).
    Wall,
}

impl Clock {
    /// The clock's name, for the report.
    pub fn name(self) -> &'static str {
        match self {
            Clock::ThreadCpu if cfg!(unix) => "thread CPU time",
            Clock::ThreadCpu | Clock::Wall => "wall time",
        }
    }

    /// Nanoseconds since an arbitrary origin fixed for the thread.
    fn now_ns(self, origin: Instant) -> u128 {
        match self {
            #[cfg(unix)]
            Clock::ThreadCpu => thread_cpu_ns(),
            _ => origin.elapsed().as_nanos(),
        }
    }
}

/// `clock_gettime(CLOCK_THREAD_CPUTIME_ID)` in nanoseconds.
#[cfg(unix)]
fn thread_cpu_ns() -> u128 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable `timespec`; the clock id is a constant the platform defines.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    ts.tv_sec as u128 * 1_000_000_000 + ts.tv_nsec as u128
}

/// How long to measure.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Wall time for all rounds of one (curve, operation) group, all contenders together: rounds
    /// go on until it is spent (whatever share of a CPU the machine gives the benchmark).
    pub budget: Duration,
    /// Target wall time of one batch of one contender.
    pub batch: Duration,
    /// Warm-up (and calibration) time per contender before the rounds.
    pub warmup: Duration,
    /// Fewest rounds, even when the budget is used up sooner (very slow operations).
    pub min_rounds: usize,
    /// Most rounds.
    pub max_rounds: usize,
    /// The clock that times the batches.
    pub clock: Clock,
}

impl Plan {
    /// About 2 minutes for the 21 groups of the full run.
    pub const DEFAULT: Plan = Plan {
        budget: Duration::from_millis(5_000),
        batch: Duration::from_millis(2),
        warmup: Duration::from_millis(100),
        min_rounds: 31,
        max_rounds: 20_000,
        clock: Clock::ThreadCpu,
    };

    /// A few seconds for the 21 groups: a smoke test, too short for figures worth quoting.
    pub const QUICK: Plan = Plan {
        budget: Duration::from_millis(150),
        batch: Duration::from_micros(500),
        warmup: Duration::from_millis(10),
        min_rounds: 7,
        max_rounds: 2_000,
        clock: Clock::ThreadCpu,
    };
}

/// The per-call times of one contender, in nanoseconds, over all rounds.
#[derive(Clone, Debug)]
pub struct Stats {
    /// Median over the rounds of (batch time ÷ calls in the batch).
    pub median: f64,
    /// First quartile.
    pub q1: f64,
    /// Third quartile.
    pub q3: f64,
    /// Fastest round.
    pub min: f64,
    /// Number of rounds (samples).
    pub rounds: usize,
    /// Calls per batch.
    pub batch: u64,
}

/// Measures `fns` alternately under `plan`; one [`Stats`] per function, in order.
pub fn measure(fns: &mut [&mut dyn FnMut()], plan: &Plan) -> Vec<Stats> {
    let k = fns.len();
    assert!(k > 0, "nothing to measure");
    let per_call: Vec<f64> = fns.iter_mut().map(|f| calibrate(&mut **f, plan)).collect();
    let batch_ns = plan.batch.as_nanos() as f64;
    let batches: Vec<u64> = per_call
        .iter()
        .map(|&t| ((batch_ns / t).round() as u64).max(1))
        .collect();

    let origin = Instant::now();
    let mut samples = vec![Vec::new(); k];
    let mut round = 0;
    while round < plan.min_rounds || (round < plan.max_rounds && origin.elapsed() < plan.budget) {
        for turn in 0..k {
            let i = (round + turn) % k;
            let n = batches[i];
            let f = &mut *fns[i];
            let start = plan.clock.now_ns(origin);
            for _ in 0..n {
                f();
            }
            let elapsed = plan.clock.now_ns(origin) - start;
            samples[i].push(elapsed as f64 / n as f64);
        }
        round += 1;
    }
    samples
        .into_iter()
        .zip(batches)
        .map(|(mut s, batch)| {
            s.sort_by(f64::total_cmp);
            Stats {
                median: quantile(&s, 0.5),
                q1: quantile(&s, 0.25),
                q3: quantile(&s, 0.75),
                min: s[0],
                rounds: s.len(),
                batch,
            }
        })
        .collect()
}

/// Runs `f` for about `plan.warmup` of wall time (at least three calls) and returns the mean
/// time per call in ns on `plan.clock`, the first (cold) call excluded.
fn calibrate(f: &mut dyn FnMut(), plan: &Plan) -> f64 {
    f();
    let origin = Instant::now();
    let start = plan.clock.now_ns(origin);
    let mut calls = 0u64;
    while calls < 2 || origin.elapsed() < plan.warmup {
        f();
        calls += 1;
    }
    let elapsed = plan.clock.now_ns(origin) - start;
    black_box(elapsed as f64 / calls as f64).max(1.0)
}

/// The `q`-quantile of sorted `s`, interpolated linearly.
fn quantile(s: &[f64], q: f64) -> f64 {
    let pos = q * (s.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    s[lo] + (s[hi] - s[lo]) * (pos - lo as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles() {
        let s = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&s, 0.5), 3.0);
        assert_eq!(quantile(&s, 0.25), 2.0);
        assert_eq!(quantile(&[1.0, 2.0], 0.5), 1.5);
    }

    #[test]
    fn alternates_and_counts() {
        let plan = Plan {
            budget: Duration::from_millis(5),
            batch: Duration::from_micros(50),
            warmup: Duration::from_millis(1),
            min_rounds: 3,
            max_rounds: 50,
            clock: Clock::ThreadCpu,
        };
        let mut a = 0u64;
        let mut b = 0u64;
        let stats = {
            let mut fa = || a = black_box(a + 1);
            let mut fb = || {
                for _ in 0..100 {
                    b = black_box(b + 1);
                }
            };
            measure(&mut [&mut fa, &mut fb], &plan)
        };
        assert_eq!(stats.len(), 2);
        assert!(stats.iter().all(|s| (3..=50).contains(&s.rounds)));
        assert!(stats.iter().all(|s| s.q1 <= s.median && s.median <= s.q3));
        assert!(a > 0 && b > 0);
        assert!(stats[0].median < stats[1].median);
    }

    #[test]
    fn thread_clock_advances() {
        let origin = Instant::now();
        for clock in [Clock::ThreadCpu, Clock::Wall] {
            let t0 = clock.now_ns(origin);
            let mut x = 0u64;
            for i in 0..1_000_000u64 {
                x = black_box(x ^ i);
            }
            assert!(clock.now_ns(origin) > t0);
        }
    }
}
