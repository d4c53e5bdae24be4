//! The cost of breaking each key size with the best known attack, anchored to the largest public
//! breaks. Pure arithmetic: every count is carried as its base-2 logarithm, because the counts
//! reach 2^270 and the conversions multiply them by small factors.
//!
//! **ECC: Pollard rho.** On a group of prime order `n`, the parallel rho method with the negation
//! map needs about `√(πn/4)` group operations (point additions) to find a discrete logarithm.
//! Anchor: the secp112r1 record (Bos, Kaihara, Kleinjung, Lenstra and Montgomery, 2009) took about
//! `8.5·10^16` additions on a group of order `n₁₁₂ ≈ 2^111.8`, so a curve of order `n` needs about
//! `8.5·10^16 · √(n / n₁₁₂)` additions: the formula's `√n` growth applied to the record's count
//! (which was 1.44 times `√(πn₁₁₂/4)`, about what rho needs without the negation map,
//! `√(πn/2)`). Core-years follow from a measured time per addition.
//!
//! **RSA: the general number field sieve.** Factoring `n` costs
//! `L_n[1/3, c] = exp(c · (ln n)^(1/3) · (ln ln n)^(2/3))` with `c = (64/9)^(1/3) ≈ 1.923`, up to a
//! factor `exp(o(1)·…)` that is dropped here. Without it the formula's absolute value means little
//! (for RSA-250 it gives 2^79, about 2^12 times the record's clock cycles), but the ratio between
//! two sizes is the usual estimate of how much harder the larger one is. Anchor: RSA-250
//! (829 bits; Boudot, Gaudry, Guillevic, Heninger, Thomé and Zimmermann, 2020) took about 2,700
//! core-years, so a `k`-bit modulus takes about `2,700 · L(2^k) / L(2^829)` core-years.

use std::f64::consts::{LN_2, PI};

/// The group order of secp112r1 (SEC 2), the curve of the 2009 ECDLP record, in decimal.
pub const SECP112R1_ORDER: &str = "4451685225093714776491891542548933";
/// Point additions the secp112r1 record took (about `8.5·10^16`).
pub const SECP112R1_ADDITIONS: f64 = 8.5e16;
/// The year of the secp112r1 record.
pub const SECP112R1_YEAR: u32 = 2009;
/// Bits of RSA-250, the largest RSA challenge number factored (2020).
pub const RSA250_BITS: f64 = 829.0;
/// Core-years the RSA-250 factorisation took (about 2,700, on 2.1 GHz Intel Xeon Gold 6130 cores).
pub const RSA250_CORE_YEARS: f64 = 2700.0;
/// The year of the RSA-250 record.
pub const RSA250_YEAR: u32 = 2020;
/// A Julian year in seconds (the core-year unit).
pub const SECONDS_PER_YEAR: f64 = 365.25 * 86_400.0;

/// `log2 n₁₁₂`, the secp112r1 group order (about 111.78).
pub fn secp112r1_order_log2() -> f64 {
    SECP112R1_ORDER
        .parse::<f64>()
        .expect("a decimal integer")
        .log2()
}

/// `log2 √(πn/4)`: Pollard rho's expected group operations on a group of order `n = 2^order_log2`.
pub fn rho_log2(order_log2: f64) -> f64 {
    0.5 * (order_log2 + (PI / 4.0).log2())
}

/// `log2` of the anchored addition count `8.5·10^16 · √(n / n₁₁₂)`.
pub fn rho_anchored_log2(order_log2: f64) -> f64 {
    SECP112R1_ADDITIONS.log2() + rho_record_multiple_log2(order_log2)
}

/// `log2 √(n / n₁₁₂)`: how many times the secp112r1 record's work a curve of order `n` needs.
pub fn rho_record_multiple_log2(order_log2: f64) -> f64 {
    0.5 * (order_log2 - secp112r1_order_log2())
}

/// `log2` of core-years for `2^additions_log2` point additions at `ns_per_addition` each.
pub fn rho_core_years_log2(additions_log2: f64, ns_per_addition: f64) -> f64 {
    additions_log2 + (ns_per_addition * 1e-9 / SECONDS_PER_YEAR).log2()
}

/// The GNFS constant `c = (64/9)^(1/3)`.
pub fn gnfs_c() -> f64 {
    (64.0_f64 / 9.0).cbrt()
}

/// `log2 L_n[1/3, (64/9)^(1/3)]` for `n = 2^bits`, the `o(1)` dropped.
pub fn gnfs_log2(bits: f64) -> f64 {
    let ln_n = bits * LN_2;
    gnfs_c() * ln_n.cbrt() * ln_n.ln().powf(2.0 / 3.0) / LN_2
}

/// `log2 (L(2^bits) / L(2^829))`: how many times the RSA-250 record's work a `bits`-bit modulus
/// needs.
pub fn gnfs_record_multiple_log2(bits: f64) -> f64 {
    gnfs_log2(bits) - gnfs_log2(RSA250_BITS)
}

/// `log2` of the anchored core-years `2,700 · L(2^bits) / L(2^829)`.
pub fn gnfs_core_years_log2(bits: f64) -> f64 {
    RSA250_CORE_YEARS.log2() + gnfs_record_multiple_log2(bits)
}

/// What is attacked at one security level.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A curve (by name, or a size with no curve in ecckit) with a group of order
    /// `2^order_log2`, and the measured time of one point addition on it, if there is one.
    Curve {
        /// `"P-256"`, or `"160-bit curve"`.
        name: String,
        /// `log2 n`.
        order_log2: f64,
        /// Nanoseconds per point addition, measured on this curve.
        ns_per_addition: Option<f64>,
    },
    /// An RSA modulus of `bits` bits.
    Rsa {
        /// Modulus bits.
        bits: u32,
    },
}

/// One line of the cost-to-break table.
#[derive(Clone, Debug, PartialEq)]
pub struct Cost {
    /// The SP 800-57 security level the target belongs to.
    pub security_bits: u32,
    /// What is attacked.
    pub target: Target,
}

impl Cost {
    /// The target's name.
    pub fn name(&self) -> String {
        match &self.target {
            Target::Curve { name, .. } => name.clone(),
            Target::Rsa { bits } => format!("RSA-{bits}"),
        }
    }

    /// `"Pollard rho"` or `"GNFS"`.
    pub fn attack(&self) -> &'static str {
        match self.target {
            Target::Curve { .. } => "Pollard rho",
            Target::Rsa { .. } => "GNFS",
        }
    }

    /// `log2` of the formula's value: `√(πn/4)` group operations, or `L_n[1/3, 1.923]`.
    pub fn formula_log2(&self) -> f64 {
        match self.target {
            Target::Curve { order_log2, .. } => rho_log2(order_log2),
            Target::Rsa { bits } => gnfs_log2(bits as f64),
        }
    }

    /// `log2` of the work as a multiple of the family's record.
    pub fn record_multiple_log2(&self) -> f64 {
        match self.target {
            Target::Curve { order_log2, .. } => rho_record_multiple_log2(order_log2),
            Target::Rsa { bits } => gnfs_record_multiple_log2(bits as f64),
        }
    }

    /// `log2` of the anchored point additions (ECC only).
    pub fn anchored_additions_log2(&self) -> Option<f64> {
        match self.target {
            Target::Curve { order_log2, .. } => Some(rho_anchored_log2(order_log2)),
            Target::Rsa { .. } => None,
        }
    }

    /// `log2` of the anchored core-years, if they can be given (a curve needs a measured
    /// addition time).
    pub fn core_years_log2(&self) -> Option<f64> {
        match self.target {
            Target::Curve {
                order_log2,
                ns_per_addition,
                ..
            } => ns_per_addition.map(|ns| rho_core_years_log2(rho_anchored_log2(order_log2), ns)),
            Target::Rsa { bits } => Some(gnfs_core_years_log2(bits as f64)),
        }
    }

    /// The record the work is anchored to: `"secp112r1"` or `"RSA-250"`.
    pub fn record(&self) -> &'static str {
        match self.target {
            Target::Curve { .. } => "secp112r1",
            Target::Rsa { .. } => "RSA-250",
        }
    }
}
