//! The report logic of the ECC-vs-RSA comparison, apart from any timing: which algorithms sit at
//! which security level, what the byte sizes mean (and computing them from real keys), the rows
//! of figures, the printed table and the JSON.
//!
//! Included by `examples/ecc_vs_rsa.rs`, by `benches/ecc_vs_rsa.rs` and by the tests in
//! `tests/ecc_vs_rsa_report.rs` (each with `#[path = …] mod report;`), so every item here is used
//! by at least one of them but not by all.

#![allow(dead_code)]

use ecckit::curves::{Curve, NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::SigningKey;
use rsa::pkcs1::{EncodeRsaPrivateKey, EncodeRsaPublicKey};
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::PathBuf;

// ---------------------------------------------------------------------------------------------
// Security levels (NIST SP 800-57 Part 1 Rev. 5, Table 2)
// ---------------------------------------------------------------------------------------------

/// One row of NIST SP 800-57 Part 1 Rev. 5, Table 2: a security strength and the key sizes that
/// reach it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Level {
    /// Security strength in bits.
    pub bits: u32,
    /// Smallest ECC key size (`f`, the bit length of the group order `n`) at this strength.
    pub ecc_min_bits: u32,
    /// Largest ECC key size at this strength (`None`: no upper bound, `f ≥ 512`).
    pub ecc_max_bits: Option<u32>,
    /// RSA modulus size (`k`) at this strength.
    pub rsa_bits: usize,
}

/// The five strengths of SP 800-57, weakest first.
pub const LEVELS: [Level; 5] = [
    Level {
        bits: 80,
        ecc_min_bits: 160,
        ecc_max_bits: Some(223),
        rsa_bits: 1024,
    },
    Level {
        bits: 112,
        ecc_min_bits: 224,
        ecc_max_bits: Some(255),
        rsa_bits: 2048,
    },
    Level {
        bits: 128,
        ecc_min_bits: 256,
        ecc_max_bits: Some(383),
        rsa_bits: 3072,
    },
    Level {
        bits: 192,
        ecc_min_bits: 384,
        ecc_max_bits: Some(511),
        rsa_bits: 7680,
    },
    Level {
        bits: 256,
        ecc_min_bits: 512,
        ecc_max_bits: None,
        rsa_bits: 15360,
    },
];

impl Level {
    /// The ECC key-size range as text: `"256–383"`, or `"512+"`.
    pub fn ecc_range(&self) -> String {
        match self.ecc_max_bits {
            Some(max) => format!("{}–{}", self.ecc_min_bits, max),
            None => format!("{}+", self.ecc_min_bits),
        }
    }

    /// The ECC curves of this crate at this level, in display order.
    pub fn ecc_curves(&self) -> Vec<EccCurve> {
        EccCurve::ALL
            .into_iter()
            .filter(|c| ecc_security_bits(c.order_bits()) == Some(self.bits))
            .collect()
    }

    /// The RSA key at this level.
    pub fn rsa(&self) -> Algorithm {
        Algorithm::Rsa(self.rsa_bits)
    }

    /// Every algorithm at this level: the curves first, then RSA.
    pub fn algorithms(&self) -> Vec<Algorithm> {
        let mut all: Vec<Algorithm> = self.ecc_curves().into_iter().map(Algorithm::Ecc).collect();
        all.push(self.rsa());
        all
    }
}

/// The security strength of an elliptic curve whose group order has `order_bits` bits
/// (SP 800-57 Table 2, column "ECC": f = 160–223 → 80, 224–255 → 112, 256–383 → 128,
/// 384–511 → 192, 512+ → 256). `None` below 160 bits.
pub fn ecc_security_bits(order_bits: u32) -> Option<u32> {
    LEVELS
        .iter()
        .rev()
        .find(|l| order_bits >= l.ecc_min_bits)
        .map(|l| l.bits)
}

/// The security strength of an RSA modulus of `modulus_bits` bits (SP 800-57 Table 2, column
/// "IFC": k = 1024 → 80, 2048 → 112, 3072 → 128, 7680 → 192, 15360 → 256; a size between two
/// rows gets the lower one). `None` below 1024 bits.
pub fn rsa_security_bits(modulus_bits: usize) -> Option<u32> {
    LEVELS
        .iter()
        .rev()
        .find(|l| modulus_bits >= l.rsa_bits)
        .map(|l| l.bits)
}

/// The level with this many bits of security.
pub fn level(bits: u32) -> Option<&'static Level> {
    LEVELS.iter().find(|l| l.bits == bits)
}

// ---------------------------------------------------------------------------------------------
// Algorithms
// ---------------------------------------------------------------------------------------------

/// The curves of `ecckit`, as a value (the measuring code dispatches to the generic code).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EccCurve {
    /// NIST P-224.
    P224,
    /// NIST P-256.
    P256,
    /// SEC 2 secp256k1.
    Secp256k1,
    /// NIST P-384.
    P384,
    /// NIST P-521.
    P521,
}

impl EccCurve {
    /// All five, by security level and then as the table shows them.
    pub const ALL: [EccCurve; 5] = [
        EccCurve::P224,
        EccCurve::P256,
        EccCurve::Secp256k1,
        EccCurve::P384,
        EccCurve::P521,
    ];

    /// The curve's name, as `ecckit::curves::Curve::NAME` spells it.
    pub fn name(self) -> &'static str {
        match self {
            EccCurve::P224 => NistP224::NAME,
            EccCurve::P256 => NistP256::NAME,
            EccCurve::Secp256k1 => Secp256k1::NAME,
            EccCurve::P384 => NistP384::NAME,
            EccCurve::P521 => NistP521::NAME,
        }
    }

    /// Bit length of the group order `n` (SP 800-57's `f`).
    pub fn order_bits(self) -> u32 {
        match self {
            EccCurve::P224 => 224,
            EccCurve::P256 | EccCurve::Secp256k1 => 256,
            EccCurve::P384 => 384,
            EccCurve::P521 => 521,
        }
    }
}

/// An algorithm in the comparison: a curve, or RSA with a modulus size in bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Algorithm {
    /// ECDSA and ECDH on a curve.
    Ecc(EccCurve),
    /// RSA (PKCS#1 v1.5 signatures, OAEP key transport) with a `k`-bit modulus.
    Rsa(usize),
}

impl Algorithm {
    /// `"P-256"`, `"RSA-3072"`.
    pub fn name(self) -> String {
        match self {
            Algorithm::Ecc(c) => c.name().to_string(),
            Algorithm::Rsa(bits) => format!("RSA-{bits}"),
        }
    }

    /// `"ECC"` or `"RSA"`.
    pub fn family(self) -> &'static str {
        match self {
            Algorithm::Ecc(_) => "ECC",
            Algorithm::Rsa(_) => "RSA",
        }
    }

    /// The key size SP 800-57 is indexed by: the group order's bits, or the modulus's.
    pub fn key_bits(self) -> usize {
        match self {
            Algorithm::Ecc(c) => c.order_bits() as usize,
            Algorithm::Rsa(bits) => bits,
        }
    }

    /// The security strength in bits.
    pub fn security_bits(self) -> Option<u32> {
        match self {
            Algorithm::Ecc(c) => ecc_security_bits(c.order_bits()),
            Algorithm::Rsa(bits) => rsa_security_bits(bits),
        }
    }

    /// Every algorithm of the comparison, by level.
    pub fn all() -> Vec<Algorithm> {
        LEVELS.iter().flat_map(Level::algorithms).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------

/// What the byte columns count. The same for every row of a family; see [`Sizes`].
pub const SIZE_DEFINITIONS: &str = "\
public key:  ECC = SEC1 compressed point (1 + L bytes, L = field size); RSA = PKCS#1 RSAPublicKey DER (n, e)
private key: ECC = the scalar d (L bytes; the public key is recomputed from it);
             RSA = PKCS#1 RSAPrivateKey DER (n, e, d, p, q, dP, dQ, qInv: what signing at CRT speed needs)
signature:   ECDSA = fixed-size r || s (IEEE P1363, 2L bytes; DER adds 6 to 9); RSA = one modulus-size block (k/8 bytes)
Neither key carries an algorithm identifier: SPKI / PKCS#8 wrapping adds about 20-30 bytes to every key alike.";

/// Encoded sizes in bytes of one algorithm's keys and signatures, all measured on real keys:
///
/// * **public key** — ECC: the SEC1 *compressed* point, `1 + L` bytes (`L` = field size in bytes);
///   RSA: the PKCS#1 `RSAPublicKey` DER (`n` and `e`, about `k/8 + 14` bytes). Both are the
///   algorithm's own standard key encoding, with no algorithm identifier.
/// * **private key** — ECC: the scalar `d`, `L` bytes (everything else follows from it);
///   RSA: the PKCS#1 `RSAPrivateKey` DER, i.e. what an RSA signer stores to sign at CRT speed
///   (`n, e, d, p, q, d mod (p−1), d mod (q−1), q⁻¹ mod p`, about `4.5·k/8` bytes). The bare
///   minimum (`p` and `q`, `k/8` bytes) would need a slow re-derivation at every load.
/// * **signature** — ECDSA: fixed-size `r ‖ s` (IEEE P1363), `2L` bytes; RSA PKCS#1 v1.5:
///   exactly the modulus size, `k/8` bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    /// Public key bytes.
    pub public_key: usize,
    /// Private key bytes.
    pub private_key: usize,
    /// Signature bytes.
    pub signature: usize,
}

impl Sizes {
    /// The sizes of a freshly generated key and a signature made with it, on curve `C`.
    pub fn ecc<C: EcdsaCurve>() -> Sizes {
        let key = SigningKey::<C>::random(&mut rand::rng());
        let signature = key.sign(b"size probe");
        Sizes {
            public_key: key.verifying_key().to_sec1_bytes(true).as_ref().len(),
            private_key: key.to_bytes().as_ref().len(),
            signature: signature.to_bytes().as_ref().len(),
        }
    }

    /// [`Sizes::ecc`] for a curve given as a value.
    pub fn of_curve(curve: EccCurve) -> Sizes {
        match curve {
            EccCurve::P224 => Sizes::ecc::<NistP224>(),
            EccCurve::P256 => Sizes::ecc::<NistP256>(),
            EccCurve::Secp256k1 => Sizes::ecc::<Secp256k1>(),
            EccCurve::P384 => Sizes::ecc::<NistP384>(),
            EccCurve::P521 => Sizes::ecc::<NistP521>(),
        }
    }

    /// The sizes of an RSA key. The signature size is the modulus size in bytes (RFC 8017
    /// §8.2.1: a PKCS#1 v1.5 signature is exactly `k` octets), which saves signing with a
    /// 15360-bit key only to count bytes; the tests check it against real signatures.
    pub fn rsa(key: &rsa::PrivateKey) -> Sizes {
        let public = key
            .to_public_key()
            .to_pkcs1_der()
            .expect("PKCS#1 public key encoding");
        let private = key.to_pkcs1_der().expect("PKCS#1 private key encoding");
        Sizes {
            public_key: public.as_bytes().len(),
            private_key: private.as_bytes().len(),
            signature: key.size(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// RSA fixtures
// ---------------------------------------------------------------------------------------------

/// RSA sizes shipped as fixtures (PKCS#8 PEM in `vectors/rsa/`) because generating them takes
/// minutes.
pub const RSA_FIXTURE_BITS: [usize; 2] = [7680, 15360];

/// Whether RSA keys of this size come from a fixture rather than from run-time generation.
pub fn rsa_uses_fixture(bits: usize) -> bool {
    RSA_FIXTURE_BITS.contains(&bits)
}

/// `vectors/rsa/rsa-<bits>.pem` in the crate's directory.
pub fn rsa_fixture_path(bits: usize) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join("rsa")
        .join(format!("rsa-{bits}.pem"))
}

/// Loads `vectors/rsa/rsa-<bits>.pem` with the `rsa` crate's PKCS#8 decoder and checks its size.
pub fn load_rsa_fixture(bits: usize) -> Result<rsa::PrivateKey, String> {
    let path = rsa_fixture_path(bits);
    let pem =
        std::fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let key = rsa::PrivateKey::from_pkcs8_pem(&pem)
        .map_err(|e| format!("decoding {}: {e}", path.display()))?;
    let got = key.n().bit_width_vartime() as usize;
    if got != bits {
        return Err(format!(
            "{}: modulus has {got} bits, expected {bits}",
            path.display()
        ));
    }
    Ok(key)
}

// ---------------------------------------------------------------------------------------------
// Figures and rows
// ---------------------------------------------------------------------------------------------

/// A timed figure: the median time of one operation over `runs` timed runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    /// Median nanoseconds per operation.
    pub median_ns: f64,
    /// Number of timed runs the median is taken over.
    pub runs: usize,
    /// Operations per run (fast operations are batched so that one run lasts long enough to
    /// time; the run's time is divided by this).
    pub batch: usize,
}

impl Timing {
    /// Microseconds per operation.
    pub fn micros(&self) -> f64 {
        self.median_ns / 1e3
    }

    /// Operations per second.
    pub fn ops_per_sec(&self) -> f64 {
        1e9 / self.median_ns
    }
}

/// One cell of timing: measured, deliberately not timed, or meaningless for the algorithm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    /// Measured.
    Timed(Timing),
    /// Could be measured but was not in this mode (RSA-7680/15360 key generation without `--full`).
    NotTimed,
    /// The operation does not exist for this algorithm (ECDH for RSA, OAEP for ECC).
    NotApplicable,
}

impl Figure {
    /// The timing, if measured.
    pub fn timing(&self) -> Option<Timing> {
        match self {
            Figure::Timed(t) => Some(*t),
            _ => None,
        }
    }
}

/// One algorithm's line of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The algorithm.
    pub algorithm: Algorithm,
    /// Its sizes.
    pub sizes: Sizes,
    /// Key generation: ECC a random scalar and its public point; RSA two primes and the CRT values.
    pub keygen: Figure,
    /// Signing one short message, hashing included (ECDSA with RFC 6979; RSA PKCS#1 v1.5 with
    /// SHA-256, blinded).
    pub sign: Figure,
    /// Verifying that signature, hashing included.
    pub verify: Figure,
    /// ECC only: ECDH, i.e. decoding and validating the peer's (uncompressed) public key and
    /// computing `x(d·Q)`.
    pub agree: Figure,
    /// RSA only: OAEP-SHA-256 encryption of a 32-byte key (the sender's side of key transport).
    pub encrypt: Figure,
    /// RSA only: OAEP-SHA-256 decryption of it, blinded (the receiver's side).
    pub decrypt: Figure,
}

impl Row {
    /// A row with sizes and nothing timed yet (operations that do not apply are marked so).
    pub fn new(algorithm: Algorithm, sizes: Sizes) -> Row {
        let (agree, transport) = match algorithm {
            Algorithm::Ecc(_) => (Figure::NotTimed, Figure::NotApplicable),
            Algorithm::Rsa(_) => (Figure::NotApplicable, Figure::NotTimed),
        };
        Row {
            algorithm,
            sizes,
            keygen: Figure::NotTimed,
            sign: Figure::NotTimed,
            verify: Figure::NotTimed,
            agree,
            encrypt: transport,
            decrypt: transport,
        }
    }

    /// The figure of the sender's side of key establishment: ECDH, or OAEP encryption.
    pub fn sender(&self) -> Figure {
        match self.algorithm {
            Algorithm::Ecc(_) => self.agree,
            Algorithm::Rsa(_) => self.encrypt,
        }
    }

    /// The figure of the receiver's side: ECDH, or OAEP decryption.
    pub fn receiver(&self) -> Figure {
        match self.algorithm {
            Algorithm::Ecc(_) => self.agree,
            Algorithm::Rsa(_) => self.decrypt,
        }
    }
}

/// What the figures are, printed under the tables.
pub const NOTES: &str = "\
Each time is the median over n timed runs (fast operations batched within a run), with operations per
second; RSA/curve columns divide RSA's figure by the curve's (above 1: RSA is bigger or slower).
Key establishment: with ECDH each side validates the peer's (uncompressed) public key and computes
one x(d·Q) (plus, when ephemeral, one key generation); with RSA key transport the sender
OAEP-encrypts a 32-byte key with the receiver's public key and the receiver decrypts it. So
\"ECDH | OAEP encrypt\" is the sender's cost and \"ECDH | OAEP decrypt\" the receiver's.
";

/// The median of `samples` (the mean of the middle two for an even count). Panics if empty.
pub fn median(samples: &[f64]) -> f64 {
    assert!(!samples.is_empty(), "median of nothing");
    let mut v = samples.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    }
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/// A duration in nanoseconds with three significant digits and a unit: `"812 ns"`, `"25.1 µs"`,
/// `"1.23 ms"`, `"4.56 s"`.
pub fn fmt_duration(ns: f64) -> String {
    let (value, unit) = if ns < 1e3 {
        (ns, "ns")
    } else if ns < 1e6 {
        (ns / 1e3, "µs")
    } else if ns < 1e9 {
        (ns / 1e6, "ms")
    } else {
        (ns / 1e9, "s")
    };
    format!("{} {unit}", three_digits(value))
}

/// Operations per second with three significant digits: `"39.8k/s"`, `"812/s"`, `"0.22/s"`.
pub fn fmt_rate(ops_per_sec: f64) -> String {
    if ops_per_sec >= 1e6 {
        format!("{}M/s", three_digits(ops_per_sec / 1e6))
    } else if ops_per_sec >= 1e3 {
        format!("{}k/s", three_digits(ops_per_sec / 1e3))
    } else {
        format!("{}/s", three_digits(ops_per_sec))
    }
}

/// A ratio: `"12.1×"`, `"1234×"`, `"0.52×"`.
pub fn fmt_ratio(ratio: f64) -> String {
    format!("{}×", three_digits(ratio))
}

/// Three significant digits, no exponent (whole numbers from 1000 up).
fn three_digits(x: f64) -> String {
    if x >= 99.95 {
        format!("{x:.0}")
    } else if x >= 9.995 {
        format!("{x:.1}")
    } else if x >= 0.9995 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

/// A timing cell: `"25.1 µs (39.8k/s, n=201)"`, or the reason there is none.
pub fn fmt_figure(figure: &Figure) -> String {
    match figure {
        Figure::Timed(t) => format!(
            "{} ({}, n={})",
            fmt_duration(t.median_ns),
            fmt_rate(t.ops_per_sec()),
            t.runs
        ),
        Figure::NotTimed => "not timed".to_string(),
        Figure::NotApplicable => "—".to_string(),
    }
}

/// A ratio cell for `rsa / ecc`, or `"—"` unless both were measured.
pub fn fmt_time_ratio(rsa: &Figure, ecc: &Figure) -> String {
    match (rsa.timing(), ecc.timing()) {
        (Some(r), Some(e)) => fmt_ratio(r.median_ns / e.median_ns),
        _ => "—".to_string(),
    }
}

/// Column alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Pad on the right.
    Left,
    /// Pad on the left.
    Right,
}

/// A plain-text table: a header line, a rule, then rows; columns separated by two spaces.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Column headers.
    pub header: Vec<String>,
    /// Alignment of each column.
    pub align: Vec<Align>,
    /// Cells, row by row.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Renders the table; widths count characters, not bytes (`µ`, `×`, `—` are one each).
    pub fn render(&self) -> String {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            assert_eq!(row.len(), columns, "row width differs from the header");
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| -> String {
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let pad = widths[i] - cell.chars().count();
                if i > 0 {
                    out.push_str("  ");
                }
                match self.align.get(i).copied().unwrap_or(Align::Left) {
                    Align::Left => {
                        out.push_str(cell);
                        out.extend(std::iter::repeat_n(' ', pad));
                    }
                    Align::Right => {
                        out.extend(std::iter::repeat_n(' ', pad));
                        out.push_str(cell);
                    }
                }
            }
            out.trim_end().to_string()
        };
        let mut out = line(&self.header);
        out.push('\n');
        let total: usize = widths.iter().sum::<usize>() + 2 * columns.saturating_sub(1);
        out.extend(std::iter::repeat_n('─', total));
        out.push('\n');
        for row in &self.rows {
            out.push_str(&line(row));
            out.push('\n');
        }
        out
    }
}

/// The heading of a level's block.
pub fn level_heading(level: &Level) -> String {
    format!(
        "{}-bit security — SP 800-57: ECC {}-bit curves, RSA-{}",
        level.bits,
        level.ecc_range(),
        level.rsa_bits
    )
}

/// The line under a level's block where this crate has no curve (80 bits).
pub fn no_curve_note(level: &Level) -> String {
    format!(
        "ECC: no curve in ecckit at {} bits (it would be a {}-bit curve; the smallest here is P-224, at 112 bits).",
        level.bits,
        level.ecc_range()
    )
}

/// The header of the ratio column for `curve`.
pub fn ratio_header(curve: Algorithm) -> String {
    format!("RSA/{}", curve.name())
}

/// The block of one level: a column per algorithm (ECC first, RSA last) and one ratio column
/// `RSA/curve` per curve. At a level with no curve in this crate (80 bits) the ECC column says
/// "no curve" and there are no ratios (see [`no_curve_note`]).
pub fn level_table(level: &Level, rows: &[Row]) -> Table {
    let find = |a: Algorithm| rows.iter().find(|r| r.algorithm == a);
    let rsa = find(level.rsa());
    let curves: Vec<&Row> = level
        .ecc_curves()
        .into_iter()
        .filter_map(|c| find(Algorithm::Ecc(c)))
        .collect();

    let mut header = vec![String::new()];
    if curves.is_empty() {
        header.push("ECC".to_string());
    }
    header.extend(curves.iter().map(|r| r.algorithm.name()));
    header.push(level.rsa().name());
    header.extend(curves.iter().map(|r| ratio_header(r.algorithm)));
    let mut align = vec![Align::Left];
    align.extend(std::iter::repeat_n(Align::Right, header.len() - 1));

    type Cell = fn(&Row) -> String;
    type Ratio = fn(&Row, &Row) -> String;
    let lines: [(&str, Cell, Ratio); 8] = [
        (
            "public key (bytes)",
            |r| r.sizes.public_key.to_string(),
            |rsa, ecc| size_ratio(rsa.sizes.public_key, ecc.sizes.public_key),
        ),
        (
            "private key (bytes)",
            |r| r.sizes.private_key.to_string(),
            |rsa, ecc| size_ratio(rsa.sizes.private_key, ecc.sizes.private_key),
        ),
        (
            "signature (bytes)",
            |r| r.sizes.signature.to_string(),
            |rsa, ecc| size_ratio(rsa.sizes.signature, ecc.sizes.signature),
        ),
        (
            "key generation",
            |r| fmt_figure(&r.keygen),
            |rsa, ecc| fmt_time_ratio(&rsa.keygen, &ecc.keygen),
        ),
        (
            "sign",
            |r| fmt_figure(&r.sign),
            |rsa, ecc| fmt_time_ratio(&rsa.sign, &ecc.sign),
        ),
        (
            "verify",
            |r| fmt_figure(&r.verify),
            |rsa, ecc| fmt_time_ratio(&rsa.verify, &ecc.verify),
        ),
        (
            "ECDH | OAEP encrypt",
            |r| fmt_figure(&r.sender()),
            |rsa, ecc| fmt_time_ratio(&rsa.sender(), &ecc.sender()),
        ),
        (
            "ECDH | OAEP decrypt",
            |r| fmt_figure(&r.receiver()),
            |rsa, ecc| fmt_time_ratio(&rsa.receiver(), &ecc.receiver()),
        ),
    ];

    let mut table_rows = Vec::new();
    for (label, cell, ratio) in &lines {
        let mut line = vec![label.to_string()];
        if curves.is_empty() {
            line.push("no curve".to_string());
        }
        line.extend(curves.iter().map(|r| cell(r)));
        line.push(rsa.map_or("—".to_string(), cell));
        line.extend(
            curves
                .iter()
                .map(|ecc| rsa.map_or("—".to_string(), |rsa| ratio(rsa, ecc))),
        );
        table_rows.push(line);
    }

    Table {
        header,
        align,
        rows: table_rows,
    }
}

/// `rsa / ecc` for byte counts.
fn size_ratio(rsa: usize, ecc: usize) -> String {
    fmt_ratio(rsa as f64 / ecc as f64)
}

/// The whole printed report: one block per level, then the definitions.
pub fn render_report(rows: &[Row]) -> String {
    let mut out = String::new();
    for level in &LEVELS {
        let _ = writeln!(out, "{}", level_heading(level));
        out.push_str(&level_table(level, rows).render());
        if level.ecc_curves().is_empty() {
            let _ = writeln!(out, "{}", no_curve_note(level));
        }
        out.push('\n');
    }
    out.push_str(NOTES);
    out.push_str("Sizes in bytes:\n");
    for line in SIZE_DEFINITIONS.lines() {
        let _ = writeln!(out, "  {line}");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/// Microseconds of a figure (to the nanosecond), or JSON `null`.
fn micros(figure: &Figure) -> Value {
    figure
        .timing()
        .map_or(Value::Null, |t| json!((t.micros() * 1e3).round() / 1e3))
}

/// Runs behind a figure, or JSON `null`.
fn runs(figure: &Figure) -> Value {
    figure.timing().map_or(Value::Null, |t| json!(t.runs))
}

/// One row as a JSON object. Times are medians in microseconds per operation, `null` where not
/// measured; `agree_us` is ECDH (null for RSA), `encrypt_us` / `decrypt_us` are RSA-OAEP (null
/// for ECC); each `*_runs` is the number of timed runs behind the median.
pub fn row_json(row: &Row) -> Value {
    let a = row.algorithm;
    json!({
        "algorithm": a.name(),
        "family": a.family(),
        "key_bits": a.key_bits(),
        "security_bits": a.security_bits(),
        "public_key_bytes": row.sizes.public_key,
        "private_key_bytes": row.sizes.private_key,
        "signature_bytes": row.sizes.signature,
        "keygen_us": micros(&row.keygen),
        "sign_us": micros(&row.sign),
        "verify_us": micros(&row.verify),
        "agree_us": micros(&row.agree),
        "encrypt_us": micros(&row.encrypt),
        "decrypt_us": micros(&row.decrypt),
        "keygen_runs": runs(&row.keygen),
        "sign_runs": runs(&row.sign),
        "verify_runs": runs(&row.verify),
        "agree_runs": runs(&row.agree),
        "encrypt_runs": runs(&row.encrypt),
        "decrypt_runs": runs(&row.decrypt),
    })
}

/// All rows as a JSON list, pretty-printed.
pub fn rows_json(rows: &[Row]) -> String {
    let list: Vec<Value> = rows.iter().map(row_json).collect();
    serde_json::to_string_pretty(&Value::Array(list)).expect("JSON of plain values")
}
