//! NIST P-384 (secp384r1), FIPS 186-5 / SP 800-186 §3.2.1.4.

use super::params;
use super::precompute::{self, CurveLimbs, limbs_eq};
use super::tables;
use super::{AShape, Curve};
use crate::field::LimbParams;
use crate::field::p384::{FieldElement, P384Base, Scalar};

/// The NIST P-384 curve: `y² = x³ − 3x + b` over `F_p`, `p = 2^384 − 2^128 − 2^96 + 2^32 − 1`.
///
/// The type parameter of the generic API; [`crate::p384`] names its instances.
///
/// ```
/// use ecckit::curves::{Curve, NistP384};
/// use ecckit::keys::SecretKey;
///
/// let key = SecretKey::<NistP384>::random(&mut rand::rng());
/// assert_eq!(key.public_key(), ecckit::p384::SecretKey::from_bytes(key.to_bytes().as_ref()).unwrap().public_key());
/// assert!(!NistP384::NAME.is_empty());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NistP384;

/// The curve's constants as canonical limbs.
const LIMBS: CurveLimbs<6> = CurveLimbs::from_hex(&params::P384);
const _: () = assert!(limbs_eq(&LIMBS.p, &P384Base::MODULUS));
// What the code assumes of the constants, checked by the compiler: `G` is on the curve, and `a`
// is what `A_SHAPE` says (`B3` is derived from `B` below).
const _: () = assert!(
    precompute::generator_on_curve(&LIMBS),
    "P-384: G is not on the curve"
);
const _: () = assert!(
    precompute::a_is_minus_three(&LIMBS),
    "P-384: a does not match A_SHAPE = MinusThree"
);

const B: FieldElement = FieldElement::from_uint_const(&LIMBS.b);

// `MUL_BASE_TABLE_LIMBS` and `G_ODD_MULTIPLES_LIMBS`, computed by build.rs.
include!(concat!(env!("OUT_DIR"), "/tables_p384.rs"));

static MUL_BASE_TABLE: [[(FieldElement, FieldElement); 32]; 65] =
    tables::table_to_field(&MUL_BASE_TABLE_LIMBS);
static G_ODD_MULTIPLES: [(FieldElement, FieldElement); G_ODD_COUNT] =
    tables::to_field(&G_ODD_MULTIPLES_LIMBS);

impl Curve for NistP384 {
    type Base = FieldElement;
    type Scalar = Scalar;
    const NAME: &'static str = "P-384";
    const A: FieldElement = FieldElement::from_uint_const(&LIMBS.a);
    const B: FieldElement = B;
    const B3: FieldElement = B.add_const(&B).add_const(&B);
    const A_SHAPE: AShape = AShape::MinusThree;
    /// 5-bit windows: fewer instructions and less time in ECDH than 4-bit ones (the 256-bit
    /// curves gain nothing from them; docs/performance.md, "Scalar multiplication").
    const VARIABLE_BASE_WINDOW: u32 = 5;
    const GENERATOR: (FieldElement, FieldElement) = (
        FieldElement::from_uint_const(&LIMBS.gx),
        FieldElement::from_uint_const(&LIMBS.gy),
    );
    const MUL_BASE_TABLE: Option<super::MulBaseTable<FieldElement>> =
        Some(super::MulBaseTable::W6(&MUL_BASE_TABLE));
    const G_ODD_MULTIPLES: Option<&'static [(FieldElement, FieldElement)]> = Some(&G_ODD_MULTIPLES);
}
