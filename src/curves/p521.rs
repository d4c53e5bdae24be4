//! NIST P-521 (secp521r1), FIPS 186-5 / SP 800-186 §3.2.1.5.

use super::params;
use super::precompute::{self, CurveLimbs, limbs_eq};
use super::tables;
use super::{AShape, Curve};
use crate::field::UnsaturatedParams;
use crate::field::p521::{FieldElement, P521Base, Scalar};

/// The NIST P-521 curve: `y² = x³ − 3x + b` over `F_p`, `p = 2^521 − 1`.
///
/// The type parameter of the generic API; [`crate::p521`] names its instances.
///
/// ```
/// use ecckit::curves::{Curve, NistP521};
/// use ecckit::keys::SecretKey;
///
/// let key = SecretKey::<NistP521>::random(&mut rand::rng());
/// assert_eq!(key.public_key(), ecckit::p521::SecretKey::from_bytes(key.to_bytes().as_ref()).unwrap().public_key());
/// assert!(!NistP521::NAME.is_empty());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NistP521;

/// The curve's constants as canonical limbs.
const LIMBS: CurveLimbs<9> = CurveLimbs::from_hex(&params::P521);
const _: () = assert!(limbs_eq(&LIMBS.p, &P521Base::MODULUS));
// What the code assumes of the constants, checked by the compiler: `G` is on the curve, and `a`
// is what `A_SHAPE` says (`B3` is derived from `B` below).
const _: () = assert!(
    precompute::generator_on_curve(&LIMBS),
    "P-521: G is not on the curve"
);
const _: () = assert!(
    precompute::a_is_minus_three(&LIMBS),
    "P-521: a does not match A_SHAPE = MinusThree"
);

const B: FieldElement = FieldElement::from_uint_const(&LIMBS.b);

// `MUL_BASE_TABLE_LIMBS` and `G_ODD_MULTIPLES_LIMBS`, computed by build.rs.
include!(concat!(env!("OUT_DIR"), "/tables_p521.rs"));

static MUL_BASE_TABLE: [[(FieldElement, FieldElement); 16]; 105] =
    tables::table_to_unsaturated_field(&MUL_BASE_TABLE_LIMBS);
static G_ODD_MULTIPLES: [(FieldElement, FieldElement); G_ODD_COUNT] =
    tables::to_unsaturated_field(&G_ODD_MULTIPLES_LIMBS);

impl Curve for NistP521 {
    type Base = FieldElement;
    type Scalar = Scalar;
    const NAME: &'static str = "P-521";
    const A: FieldElement = FieldElement::from_uint_const(&LIMBS.a);
    const B: FieldElement = B;
    const B3: FieldElement = B.add_const(&B).add_const(&B);
    const A_SHAPE: AShape = AShape::MinusThree;
    /// 5-bit windows: fewer instructions per ECDH than 4-bit ones here (docs/performance.md,
    /// "Scalar multiplication"); the 256-bit curves gain nothing from them.
    const VARIABLE_BASE_WINDOW: u32 = 5;
    const GENERATOR: (FieldElement, FieldElement) = (
        FieldElement::from_uint_const(&LIMBS.gx),
        FieldElement::from_uint_const(&LIMBS.gy),
    );
    const MUL_BASE_TABLE: Option<super::MulBaseTable<FieldElement>> =
        Some(super::MulBaseTable::W5(&MUL_BASE_TABLE));
    const G_ODD_MULTIPLES: Option<&'static [(FieldElement, FieldElement)]> = Some(&G_ODD_MULTIPLES);
}
