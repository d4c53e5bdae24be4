//! Curve25519's parameter set: the Montgomery curve of X25519 and the birationally equivalent
//! twisted Edwards curve of Ed25519, over `F_p`, `p = 2^255 − 19`.
//!
//! Layer: **curves**. Uses the field layer ([`crate::field::curve25519`]) and the build-time tables
//! (`build.rs`, `super::precompute`).
//!
//! This is the second curve shape of the crate (see [the curves module](super), "Curve shapes"),
//! deliberately not an implementation of [`super::Curve`]: the group has cofactor 8, the formulas
//! are Montgomery's ladder and Edwards additions, and the encodings are little-endian.
//!
//! * **Montgomery form** (RFC 7748 §4.1): `v² = u³ + A·u² + u`, `A = 486662`; the base point has
//!   `u = 9`. The ladder uses `a24 = (A − 2)/4 = 121665` (RFC 7748 §5).
//! * **Twisted Edwards form** "edwards25519" (RFC 8032 §5.1): `−x² + y² = 1 + d·x²·y²`,
//!   `d = −121665/121666`, base point `B = (x, 4/5)` with `x` even, of prime order `ℓ`. The maps
//!   are `u = (1 + y)/(1 − y)`, `y = (u − 1)/(u + 1)` (RFC 7748 §4.1).
//! * The group `E(F_p)` has order `8·ℓ`, `ℓ = 2^252 + 27742317777372353535851937790883648493`;
//!   `d` is not a square mod `p` and `a = −1` is, so the Edwards addition law is complete
//!   (Bernstein, Lange, "Faster addition and doubling on elliptic curves", ASIACRYPT 2007,
//!   Theorem 3.3; with the twist, Bernstein, Birkner, Joye, Lange, Peters, "Twisted Edwards
//!   curves", AFRICACRYPT 2008, §6).

use super::params::ED25519;
use super::precompute::NielsLimbs;
use crate::field::curve25519::FieldElement;
use crate::field::limbs;

/// `d = −121665/121666 mod p`, the Edwards coefficient.
pub const EDWARDS_D: FieldElement = FieldElement::from_hex_const(ED25519.d);
/// `2d`, the factor of the extended coordinate `T` in the HWCD addition.
pub const EDWARDS_D2: FieldElement = EDWARDS_D.add_const(&EDWARDS_D);
/// The base point's `x` (even).
pub const BASEPOINT_X: FieldElement = FieldElement::from_hex_const(ED25519.bx);
/// The base point's `y = 4/5`.
pub const BASEPOINT_Y: FieldElement = FieldElement::from_hex_const(ED25519.by);
/// The base point's `t = x·y`.
pub const BASEPOINT_T: FieldElement = FieldElement::from_hex_const(ED25519.bt);
/// `a24 = (A − 2)/4 = 121665`, the Montgomery ladder's constant (RFC 7748 §5).
pub const MONTGOMERY_A24: u64 = 121_665;
/// The Montgomery base point's `u = 9` (RFC 7748 §4.1).
pub const MONTGOMERY_BASEPOINT_U: u64 = 9;
/// The cofactor `h = 8`.
pub const COFACTOR: u64 = 8;

// `ED25519_BASE_TABLE_LIMBS`, `ED25519_ODD_LIMBS` and `ED25519_ODD_2_128_LIMBS`, computed by
// build.rs.
include!(concat!(env!("OUT_DIR"), "/tables_ed25519.rs"));

/// Converts cached affine limbs `(y + x, y − x, 2d·x·y)` into field elements.
const fn niels_to_field(p: &NielsLimbs<4>) -> [FieldElement; 3] {
    [
        FieldElement::from_uint_const(&p[0]),
        FieldElement::from_uint_const(&p[1]),
        FieldElement::from_uint_const(&p[2]),
    ]
}

/// The fixed-base table for signed `w`-bit windows: `(j + 1)·2^(w·i)·B` at `[i][j]`, cached
/// affine coordinates `(y + x, y − x, 2d·x·y)`; one row per digit of a scalar below `ℓ`. The width
/// is chosen in `build.rs`.
pub static BASE_TABLE: [[[FieldElement; 3]; BASE_TABLE_ENTRIES]; BASE_TABLE_ROWS] = {
    let mut out = [[[FieldElement::ZERO; 3]; BASE_TABLE_ENTRIES]; BASE_TABLE_ROWS];
    let mut i = 0;
    while i < BASE_TABLE_ROWS {
        let mut j = 0;
        while j < BASE_TABLE_ENTRIES {
            out[i][j] = niels_to_field(&ED25519_BASE_TABLE_LIMBS[i][j]);
            j += 1;
        }
        i += 1;
    }
    out
};

/// [`niels_to_field`] of each of 64 odd multiples.
const fn odd_multiples_to_field(limbs: &[NielsLimbs<4>; 64]) -> [[FieldElement; 3]; 64] {
    let mut out = [[FieldElement::ZERO; 3]; 64];
    let mut i = 0;
    while i < 64 {
        out[i] = niels_to_field(&limbs[i]);
        i += 1;
    }
    out
}

/// `[B, 3B, 5B, …, 127B]`, cached affine coordinates, for the width-8 NAF of verification.
pub static BASE_ODD_MULTIPLES: [[FieldElement; 3]; 64] = odd_multiples_to_field(&ED25519_ODD_LIMBS);

/// `[P, 3P, 5P, …, 127P]` for `P = 2^128·B`, cached affine coordinates, for the width-8 NAF of
/// the high half of verification's base-point scalar.
pub static BASE_2_128_ODD_MULTIPLES: [[FieldElement; 3]; 64] =
    odd_multiples_to_field(&ED25519_ODD_2_128_LIMBS);

// The parameters are checked where they are written: `p` is the field's modulus, `d·121666 =
// −121665`, `B` is on the curve, `y = 4/5` and `t = x·y`. (`const` arithmetic through the Montgomery helper
// of the table builder.)
const _: () = assert!(
    super::precompute::limbs_eq(
        &limbs::from_be_hex::<4>(ED25519.p),
        &<crate::field::curve25519::Curve25519Base as crate::field::UnsaturatedParams<5, 4>>::MODULUS
    ),
    "edwards25519: p is not the field's modulus"
);
const _: () = assert!(
    super::precompute::edwards_params_ok(&ED25519),
    "edwards25519: d, B or 4/5 do not match the curve"
);
