//! secp256k1, SEC 2 v2.0 §2.4.1: the Koblitz curve used by Bitcoin and Ethereum.

use super::params;
use super::precompute::{self, CurveLimbs, limbs_eq};
use super::tables;
use super::{AShape, Curve, Endomorphism};
use crate::field::secp256k1::{FieldElement, Scalar, Secp256k1Base, Secp256k1Scalar};
use crate::field::{LimbParams, limbs};

/// secp256k1: `y² = x³ + 7` over `F_p`, `p = 2^256 − 2^32 − 977`.
///
/// The type parameter of the generic API; [`crate::secp256k1`] names its instances.
///
/// ```
/// use ecckit::curves::{Curve, Secp256k1};
/// use ecckit::keys::SecretKey;
///
/// let key = SecretKey::<Secp256k1>::random(&mut rand::rng());
/// assert_eq!(key.public_key(), ecckit::secp256k1::SecretKey::from_bytes(key.to_bytes().as_ref()).unwrap().public_key());
/// assert!(!Secp256k1::NAME.is_empty());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Secp256k1;

/// The curve's constants as canonical limbs.
const LIMBS: CurveLimbs<4> = CurveLimbs::from_hex(&params::SECP256K1);
const _: () = assert!(limbs_eq(&LIMBS.p, &Secp256k1Base::MODULUS));
// What the code assumes of the constants, checked by the compiler: `G` is on the curve, and `a`
// is what `A_SHAPE` says (`B3` is derived from `B` below).
const _: () = assert!(
    precompute::generator_on_curve(&LIMBS),
    "secp256k1: G is not on the curve"
);
const _: () = assert!(
    precompute::a_is_zero(&LIMBS),
    "secp256k1: a does not match A_SHAPE = Zero"
);

const B: FieldElement = FieldElement::from_uint_const(&LIMBS.b);

// `MUL_BASE_TABLE_LIMBS` and `G_ODD_MULTIPLES_LIMBS`, computed by build.rs.
include!(concat!(env!("OUT_DIR"), "/tables_secp256k1.rs"));

static MUL_BASE_TABLE: [[(FieldElement, FieldElement); 32]; 43] =
    tables::table_to_field(&MUL_BASE_TABLE_LIMBS);
static G_ODD_MULTIPLES: [(FieldElement, FieldElement); G_ODD_COUNT] =
    tables::to_field(&G_ODD_MULTIPLES_LIMBS);

/// The GLV endomorphism, from [`params::SECP256K1_GLV`].
const GLV: Endomorphism<Scalar, FieldElement> = {
    let h = &params::SECP256K1_GLV;
    let n = &Secp256k1Scalar::MODULUS;
    let (minus_b2, _) = limbs::sub(n, &limbs::from_be_hex(h.b2));
    Endomorphism {
        beta: FieldElement::from_hex_const(h.beta),
        lambda: Scalar::from_hex_const(h.lambda),
        minus_b1: Scalar::from_hex_const(h.minus_b1),
        minus_b2: Scalar::from_uint_const(&minus_b2),
        g1: limbs::from_be_hex(h.g1),
        g2: limbs::from_be_hex(h.g2),
    }
};

impl Curve for Secp256k1 {
    type Base = FieldElement;
    type Scalar = Scalar;
    const NAME: &'static str = "secp256k1";
    const A: FieldElement = FieldElement::from_uint_const(&LIMBS.a);
    const B: FieldElement = B;
    const B3: FieldElement = B.add_const(&B).add_const(&B);
    const A_SHAPE: AShape = AShape::Zero;
    const GENERATOR: (FieldElement, FieldElement) = (
        FieldElement::from_uint_const(&LIMBS.gx),
        FieldElement::from_uint_const(&LIMBS.gy),
    );
    const MUL_BASE_TABLE: Option<super::MulBaseTable<FieldElement>> =
        Some(super::MulBaseTable::W6(&MUL_BASE_TABLE));
    const G_ODD_MULTIPLES: Option<&'static [(FieldElement, FieldElement)]> = Some(&G_ODD_MULTIPLES);
    const ENDOMORPHISM: Option<Endomorphism<Scalar, FieldElement>> = Some(GLV);
}
