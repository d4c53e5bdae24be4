//! Exhaustive tests on toy curves, the method of libsecp256k1's `tests_exhaustive`: on a curve with
//! a few hundred points, every scalar times every point, every pair of points, every private key and
//! every encoding can be checked against a reference that is obviously right.
//!
//! The reference here is written with plain `u64`/`u128` integers modulo `p` and `n`: textbook
//! chord-and-tangent affine addition, Fermat inversion, Euler's criterion. It shares no code with the
//! crate's fields, formulas or scalar multiplication; the crate's values are compared with it through
//! their canonical byte encodings.
//!
//! # The curves
//! Three curves `y² = x³ + a·x + b` over `F_p`, one per formula set, each of prime order `n`
//! (cofactor 1, so every point except the identity generates the group):
//!
//! | curve     | p   | a  | b | n = #E | G        | formulas          | bytes | what else it exercises |
//! |-----------|-----|----|---|--------|----------|-------------------|-------|------------------------|
//! | `Toy257`  | 257 | 1  | 7 | 281    | (1, 3)   | generic (RCB16 1, 3) | 2  | `p = 2^8 + 1`: Tonelli–Shanks with `2^8 ‖ p − 1`; `n > p`; `nlen = 9`, so `bits2int` shifts |
//! | `Toy241`  | 241 | −3 | 1 | 227    | (1, 64)  | `a = −3` (RCB16 4–6) | 1  | `p ≡ 1 (mod 16)`; `n < p`, so `x(R) ≥ n` happens (`r = x − n`, recovery id bit 1) |
//! | `Toy199`  | 199 | 0  | 3 | 211    | (1, 2)   | `a = 0` (RCB16 7–9)  | 1  | `p ≡ 3 (mod 4)` (square root by one power); `n > p`; low-S signing convention |
//!
//! How they were found: a throwaway Python script (not committed) looped over primes `p` in a range
//! (200–255 for one-byte curves, 257–700 for two-byte ones) and small `b` (and small `a ∉ {0, −3}`
//! for the generic curve), skipped singular curves (`4a³ + 27b² ≡ 0`), and counted points as
//! `#E = 1 + Σ_x #{y : y² = x³ + ax + b}` using a table of how many `y` square to each value. It kept
//! the curves whose count is prime and needs the same number of bytes as `p` (the `Curve` trait gives
//! the scalar and base fields one encoding length). An `a = 0` curve of prime order needs
//! `p ≡ 1 (mod 3)`: for `p ≡ 2 (mod 3)` the curve is supersingular with `p + 1` (even) points. The
//! generator `G` is the point with `x = 1` and the smaller `y`. crypto-bigint's
//! `const_prime_monty_params!` also wants a primitive root of each modulus (used for square roots):
//! the smallest ones are 3 (mod 257), 3 (mod 281), 7 (mod 241), 2 (mod 227), 3 (mod 199),
//! 2 (mod 211). The tests below recount every point count with the crate's own square root and
//! again by brute force, and check that `G` has order `n`.
//!
//! # What is enumerated, per curve
//! * **Fields** (`F_p` and `F_n`): every byte string through `from_bytes`, `from_bytes_reduced` and
//!   `from_u64`; every element through negation, doubling, squaring, inversion (constant and
//!   variable time), square root and parity; every pair through `+`, `−`, `·` and equality.
//! * **Points**: every `(x, y) ∈ F_p²` through `from_coordinates` and uncompressed SEC1 decoding;
//!   every `x` encoding with both compressed tags; every point through negation, `to_affine`,
//!   `to_affine_vartime`, SEC1 encoding (exact bytes) and decoding; every pair `(P, Q)` — identity,
//!   `P = Q` and `P = −Q` included — through projective, mixed and subtracting addition and equality,
//!   and every point through doubling.
//! * **Scalar multiplication**: for every point `P` and every `k ∈ [0, n)`, `mul`, `AffinePoint::mul`
//!   and `mul_reference_vartime` against the table `k·P = (k−1)·P + P` built by reference addition;
//!   `mul_base` and `G * k` for every `k`; `mul_double_vartime(a, b, P)` for every `(a, b)` with
//!   `P = 5G`, and for every `P` (identity, `G`, `−G` included) with `a, b` from a set of edge
//!   scalars. `mul_base` and `mul_double_vartime` run twice: without and with the curve's optional
//!   precomputed tables of `G` (`Curve::MUL_BASE_TABLE`, `Curve::G_ODD_MULTIPLES`, built here at
//!   compile time in integers), so both the generic paths and the table paths are enumerated.
//! * **Keys and ECDSA**: every byte string as a private key; for every private key `d ∈ [1, n)`, the
//!   public key, SEC1 round trips, ECDH with three peers, raw signing with nonces
//!   `k ∈ {0, 1, 2, n−1, d, n−d, 3d+5}` and digest scalars `z ∈ {0, 1, d, n−1, 7d+11}` against
//!   `r = x(kG) mod n`, `s = k⁻¹(z + r·d) mod n` in integers; verification of each signature on its
//!   digest (two digest lengths), on `z + 1`, under key `d + 1`, and with `s` negated, each against
//!   the reference's own verification equation (on a curve this small, a wrong digest verifies now and
//!   then by coincidence: the reference predicts exactly when); public-key recovery with all four
//!   recovery ids against the reference; RFC 6979 signing and recovery; every `nlen`-bit digest prefix
//!   reducing mod `n`; and `SecretKey::random` hitting every key. (On the curves with tables.)
//!
//! Cost: about 13 s of CPU time in `cargo test` (opt-level 3), spread over 24 tests that run in
//! parallel.

use crypto_bigint::modular::ConstPrimeMontyParams;
use crypto_bigint::{U64, const_prime_monty_params};
use ecckit::Error;
use ecckit::curves::{AShape, Curve, MulBaseTable};
use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::hazmat::sign_prehashed;
use ecckit::ecdsa::{RecoveryId, Signature, SigningKey, VerifyingKey};
use ecckit::field::{ByteArray, Field, GenericField};
use ecckit::keys::{PublicKey, SecretKey};
use ecckit::point::jacobian::JacobianPoint;
use ecckit::point::mul::{mul_base, mul_double_vartime, mul_reference_vartime};
use ecckit::point::{AffinePoint, ProjectivePoint};
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------------
// The toy curves.
// ---------------------------------------------------------------------------------------------

/// A toy curve's parameters as plain integers, for the reference arithmetic.
trait Toy: EcdsaCurve {
    /// The base field's modulus.
    const P: u64;
    /// The group order.
    const N: u64;
    /// `a mod p`.
    const A_INT: u64;
    /// `b`.
    const B_INT: u64;
    /// The generator.
    const G_INT: (u64, u64);
}

// Each curve comes in two variants: `TABLES = false` leaves the optional precomputed tables of `G`
// out (so `mul_base` is `mul` on `G`, and verification computes width-5 odd multiples of `G`), and
// `TABLES = true` supplies them (`Curve::MUL_BASE_TABLE`, `Curve::G_ODD_MULTIPLES`), computed at
// compile time by the integer `const fn`s below, so that the fixed-base table lookups and the
// width-8 NAF of `G` are enumerated too. The fixed-base tables have signed windows of 4, 5 and 6
// bits on the three curves, one of each width `Curve::MUL_BASE_TABLE` offers.

/// The type of `Curve::MUL_BASE_TABLE`.
type BaseTable<F> = Option<MulBaseTable<F>>;
/// The type of `Curve::G_ODD_MULTIPLES`.
type OddMultiples<F> = Option<&'static [(F, F)]>;

const_prime_monty_params!(Toy257P, U64, "0000000000000101", 3);
const_prime_monty_params!(Toy257N, U64, "0000000000000119", 3);
type Fp257 = GenericField<Toy257P, 1, 2>;
type Fn257 = GenericField<Toy257N, 1, 2>;

/// `y² = x³ + x + 7` over `F_257`, 281 points: generic-`a` formulas, two-byte encodings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Toy257<const TABLES: bool>;

impl<const TABLES: bool> Toy for Toy257<TABLES> {
    const P: u64 = 257;
    const N: u64 = 281;
    const A_INT: u64 = 1;
    const B_INT: u64 = 7;
    const G_INT: (u64, u64) = (1, 3);
}

/// Signed 4-bit windows; `⌊9/4⌋ + 1 = 3` rows for the 9-bit `n`.
static TOY257_BASE_TABLE: [[(Fp257, Fp257); 8]; 3] = field_table(&base_table::<8, 3>(
    Toy257::<false>::P,
    Toy257::<false>::A_INT,
    Toy257::<false>::G_INT,
));
static TOY257_ODD_MULTIPLES: [(Fp257, Fp257); 64] = field_points(&odd_multiples_of_g(
    Toy257::<false>::P,
    Toy257::<false>::A_INT,
    Toy257::<false>::G_INT,
));

impl<const TABLES: bool> Curve for Toy257<TABLES> {
    type Base = Fp257;
    type Scalar = Fn257;
    const NAME: &'static str = if TABLES {
        "toy-257 (tables)"
    } else {
        "toy-257"
    };
    const A: Fp257 = Fp257::from_u64_const(Self::A_INT);
    const B: Fp257 = Fp257::from_u64_const(Self::B_INT);
    const B3: Fp257 = Fp257::from_u64_const(3 * Self::B_INT);
    const A_SHAPE: AShape = AShape::Generic;
    const GENERATOR: (Fp257, Fp257) = (
        Fp257::from_u64_const(Self::G_INT.0),
        Fp257::from_u64_const(Self::G_INT.1),
    );
    const MUL_BASE_TABLE: BaseTable<Fp257> = if TABLES {
        Some(MulBaseTable::W4(&TOY257_BASE_TABLE))
    } else {
        None
    };
    // The table variant also runs the 5-bit variable-base windows (P-384, P-521).
    const VARIABLE_BASE_WINDOW: u32 = if TABLES { 5 } else { 4 };
    const G_ODD_MULTIPLES: OddMultiples<Fp257> = if TABLES {
        Some(&TOY257_ODD_MULTIPLES)
    } else {
        None
    };
}

impl<const TABLES: bool> EcdsaCurve for Toy257<TABLES> {
    type Digest = sha2::Sha256;
}

const_prime_monty_params!(Toy241P, U64, "00000000000000f1", 7);
const_prime_monty_params!(Toy241N, U64, "00000000000000e3", 2);
type Fp241 = GenericField<Toy241P, 1, 1>;
type Fn241 = GenericField<Toy241N, 1, 1>;

/// `y² = x³ − 3x + 1` over `F_241`, 227 points: `a = −3` formulas, one-byte encodings, `n < p`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Toy241<const TABLES: bool>;

impl<const TABLES: bool> Toy for Toy241<TABLES> {
    const P: u64 = 241;
    const N: u64 = 227;
    const A_INT: u64 = 241 - 3;
    const B_INT: u64 = 1;
    const G_INT: (u64, u64) = (1, 64);
}

/// Signed 5-bit windows; `⌊8/5⌋ + 1 = 2` rows for the 8-bit `n`.
static TOY241_BASE_TABLE: [[(Fp241, Fp241); 16]; 2] = field_table(&base_table::<16, 2>(
    Toy241::<false>::P,
    Toy241::<false>::A_INT,
    Toy241::<false>::G_INT,
));
static TOY241_ODD_MULTIPLES: [(Fp241, Fp241); 64] = field_points(&odd_multiples_of_g(
    Toy241::<false>::P,
    Toy241::<false>::A_INT,
    Toy241::<false>::G_INT,
));

impl<const TABLES: bool> Curve for Toy241<TABLES> {
    type Base = Fp241;
    type Scalar = Fn241;
    const NAME: &'static str = if TABLES {
        "toy-241 (tables)"
    } else {
        "toy-241"
    };
    const A: Fp241 = Fp241::from_u64_const(Self::A_INT);
    const B: Fp241 = Fp241::from_u64_const(Self::B_INT);
    const B3: Fp241 = Fp241::from_u64_const(3 * Self::B_INT);
    const A_SHAPE: AShape = AShape::MinusThree;
    const GENERATOR: (Fp241, Fp241) = (
        Fp241::from_u64_const(Self::G_INT.0),
        Fp241::from_u64_const(Self::G_INT.1),
    );
    const MUL_BASE_TABLE: BaseTable<Fp241> = if TABLES {
        Some(MulBaseTable::W5(&TOY241_BASE_TABLE))
    } else {
        None
    };
    // The table variant also runs the 5-bit variable-base windows (P-384, P-521).
    const VARIABLE_BASE_WINDOW: u32 = if TABLES { 5 } else { 4 };
    const G_ODD_MULTIPLES: OddMultiples<Fp241> = if TABLES {
        Some(&TOY241_ODD_MULTIPLES)
    } else {
        None
    };
}

impl<const TABLES: bool> EcdsaCurve for Toy241<TABLES> {
    type Digest = sha2::Sha256;
}

const_prime_monty_params!(Toy199P, U64, "00000000000000c7", 3);
const_prime_monty_params!(Toy199N, U64, "00000000000000d3", 2);
type Fp199 = GenericField<Toy199P, 1, 1>;
type Fn199 = GenericField<Toy199N, 1, 1>;

/// `y² = x³ + 3` over `F_199`, 211 points: `a = 0` formulas, one-byte encodings, low-S signing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Toy199<const TABLES: bool>;

impl<const TABLES: bool> Toy for Toy199<TABLES> {
    const P: u64 = 199;
    const N: u64 = 211;
    const A_INT: u64 = 0;
    const B_INT: u64 = 3;
    const G_INT: (u64, u64) = (1, 2);
}

/// Signed 6-bit windows; `⌊8/6⌋ + 1 = 2` rows for the 8-bit `n`.
static TOY199_BASE_TABLE: [[(Fp199, Fp199); 32]; 2] = field_table(&base_table::<32, 2>(
    Toy199::<false>::P,
    Toy199::<false>::A_INT,
    Toy199::<false>::G_INT,
));
static TOY199_ODD_MULTIPLES: [(Fp199, Fp199); 64] = field_points(&odd_multiples_of_g(
    Toy199::<false>::P,
    Toy199::<false>::A_INT,
    Toy199::<false>::G_INT,
));

impl<const TABLES: bool> Curve for Toy199<TABLES> {
    type Base = Fp199;
    type Scalar = Fn199;
    const NAME: &'static str = if TABLES {
        "toy-199 (tables)"
    } else {
        "toy-199"
    };
    const A: Fp199 = Fp199::from_u64_const(Self::A_INT);
    const B: Fp199 = Fp199::from_u64_const(Self::B_INT);
    const B3: Fp199 = Fp199::from_u64_const(3 * Self::B_INT);
    const A_SHAPE: AShape = AShape::Zero;
    const GENERATOR: (Fp199, Fp199) = (
        Fp199::from_u64_const(Self::G_INT.0),
        Fp199::from_u64_const(Self::G_INT.1),
    );
    const MUL_BASE_TABLE: BaseTable<Fp199> = if TABLES {
        Some(MulBaseTable::W6(&TOY199_BASE_TABLE))
    } else {
        None
    };
    // The table variant also runs the 5-bit variable-base windows (P-384, P-521).
    const VARIABLE_BASE_WINDOW: u32 = if TABLES { 5 } else { 4 };
    const G_ODD_MULTIPLES: OddMultiples<Fp199> = if TABLES {
        Some(&TOY199_ODD_MULTIPLES)
    } else {
        None
    };
}

impl<const TABLES: bool> EcdsaCurve for Toy199<TABLES> {
    type Digest = sha2::Sha256;
    const LOW_S: bool = true;
}

// ---------------------------------------------------------------------------------------------
// Integer reference arithmetic (no crate code).
// ---------------------------------------------------------------------------------------------

const fn mul_mod(a: u64, b: u64, m: u64) -> u64 {
    ((a as u128 * b as u128) % m as u128) as u64
}

const fn pow_mod(mut base: u64, mut e: u64, m: u64) -> u64 {
    let mut acc = 1 % m;
    base %= m;
    while e > 0 {
        if e & 1 == 1 {
            acc = mul_mod(acc, base, m);
        }
        base = mul_mod(base, base, m);
        e >>= 1;
    }
    acc
}

/// `a⁻¹ mod m` for prime `m` (Fermat), `a ≢ 0`.
const fn inv_mod(a: u64, m: u64) -> u64 {
    assert!(!a.is_multiple_of(m), "inverse of zero");
    pow_mod(a, m - 2, m)
}

/// Whether `v` is a square mod the odd prime `m` (Euler's criterion; 0 is a square).
fn is_square_mod(v: u64, m: u64) -> bool {
    v.is_multiple_of(m) || pow_mod(v, (m - 1) / 2, m) == 1
}

/// Chord-and-tangent addition of two affine points on `y² = x³ + ax + b` over `F_p`: neither point
/// may be the identity, nor `Q = −P` ([`Reference::add`] handles those; the compile-time tables
/// never meet them, their entries being `c·G` with `0 < c < n`).
const fn const_affine_add(
    p: u64,
    a: u64,
    (x1, y1): (u64, u64),
    (x2, y2): (u64, u64),
) -> (u64, u64) {
    let lambda = if x1 == x2 {
        assert!(!(y1 + y2).is_multiple_of(p), "Q = −P");
        mul_mod((3 * mul_mod(x1, x1, p) + a) % p, inv_mod(2 * y1 % p, p), p)
    } else {
        mul_mod((y2 + p - y1) % p, inv_mod((x2 + p - x1) % p, p), p)
    };
    let x3 = (mul_mod(lambda, lambda, p) + 2 * p - x1 - x2) % p;
    let y3 = (mul_mod(lambda, (x1 + p - x3) % p, p) + p - y1) % p;
    (x3, y3)
}

/// The fixed-base table `T[i][j] = (j + 1)·2^(w·i)·G` for `E = 2^(w−1)` points a row (the
/// layout of `Curve::MUL_BASE_TABLE`).
const fn base_table<const E: usize, const R: usize>(
    p: u64,
    a: u64,
    g: (u64, u64),
) -> [[(u64, u64); E]; R] {
    let mut t = [[(0, 0); E]; R];
    let mut base = g; // 2^(w·i)·G
    let mut i = 0;
    while i < R {
        t[i][0] = base;
        let mut j = 1;
        while j < E {
            t[i][j] = const_affine_add(p, a, t[i][j - 1], base);
            j += 1;
        }
        base = const_affine_add(p, a, t[i][E - 1], t[i][E - 1]); // 2^w·base = 2·(E·base)
        i += 1;
    }
    t
}

/// `[G, 3G, 5G, …, 127G]` (the layout of `Curve::G_ODD_MULTIPLES`).
const fn odd_multiples_of_g(p: u64, a: u64, g: (u64, u64)) -> [(u64, u64); 64] {
    let g2 = const_affine_add(p, a, g, g);
    let mut t = [g; 64];
    let mut i = 1;
    while i < 64 {
        t[i] = const_affine_add(p, a, t[i - 1], g2);
        i += 1;
    }
    t
}

type Gf<M, const B: usize> = GenericField<M, 1, B>;

const fn field_points<M: ConstPrimeMontyParams<1>, const B: usize, const K: usize>(
    t: &[(u64, u64); K],
) -> [(Gf<M, B>, Gf<M, B>); K] {
    let zero = Gf::<M, B>::from_u64_const(0);
    let mut out = [(zero, zero); K];
    let mut i = 0;
    while i < K {
        out[i] = (
            Gf::<M, B>::from_u64_const(t[i].0),
            Gf::<M, B>::from_u64_const(t[i].1),
        );
        i += 1;
    }
    out
}

const fn field_table<
    M: ConstPrimeMontyParams<1>,
    const B: usize,
    const E: usize,
    const R: usize,
>(
    t: &[[(u64, u64); E]; R],
) -> [[(Gf<M, B>, Gf<M, B>); E]; R] {
    let zero = Gf::<M, B>::from_u64_const(0);
    let mut out = [[(zero, zero); E]; R];
    let mut i = 0;
    while i < R {
        out[i] = field_points(&t[i]);
        i += 1;
    }
    out
}

/// A reference point: `None` is the identity.
type Pt = Option<(u64, u64)>;

/// The reference model of a toy curve: its points, the multiples of `G`, discrete logarithms.
struct Reference {
    p: u64,
    n: u64,
    a: u64,
    b: u64,
    /// All affine points, sorted.
    points: Vec<(u64, u64)>,
    /// `k·G` for `k = 0..=n`, built by repeated reference addition.
    mult_g: Vec<Pt>,
    /// `P ↦ k` with `P = k·G`.
    dlog: HashMap<Pt, u64>,
}

impl Reference {
    fn new<C: Toy>() -> Self {
        let (p, n) = (C::P, C::N);
        let mut r = Reference {
            p,
            n,
            a: C::A_INT,
            b: C::B_INT,
            points: Vec::new(),
            mult_g: Vec::new(),
            dlog: HashMap::new(),
        };
        // Brute force: every (x, y).
        for x in 0..p {
            for y in 0..p {
                if r.on_curve(x, y) {
                    r.points.push((x, y));
                }
            }
        }
        assert_eq!(r.points.len() as u64 + 1, n, "{}: point count", C::NAME);
        assert!(r.on_curve(C::G_INT.0, C::G_INT.1), "{}: G", C::NAME);
        let g = Some(C::G_INT);
        let mut acc: Pt = None;
        for k in 0..=n {
            r.mult_g.push(acc);
            if k < n {
                assert!(
                    r.dlog.insert(acc, k).is_none(),
                    "{}: G has order {k} < n",
                    C::NAME
                );
            }
            acc = r.add(acc, g);
        }
        assert_eq!(r.mult_g[n as usize], None, "{}: n·G = O", C::NAME);
        r
    }

    fn rhs(&self, x: u64) -> u64 {
        let p = self.p;
        (mul_mod(mul_mod(x, x, p), x, p) + mul_mod(self.a, x, p) + self.b) % p
    }

    fn on_curve(&self, x: u64, y: u64) -> bool {
        x < self.p && y < self.p && mul_mod(y, y, self.p) == self.rhs(x)
    }

    fn neg(&self, pt: Pt) -> Pt {
        pt.map(|(x, y)| (x, (self.p - y) % self.p))
    }

    /// Textbook chord-and-tangent addition, with the identity.
    fn add(&self, p1: Pt, p2: Pt) -> Pt {
        match (p1, p2) {
            (None, q) | (q, None) => q,
            // Q = −P (this includes the tangent at y = 0).
            (Some((x1, y1)), Some((x2, y2))) if x1 == x2 && (y1 + y2).is_multiple_of(self.p) => {
                None
            }
            (Some(a), Some(b)) => {
                let (x3, y3) = const_affine_add(self.p, self.a, a, b);
                debug_assert!(self.on_curve(x3, y3));
                Some((x3, y3))
            }
        }
    }

    /// `k·G`.
    fn g(&self, k: u64) -> Pt {
        self.mult_g[(k % self.n) as usize]
    }

    /// The discrete logarithm of a point.
    fn log(&self, pt: Pt) -> u64 {
        self.dlog[&pt]
    }

    /// ECDSA verification in integers: `w = s⁻¹`, `R = (z·w)·G + (r·w)·Q` with `Q = q·G`, accept
    /// iff `R ≠ O` and `x(R) mod n = r`.
    fn verify(&self, q: u64, z: u64, r: u64, s: u64) -> bool {
        let n = self.n;
        if r == 0 || s == 0 || r >= n || s >= n {
            return false;
        }
        let w = inv_mod(s, n);
        let k = (mul_mod(z, w, n) + mul_mod(mul_mod(r, w, n), q, n)) % n;
        matches!(self.g(k), Some((x, _)) if x % n == r)
    }

    /// Public-key recovery in integers (SEC 1 §4.1.6): the discrete log of the recovered key, or
    /// `None` when the id names no point or the key would be the identity.
    fn recover(&self, z: u64, r: u64, s: u64, recid: u8) -> Option<u64> {
        let n = self.n;
        let x = r + if recid & 2 != 0 { n } else { 0 };
        let odd = u64::from(recid & 1);
        let (_, y) = *self
            .points
            .iter()
            .find(|&&(px, py)| px == x && py & 1 == odd)?;
        let j = self.log(Some((x, y)));
        let r_inv = inv_mod(r, n);
        // Q = r⁻¹·(s·R − z·G).
        let q = mul_mod(r_inv, (mul_mod(s, j, n) + n - z % n) % n, n);
        (q != 0 && self.verify(q, z, r, s)).then_some(q)
    }
}

// ---------------------------------------------------------------------------------------------
// Between the crate and the reference: canonical big-endian encodings.
// ---------------------------------------------------------------------------------------------

fn byte_len<F: Field>() -> usize {
    F::Bytes::zeroed().as_ref().len()
}

/// `v` as a big-endian byte array of the field's encoding length (high bits dropped).
fn enc<F: Field>(v: u64) -> F::Bytes {
    let mut b = F::Bytes::zeroed();
    let s = b.as_mut();
    let l = s.len();
    for (i, byte) in s.iter_mut().enumerate() {
        *byte = (v >> (8 * (l - 1 - i))) as u8;
    }
    b
}

/// The canonical integer of a field element.
fn int<F: Field>(x: &F) -> u64 {
    x.to_bytes()
        .as_ref()
        .iter()
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
}

fn fe<F: Field>(v: u64) -> F {
    F::from_u64(v)
}

fn to_crate<C: Toy>(pt: Pt) -> AffinePoint<C> {
    match pt {
        None => AffinePoint::IDENTITY,
        Some((x, y)) => AffinePoint::from_coordinates(fe(x), fe(y)).unwrap(),
    }
}

fn from_affine<C: Toy>(a: &AffinePoint<C>) -> Pt {
    if bool::from(a.is_identity()) {
        // The documented representation of the identity.
        assert!(
            bool::from(a.x().is_zero() & a.y().is_zero()),
            "identity with x, y ≠ 0"
        );
        None
    } else {
        Some((int(&a.x()), int(&a.y())))
    }
}

fn from_proj<C: Toy>(p: &ProjectivePoint<C>) -> Pt {
    from_affine(&p.to_affine())
}

/// A digest of `len` bytes whose leftmost `nlen` bits (`nlen` = bit length of `n`) encode `t`, and
/// whose remaining bits are `filler`'s (which ECDSA must ignore).
fn digest_for(t: u64, nlen: u32, len: usize, filler: u8) -> Vec<u8> {
    let mut d = vec![filler; len];
    for i in 0..nlen as usize {
        let bit = ((t >> (nlen as usize - 1 - i)) & 1) as u8;
        d[i / 8] = (d[i / 8] & !(0x80 >> (i % 8))) | (bit << (7 - i % 8));
    }
    d
}

// ---------------------------------------------------------------------------------------------
// Fields.
// ---------------------------------------------------------------------------------------------

/// Every byte string, element and pair of the field `F` of prime modulus `m`.
fn check_field<F: Field>(name: &str, m: u64) {
    let l = byte_len::<F>();
    assert_eq!(F::NUM_BITS, 64 - m.leading_zeros(), "{name}: NUM_BITS");
    assert_eq!(l, F::NUM_BITS.div_ceil(8) as usize, "{name}: byte length");
    assert_eq!(int(&F::ZERO), 0);
    assert_eq!(int(&F::ONE), 1);
    assert_eq!(int(&F::default()), 0);
    // Every byte string of the encoding length.
    for v in 0..(1u64 << (8 * l)) {
        let bytes = enc::<F>(v);
        let strict = F::from_bytes(&bytes);
        assert_eq!(
            bool::from(strict.is_some()),
            v < m,
            "{name}: from_bytes({v})"
        );
        if v < m {
            let x = strict.unwrap();
            assert_eq!(int(&x), v, "{name}: from_bytes({v})");
            assert_eq!(x.to_bytes(), bytes, "{name}: to_bytes({v})");
        }
        let reduced = F::from_bytes_reduced(&bytes);
        assert_eq!(int(&reduced), v % m, "{name}: from_bytes_reduced({v})");
        assert_eq!(int(&F::from_u64(v)), v % m, "{name}: from_u64({v})");
    }
    for v in [u64::MAX, u64::MAX - 1, 1 << 63, m * m, m * m - 1, m << 40] {
        assert_eq!(int(&F::from_u64(v)), v % m, "{name}: from_u64({v})");
    }
    let elems: Vec<F> = (0..m).map(fe::<F>).collect();
    let mut squares = 0;
    for (x, e) in (0u64..).zip(&elems) {
        assert_eq!(int(&-*e), (m - x) % m, "{name}: −{x}");
        assert_eq!(int(&e.square()), mul_mod(x, x, m), "{name}: {x}²");
        assert_eq!(int(&e.double()), 2 * x % m, "{name}: 2·{x}");
        assert_eq!(bool::from(e.is_zero()), x == 0, "{name}: is_zero({x})");
        assert_eq!(bool::from(e.is_odd()), x & 1 == 1, "{name}: is_odd({x})");
        let inv = e.invert();
        let inv_vt = e.invert_vartime();
        assert_eq!(bool::from(inv.is_some()), x != 0, "{name}: invert({x})");
        assert_eq!(
            bool::from(inv_vt.is_some()),
            x != 0,
            "{name}: invert_vartime({x})"
        );
        if x != 0 {
            assert_eq!(int(&inv.unwrap()), inv_mod(x, m), "{name}: 1/{x}");
            assert_eq!(
                int(&inv_vt.unwrap()),
                inv_mod(x, m),
                "{name}: 1/{x} (vartime)"
            );
        }
        let root = e.sqrt();
        let square = is_square_mod(x, m);
        squares += u64::from(square);
        assert_eq!(
            bool::from(root.is_some()),
            square,
            "{name}: sqrt({x}) exists"
        );
        if square {
            let r = int(&root.unwrap());
            assert_eq!(mul_mod(r, r, m), x, "{name}: sqrt({x}) = {r}");
        }
        for (y, f) in (0u64..).zip(&elems) {
            assert_eq!(int(&(*e + *f)), (x + y) % m, "{name}: {x} + {y}");
            assert_eq!(int(&(*e - *f)), (x + m - y) % m, "{name}: {x} − {y}");
            assert_eq!(int(&(*e * *f)), mul_mod(x, y, m), "{name}: {x}·{y}");
            assert_eq!(*e == *f, x == y, "{name}: {x} == {y}");
        }
    }
    assert_eq!(squares, m.div_ceil(2), "{name}: (m + 1)/2 squares");
}

fn exhaustive_fields<C: Toy>() {
    check_field::<C::Base>(C::NAME, C::P);
    check_field::<C::Scalar>(C::NAME, C::N);
}

// ---------------------------------------------------------------------------------------------
// Points.
// ---------------------------------------------------------------------------------------------

/// Enumeration with the crate's square root, the curve equation at every `(x, y)`, and every point
/// through negation, affine conversion and SEC1.
fn exhaustive_points<C: Toy>() {
    let r = Reference::new::<C>();
    let (p, n, name) = (C::P, C::N, C::NAME);
    let l = byte_len::<C::Base>();
    assert_eq!(int(&C::A), r.a);
    assert_eq!(int(&C::B), r.b);
    assert_eq!(int(&C::B3), 3 * r.b % p);
    assert_eq!(from_affine(&AffinePoint::<C>::GENERATOR), Some(C::G_INT));
    assert_eq!(from_proj(&ProjectivePoint::<C>::GENERATOR), Some(C::G_INT));

    // Every point, found by trying every x with the crate's sqrt.
    let mut found = Vec::new();
    for x in 0..p {
        let xf: C::Base = fe(x);
        let rhs = (xf.square() + C::A) * xf + C::B;
        assert_eq!(int(&rhs), r.rhs(x), "{name}: x³ + ax + b at {x}");
        if let Some(y) = Option::<C::Base>::from(rhs.sqrt()) {
            let y = int(&y);
            found.push((x, y));
            if y != 0 {
                found.push((x, p - y));
            }
        }
    }
    found.sort_unstable();
    assert_eq!(found, r.points, "{name}: points found by sqrt");
    assert_eq!(found.len() as u64 + 1, n, "{name}: #E = n");

    // The curve equation at every (x, y); uncompressed decoding of every in-range encoding.
    for x in 0..p {
        for y in 0..p {
            let on = r.on_curve(x, y);
            let a = AffinePoint::<C>::from_coordinates(fe(x), fe(y));
            assert_eq!(bool::from(a.is_some()), on, "{name}: ({x}, {y}) on curve");
            let mut sec1 = vec![4u8];
            sec1.extend_from_slice(enc::<C::Base>(x).as_ref());
            sec1.extend_from_slice(enc::<C::Base>(y).as_ref());
            let decoded = AffinePoint::<C>::from_sec1_bytes(&sec1);
            if on {
                assert_eq!(from_affine(&decoded.unwrap()), Some((x, y)));
            } else {
                assert_eq!(decoded, Err(Error::NotOnCurve), "{name}: 04 ‖ {x} ‖ {y}");
            }
        }
    }
    // Coordinates ≥ p.
    for big in p..(p + 8).min(1 << (8 * l)) {
        let (gx, gy) = C::G_INT;
        for (x, y) in [(big, gy), (gx, big)] {
            let mut sec1 = vec![4u8];
            sec1.extend_from_slice(enc::<C::Base>(x).as_ref());
            sec1.extend_from_slice(enc::<C::Base>(y).as_ref());
            let got = AffinePoint::<C>::from_sec1_bytes(&sec1);
            assert_eq!(got, Err(Error::InvalidEncoding), "{name}: 04 ‖ {x} ‖ {y}");
        }
    }

    // Compressed decoding of every x encoding, both tags.
    for x in 0..(1u64 << (8 * l)) {
        for tag in [2u8, 3] {
            let mut sec1 = vec![tag];
            sec1.extend_from_slice(enc::<C::Base>(x).as_ref());
            let got = AffinePoint::<C>::from_sec1_bytes(&sec1);
            let want = r
                .points
                .iter()
                .find(|&&(px, py)| px == x && py & 1 == u64::from(tag & 1));
            match want {
                Some(&pt) => assert_eq!(from_affine(&got.unwrap()), Some(pt)),
                None if x >= p => assert_eq!(got, Err(Error::InvalidEncoding)),
                None => assert_eq!(got, Err(Error::NotOnCurve), "{name}: {tag:02x} ‖ {x}"),
            }
        }
    }

    // Every point: negation, conversions, SEC1.
    for k in 0..n {
        let pt = r.g(k);
        let a = to_crate::<C>(pt);
        let p1 = a.to_projective();
        let p2 = p1.double() - p1; // the same point, with (usually) Z ≠ 1
        assert_eq!(bool::from(a.is_identity()), pt.is_none());
        assert_eq!(bool::from(p2.is_identity()), pt.is_none());
        assert!(bool::from(a.is_on_curve()));
        for q in [p1, p2] {
            assert_eq!(from_affine(&q.to_affine()), pt, "{name}: to_affine({k}G)");
            assert_eq!(q.to_affine(), a, "{name}: to_affine({k}G)");
            assert_eq!(q.to_affine_vartime(), a, "{name}: to_affine_vartime({k}G)");
            assert_eq!(AffinePoint::from(q), a);
            assert_eq!(from_proj(&-q), r.neg(pt), "{name}: −({k}G)");
        }
        assert_eq!(from_affine(&-a), r.neg(pt), "{name}: −({k}G) affine");
        assert_eq!(ProjectivePoint::from(a), p1);
        // SEC1: the exact bytes, then back.
        let (c, u) = (a.to_sec1_bytes(true), a.to_sec1_bytes(false));
        match pt {
            None => {
                assert_eq!(c.as_ref(), &[0u8][..]);
                assert_eq!(u.as_ref(), &[0u8][..]);
                assert_eq!(
                    AffinePoint::<C>::from_sec1_bytes(&c),
                    Err(Error::IdentityPoint)
                );
                assert_eq!(
                    PublicKey::<C>::from_sec1_bytes(&c),
                    Err(Error::IdentityPoint)
                );
            }
            Some((x, y)) => {
                let mut want_c = vec![2 | (y & 1) as u8];
                want_c.extend_from_slice(enc::<C::Base>(x).as_ref());
                let mut want_u = vec![4u8];
                want_u.extend_from_slice(enc::<C::Base>(x).as_ref());
                want_u.extend_from_slice(enc::<C::Base>(y).as_ref());
                assert_eq!(c.as_ref(), &want_c[..], "{name}: compressed {k}G");
                assert_eq!(u.as_ref(), &want_u[..], "{name}: uncompressed {k}G");
                for e in [&c, &u] {
                    assert_eq!(AffinePoint::<C>::from_sec1_bytes(e).unwrap(), a);
                    let pk = PublicKey::<C>::from_sec1_bytes(e).unwrap();
                    assert_eq!(*pk.as_affine(), a);
                    assert_eq!(pk.to_sec1_bytes(true).as_ref(), c.as_ref());
                    assert_eq!(pk.to_sec1_bytes(false).as_ref(), u.as_ref());
                }
                // Wrong lengths and tags.
                assert_eq!(
                    AffinePoint::<C>::from_sec1_bytes(&want_c[..l]),
                    Err(Error::InvalidLength)
                );
                let mut bad = want_c.clone();
                bad[0] = 5;
                assert_eq!(
                    AffinePoint::<C>::from_sec1_bytes(&bad),
                    Err(Error::InvalidEncoding)
                );
            }
        }
    }
}

/// Addition (projective, mixed, subtraction) and equality for every pair of points, doubling for
/// every point, all against the reference.
fn exhaustive_group_law<C: Toy>() {
    let r = Reference::new::<C>();
    let (n, name) = (C::N as usize, C::NAME);
    let pts: Vec<Pt> = (0..n as u64).map(|k| r.g(k)).collect();
    let aff: Vec<AffinePoint<C>> = pts.iter().map(|&pt| to_crate::<C>(pt)).collect();
    let p1: Vec<ProjectivePoint<C>> = aff.iter().map(|a| a.to_projective()).collect();
    let p2: Vec<ProjectivePoint<C>> = p1.iter().map(|&q| q.double() - q).collect();
    // More identity representatives: P + (−P) for a few P, and doublings of the identity.
    let mut identities = vec![ProjectivePoint::<C>::IDENTITY, p2[0], p1[0].double()];
    identities.extend((1..n).step_by(37).map(|i| p2[i] + -p2[i]));
    for o in &identities {
        assert!(
            bool::from(o.is_identity()),
            "{name}: identity representative"
        );
        assert_eq!(from_proj(o), None);
        for (j, &q) in pts.iter().enumerate() {
            assert_eq!(from_proj(&(*o + p2[j])), q, "{name}: O + {j}G");
            assert_eq!(from_proj(&(p2[j] + *o)), q, "{name}: {j}G + O");
            assert_eq!(*o == p2[j], j == 0, "{name}: O == {j}G");
        }
    }
    for i in 0..n {
        let dbl = r.add(pts[i], pts[i]);
        assert_eq!(dbl, pts[2 * i % n], "{name}: reference 2·({i}G)");
        assert_eq!(
            from_proj(&p1[i].double()),
            dbl,
            "{name}: double({i}G), Z = 1"
        );
        assert_eq!(from_proj(&p2[i].double()), dbl, "{name}: double({i}G)");
        for j in 0..n {
            let want = r.add(pts[i], pts[j]);
            // The reference's own consistency: iG + jG = (i + j)G.
            assert_eq!(want, pts[(i + j) % n], "{name}: reference {i}G + {j}G");
            assert_eq!(
                from_proj(&(p1[i] + p1[j])),
                want,
                "{name}: {i}G + {j}G, Z = 1"
            );
            assert_eq!(from_proj(&(p2[i] + p2[j])), want, "{name}: {i}G + {j}G");
            assert_eq!(
                from_proj(&(p2[i] + aff[j])),
                want,
                "{name}: {i}G + {j}G mixed"
            );
            let diff = r.add(pts[i], r.neg(pts[j]));
            assert_eq!(from_proj(&(p2[i] - p1[j])), diff, "{name}: {i}G − {j}G");
            let mut acc = p2[i];
            acc += p1[j];
            acc -= p2[j];
            assert_eq!(acc, p1[i], "{name}: {i}G + {j}G − {j}G");
            assert_eq!(p1[i] == p2[j], i == j, "{name}: {i}G == {j}G");
            let jac = JacobianPoint::from_projective(&p2[i]).add_mixed_vartime(&aff[j]);
            assert_eq!(
                from_proj(&jac.to_projective()),
                want,
                "{name}: {i}G + {j}G Jacobian + affine"
            );
        }
    }
    exhaustive_jacobian::<C>(&identities);
}

/// Jacobian coordinates for every point: conversions both ways, one to four doublings (each
/// converted back and used in a complete addition, so the identity's representative must be valid
/// there), negation; and every identity representative through the same.
fn exhaustive_jacobian<C: Toy>(identities: &[ProjectivePoint<C>]) {
    let r = Reference::new::<C>();
    let (n, name) = (C::N as usize, C::NAME);
    let g = ProjectivePoint::<C>::GENERATOR;
    let mut inputs: Vec<(usize, ProjectivePoint<C>)> = Vec::new();
    for i in 0..n {
        let p1 = to_crate::<C>(r.g(i as u64)).to_projective();
        inputs.push((i, p1));
        inputs.push((i, p1.double() - p1));
    }
    inputs.extend(identities.iter().map(|o| (0, *o)));
    for (i, p) in inputs {
        let j = JacobianPoint::from_projective(&p);
        assert_eq!(
            bool::from(j.is_identity()),
            i == 0,
            "{name}: is_identity({i}G)"
        );
        assert_eq!(
            from_proj(&j.to_projective()),
            r.g(i as u64),
            "{name}: round trip {i}G"
        );
        assert_eq!(
            from_proj(&j.neg().to_projective()),
            r.neg(r.g(i as u64)),
            "{name}: −{i}G"
        );
        let mut jj = j;
        for t in 1..=4u32 {
            jj = jj.double();
            let k = (i << t) % n;
            let got = jj.to_projective();
            assert_eq!(from_proj(&got), r.g(k as u64), "{name}: 2^{t}·({i}G)");
            assert_eq!(
                from_proj(&(got + g)),
                r.g((k + 1) as u64 % n as u64),
                "{name}: 2^{t}·({i}G) + G"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Scalar multiplication.
// ---------------------------------------------------------------------------------------------

fn sc<C: Curve>(k: u64) -> C::Scalar {
    C::Scalar::from_u64(k)
}

/// Scalars at the edges of the recodings: small values, window boundaries, `n/2`, `n − 1`.
fn edge_scalars(n: u64) -> Vec<u64> {
    let mut v = vec![
        0,
        1,
        2,
        3,
        7,
        8,
        9,
        15,
        16,
        17,
        31,
        32,
        33,
        (n - 1) / 2,
        n.div_ceil(2),
        n - 17,
        n - 16,
        n - 2,
        n - 1,
    ];
    v.sort_unstable();
    v.dedup();
    v
}

/// `mul`, `AffinePoint::mul` and `mul_reference_vartime` for every `k` and every `P`, against the
/// table of multiples built by reference addition; then [`exhaustive_mul_base`].
fn exhaustive_scalar_mul<C: Toy>() {
    let r = Reference::new::<C>();
    let (n, name) = (C::N, C::NAME);
    for j in 0..n {
        let pt = r.g(j);
        let a = to_crate::<C>(pt);
        let p1 = a.to_projective();
        let p2 = p1.double() - p1;
        let mut acc: Pt = None; // k·P, by repeated reference addition
        for k in 0..n {
            let ks = sc::<C>(k);
            assert_eq!(from_proj(&p2.mul(&ks)), acc, "{name}: mul({j}G, {k})");
            assert_eq!(from_proj(&a.mul(&ks)), acc, "{name}: affine mul({j}G, {k})");
            assert_eq!(
                from_proj(&a.mul_public_point_vartime(&ks)),
                acc,
                "{name}: affine mul_public_point_vartime({j}G, {k})"
            );
            let reference = mul_reference_vartime(&p1, &ks);
            assert_eq!(
                from_proj(&reference),
                acc,
                "{name}: mul_reference({j}G, {k})"
            );
            assert_eq!(acc, r.g(j * k), "{name}: reference {k}·({j}G)");
            acc = r.add(acc, pt);
        }
        assert_eq!(acc, None, "{name}: n·({j}G) = O");
    }
    exhaustive_mul_base::<C>();
}

/// `mul_base(k)`, `ProjectivePoint::mul_base(k)` and `G * k` for every `k`.
fn exhaustive_mul_base<C: Toy>() {
    let r = Reference::new::<C>();
    let (n, name) = (C::N, C::NAME);
    for k in 0..n {
        let ks = sc::<C>(k);
        assert_eq!(
            from_proj(&mul_base::<C>(&ks)),
            r.g(k),
            "{name}: mul_base({k})"
        );
        assert_eq!(from_proj(&ProjectivePoint::<C>::mul_base(&ks)), r.g(k));
        assert_eq!(from_proj(&(ProjectivePoint::<C>::GENERATOR * ks)), r.g(k));
    }
}

/// `mul_double_vartime(a, b, P) = a·G + b·P`: every `(a, b)` for a few `P`, and edge scalars for
/// every `P`.
fn exhaustive_mul_double<C: Toy>() {
    let r = Reference::new::<C>();
    let (n, name) = (C::N, C::NAME);
    let check = |a: u64, b: u64, j: u64, p: &ProjectivePoint<C>| {
        let want = r.add(r.g(a), r.g(b * j)); // a·G + b·(jG) by reference addition
        let got = mul_double_vartime(&sc::<C>(a), &sc::<C>(b), p);
        assert_eq!(from_proj(&got), want, "{name}: {a}·G + {b}·({j}G)");
    };
    // Every (a, b) against P = 5G: every entry of both tables, every NAF digit of both scalars.
    let p5 = to_crate::<C>(r.g(5)).to_projective();
    for a in 0..n {
        for b in 0..n {
            check(a, b, 5, &p5);
        }
    }
    let edges = edge_scalars(n);
    for j in 0..n {
        let p1 = to_crate::<C>(r.g(j)).to_projective();
        let p2 = p1.double() - p1;
        for &a in &edges {
            for &b in &edges {
                check(a, b, j, &p2);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Keys, ECDH, ECDSA.
// ---------------------------------------------------------------------------------------------

fn exhaustive_ecdsa<C: Toy>() {
    let r = Reference::new::<C>();
    let (n, name) = (C::N, C::NAME);
    let nlen = 64 - n.leading_zeros();
    let l = byte_len::<C::Scalar>();

    // Every byte string as a private key.
    for v in 0..(1u64 << (8 * l)) {
        let bytes = enc::<C::Scalar>(v);
        let key = SecretKey::<C>::from_bytes(bytes.as_ref());
        if v == 0 || v >= n {
            assert_eq!(key.unwrap_err(), Error::OutOfRange, "{name}: key {v}");
        } else {
            assert_eq!(*key.unwrap().to_bytes(), bytes, "{name}: key {v}");
        }
    }
    assert_eq!(
        SecretKey::<C>::from_bytes(&vec![1u8; l + 1]).unwrap_err(),
        Error::InvalidLength
    );

    let (mut signed, mut failed, mut coincidences, mut reduced) = (0u32, 0u32, 0u32, 0u32);
    for d in 1..n {
        let q = r.g(d);
        let sk = SecretKey::<C>::from_bytes(enc::<C::Scalar>(d).as_ref()).unwrap();
        let pk = sk.public_key();
        assert_eq!(from_affine(pk.as_affine()), q, "{name}: public key of {d}");
        let vk = VerifyingKey::<C>::from(pk);
        for compress in [true, false] {
            let e = vk.to_sec1_bytes(compress);
            assert_eq!(VerifyingKey::<C>::from_sec1_bytes(&e).unwrap(), vk);
        }

        // ECDH with three peers.
        for peer in [1, d, (7 * d + 3) % n] {
            if peer == 0 {
                continue;
            }
            let peer_pk = PublicKey::from_affine(to_crate::<C>(r.g(peer))).unwrap();
            let shared = diffie_hellman(&sk, &peer_pk);
            let (x, _) = r.g(d * peer % n).unwrap();
            let want = enc::<C::Base>(x);
            assert_eq!(
                shared.raw_secret_bytes(),
                want.as_ref(),
                "{name}: ECDH {d}·{peer}G"
            );
        }

        // Raw signatures with chosen nonces.
        let d_s = sc::<C>(d);
        let nonces = [0, 1, 2, n - 1, d, n - d, (3 * d + 5) % n];
        let digests = [0, 1, d, n - 1, (7 * d + 11) % n];
        for &k in &nonces {
            for &z in &digests {
                let got = sign_prehashed::<C>(&d_s, &sc::<C>(k), &sc::<C>(z));
                // The reference: r = x(kG) mod n, s = k⁻¹(z + r·d) mod n.
                let want = (k != 0)
                    .then(|| {
                        let (x, _) = r.g(k)?;
                        let rr = x % n;
                        let ss = mul_mod(inv_mod(k, n), (z + mul_mod(rr, d, n)) % n, n);
                        Some((x, rr, ss))
                    })
                    .flatten()
                    .filter(|&(_, rr, ss)| rr != 0 && ss != 0);
                let Some((x, rr, ss)) = want else {
                    assert_eq!(got, Err(Error::SigningFailed), "{name}: d={d} k={k} z={z}");
                    failed += 1;
                    continue;
                };
                let sig = got.unwrap_or_else(|e| panic!("{name}: d={d} k={k} z={z}: {e}"));
                assert_eq!(int(&sig.r()), rr, "{name}: r for d={d} k={k} z={z}");
                assert_eq!(int(&sig.s()), ss, "{name}: s for d={d} k={k} z={z}");
                signed += 1;
                reduced += u32::from(x >= n);
                check_signature(&r, &vk, d, z, &sig, nlen);
                if r.verify(d, (z + 1) % n, rr, ss) {
                    coincidences += 1;
                }
                // The true recovery id of R = kG.
                let (_, y) = r.g(k).unwrap();
                let recid = RecoveryId::new(y & 1 == 1, x >= n);
                let digest = digest_for(z, nlen, 16, 0);
                assert_eq!(
                    VerifyingKey::<C>::recover_from_prehash(&digest, &sig, recid),
                    Ok(vk),
                    "{name}: recovery d={d} k={k} z={z}"
                );
            }
        }

        // RFC 6979 signing.
        let signing = SigningKey::<C>::from(sk.clone());
        assert_eq!(signing.verifying_key(), &vk);
        for t in [d, 0xffff] {
            let digest = digest_for(t, nlen, 32, 0x5a);
            let (sig, recid) = signing.sign_prehash_recoverable(&digest).unwrap();
            vk.verify_prehash(&digest, &sig).unwrap();
            if C::LOW_S {
                assert!(bool::from(sig.is_low_s()), "{name}: low S");
            }
            let got = VerifyingKey::<C>::recover_from_prehash(&digest, &sig, recid);
            assert_eq!(got, Ok(vk), "{name}: RFC 6979 recovery d={d}");
        }
        let msg = d.to_be_bytes();
        let (sig, recid) = signing.sign_recoverable(&msg);
        vk.verify(&msg, &sig).unwrap();
        assert_eq!(
            VerifyingKey::<C>::recover_from_msg(&msg, &sig, recid),
            Ok(vk)
        );
    }
    assert!(
        failed > 0 && signed > 0 && coincidences > 0,
        "{name}: cases exercised"
    );
    assert_eq!(reduced > 0, n < C::P, "{name}: x(R) ≥ n happens iff n < p");
    println!(
        "{name}: {signed} signatures, {failed} rejected (k = 0, r = 0 or s = 0), \
         {coincidences} verify on z + 1 as well, {reduced} with x(R) ≥ n"
    );

    // Every nlen-bit digest prefix reduces mod n.
    let d = 2;
    let d_s = sc::<C>(d);
    let vk = VerifyingKey::<C>::from(
        SecretKey::<C>::from_bytes(enc::<C::Scalar>(d).as_ref())
            .unwrap()
            .public_key(),
    );
    for t in 0..(1u64 << nlen) {
        let z = t % n;
        let sig = sign_prehashed::<C>(&d_s, &sc::<C>(3), &sc::<C>(z));
        let Ok(sig) = sig else { continue };
        for (len, filler) in [(16, 0x00), (16, 0xff), (64, 0xa5)] {
            let digest = digest_for(t, nlen, len, filler);
            assert!(
                vk.verify_prehash(&digest, &sig).is_ok(),
                "{name}: digest prefix {t}"
            );
        }
    }

    // Random keys: every key is reachable, none out of range.
    let mut rng: rand::rngs::StdRng = rand::SeedableRng::seed_from_u64(4);
    let mut seen = vec![false; n as usize];
    for _ in 0..40 * n {
        let key = SecretKey::<C>::random(&mut rng);
        let d = key
            .to_bytes()
            .as_ref()
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        seen[d as usize] = true;
    }
    assert!(
        !seen[0] && seen[1..].iter().all(|&s| s),
        "{name}: SecretKey::random coverage"
    );
}

/// One signature `(r, s)` on digest scalar `z` by key `d`: encodings; verification against the
/// reference on `z`, `z + 1`, under key `d + 1`, with `s` negated; recovery with every id.
fn check_signature<C: Toy>(
    r: &Reference,
    vk: &VerifyingKey<C>,
    d: u64,
    z: u64,
    sig: &Signature<C>,
    nlen: u32,
) {
    let (n, name) = (C::N, C::NAME);
    let (rr, ss) = (int(&sig.r()), int(&sig.s()));
    assert_eq!(Signature::<C>::from_bytes(&sig.to_bytes()), Ok(*sig));
    assert_eq!(Signature::<C>::from_der(sig.to_der().as_bytes()), Ok(*sig));
    for (len, filler) in [(16, 0x00), (32, 0xc3)] {
        let digest = digest_for(z, nlen, len, filler);
        vk.verify_prehash(&digest, sig)
            .unwrap_or_else(|e| panic!("{name}: verify d={d} z={z} len={len}: {e}"));
    }
    // Another digest, another key, the negated s: the reference says whether each verifies.
    let z1 = (z + 1) % n;
    let got = vk.verify_prehash(&digest_for(z1, nlen, 16, 0), sig).is_ok();
    assert_eq!(
        got,
        r.verify(d, z1, rr, ss),
        "{name}: verify d={d} on z+1={z1}"
    );
    let d1 = d % (n - 1) + 1;
    let other = VerifyingKey::from(PublicKey::from_affine(to_crate::<C>(r.g(d1))).unwrap());
    let digest = digest_for(z, nlen, 16, 0);
    let got = other.verify_prehash(&digest, sig).is_ok();
    assert_eq!(
        got,
        r.verify(d1, z, rr, ss),
        "{name}: verify d={d} under key {d1}"
    );
    let negated = Signature::<C>::from_scalars(sig.r(), -sig.s()).unwrap();
    assert_eq!(negated.normalize_s(), sig.normalize_s());
    assert!(
        vk.verify_prehash(&digest, &negated).is_ok(),
        "{name}: (r, n − s)"
    );
    // Recovery with every id.
    for id in 0..4u8 {
        let recid = RecoveryId::from_byte(id).unwrap();
        let got = VerifyingKey::<C>::recover_from_prehash(&digest, sig, recid)
            .ok()
            .map(|k| r.log(from_affine(k.as_public_key().as_affine())));
        assert_eq!(
            got,
            r.recover(z, rr, ss, id),
            "{name}: recover d={d} z={z} id={id}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The tests: one module per curve.
// ---------------------------------------------------------------------------------------------

macro_rules! exhaustive_tests {
    ($module:ident, $curve:ident) => {
        mod $module {
            use super::*;

            #[test]
            fn exhaustive_fields() {
                super::exhaustive_fields::<$curve<false>>();
            }

            #[test]
            fn exhaustive_points() {
                super::exhaustive_points::<$curve<false>>();
            }

            #[test]
            fn exhaustive_group_law() {
                super::exhaustive_group_law::<$curve<false>>();
            }

            #[test]
            fn exhaustive_scalar_mul() {
                super::exhaustive_scalar_mul::<$curve<false>>();
            }

            #[test]
            fn exhaustive_mul_base_tables() {
                super::exhaustive_mul_base::<$curve<true>>();
            }

            #[test]
            fn exhaustive_mul_double() {
                super::exhaustive_mul_double::<$curve<false>>();
            }

            #[test]
            fn exhaustive_mul_double_tables() {
                super::exhaustive_mul_double::<$curve<true>>();
            }

            #[test]
            fn exhaustive_ecdsa_tables() {
                super::exhaustive_ecdsa::<$curve<true>>();
            }
        }
    };
}

exhaustive_tests!(toy257_generic_a, Toy257);
exhaustive_tests!(toy241_a_minus_3, Toy241);
exhaustive_tests!(toy199_a_zero, Toy199);
