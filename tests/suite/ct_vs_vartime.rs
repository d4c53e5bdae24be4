//! Constant-time vs variable-time agreement, by property test, on every real curve: each
//! constant-time path must compute exactly what the plain variable-time one does.
//!
//! * variable base: [`mul`], `ProjectivePoint::mul`, `AffinePoint::mul` and `P * k` against
//!   [`mul_reference_vartime`] (double-and-add);
//! * fixed base: [`mul_base`] and `ProjectivePoint::mul_base` against `mul_reference_vartime(G, k)`;
//! * double base: [`mul_double_vartime`]`(a, b, P)` against `mul(G, a) + mul(P, b)`;
//! * `to_affine` against `to_affine_vartime`, on every point computed above;
//! * `invert` against `invert_vartime` in both fields.
//!
//! Scalars and field elements are drawn as raw bytes of the encoding length and reduced with
//! `Field::from_bytes_reduced`, weighted to the edges: 0, 1, 2, `m − 1`, `m − 2`, `m`, `m + 1`,
//! `(m ± 1)/2`, small values, `m` minus small values, all-ones and high-bit patterns.

use ecckit::curves::{Curve, NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::field::{ByteArray, Field};
use ecckit::point::ProjectivePoint;
use ecckit::point::mul::{mul, mul_base, mul_double_vartime, mul_reference_vartime};
use proptest::prelude::*;

/// Big-endian `v + delta`, wrapping at the array length.
fn add_small_be(v: &[u8], delta: i64) -> Vec<u8> {
    let mut out = v.to_vec();
    let mut carry = delta;
    for b in out.iter_mut().rev() {
        let x = i64::from(*b) + carry;
        *b = x.rem_euclid(256) as u8;
        carry = x.div_euclid(256);
    }
    out
}

fn small_be(len: usize, v: u64) -> Vec<u8> {
    add_small_be(&vec![0u8; len], v as i64)
}

/// Byte strings of the encoding length of `F` (modulus `m`), weighted to the edges.
fn field_bytes<F: Field>() -> impl Strategy<Value = Vec<u8>> {
    let m_minus_1 = (-F::ONE).to_bytes().as_ref().to_vec();
    let half = (-F::ONE * F::from_u64(2).invert().unwrap()).to_bytes(); // (m − 1)/2
    let len = m_minus_1.len();
    let mut top_bit = vec![0u8; len];
    top_bit[0] = 0x80;
    let edges = vec![
        small_be(len, 0),
        small_be(len, 1),
        small_be(len, 2),
        add_small_be(&m_minus_1, -1),
        m_minus_1.clone(),
        add_small_be(&m_minus_1, 1), // m (reduces to 0)
        add_small_be(&m_minus_1, 2), // m + 1
        half.as_ref().to_vec(),
        add_small_be(half.as_ref(), 1),
        vec![0xff; len],
        add_small_be(&top_bit, -1),
        top_bit,
    ];
    let near_m = m_minus_1.clone();
    prop_oneof![
        3 => proptest::sample::select(edges),
        1 => (0u64..64).prop_map(move |v| small_be(len, v)),
        1 => (1i64..64).prop_map(move |v| add_small_be(&near_m, -v)),
        // High bits set: a run of 0xff at the top, random below.
        1 => (proptest::collection::vec(any::<u8>(), len), 1..len).prop_map(|(mut v, k)| {
            v[..k].fill(0xff);
            v
        }),
        4 => proptest::collection::vec(any::<u8>(), len),
    ]
}

fn reduce<F: Field>(bytes: &[u8]) -> F {
    let mut b = F::Bytes::zeroed();
    b.as_mut().copy_from_slice(bytes);
    F::from_bytes_reduced(&b)
}

/// `invert` = `invert_vartime`, both `None` exactly for zero, and the inverse is one.
fn check_invert<F: Field>(v: &F, what: &str) -> Result<(), TestCaseError> {
    let ct = v.invert();
    let vt = v.invert_vartime();
    prop_assert_eq!(
        bool::from(ct.is_some()),
        !bool::from(v.is_zero()),
        "{}",
        what
    );
    prop_assert_eq!(
        bool::from(vt.is_some()),
        !bool::from(v.is_zero()),
        "{}",
        what
    );
    if bool::from(ct.is_some()) {
        let (ct, vt) = (ct.unwrap(), vt.unwrap());
        prop_assert_eq!(ct, vt, "{}: invert vs invert_vartime", what);
        prop_assert_eq!(ct * *v, F::ONE, "{}: inverse", what);
    }
    Ok(())
}

/// All agreements for scalars `a`, `b`, the point `P = c·G`, and the base-field element `x`.
fn check<C: Curve>(a: &[u8], b: &[u8], c: &[u8], x: &[u8]) -> Result<(), TestCaseError> {
    let (a, b, c) = (
        reduce::<C::Scalar>(a),
        reduce::<C::Scalar>(b),
        reduce::<C::Scalar>(c),
    );
    let x = reduce::<C::Base>(x);
    let g = ProjectivePoint::<C>::GENERATOR;
    let p = mul_reference_vartime(&g, &c);

    // Variable base.
    let a_p = mul_reference_vartime(&p, &a);
    prop_assert_eq!(mul(&p, &a), a_p, "mul");
    prop_assert_eq!(p.mul(&a), a_p, "ProjectivePoint::mul");
    prop_assert_eq!(p.to_affine().mul(&a), a_p, "AffinePoint::mul");
    prop_assert_eq!(
        p.to_affine().mul_public_point_vartime(&a),
        a_p,
        "AffinePoint::mul_public_point_vartime"
    );
    prop_assert_eq!(p * a, a_p, "P * k");

    // Fixed base.
    let a_g = mul_reference_vartime(&g, &a);
    prop_assert_eq!(mul_base::<C>(&a), a_g, "mul_base");
    prop_assert_eq!(
        ProjectivePoint::<C>::mul_base(&a),
        a_g,
        "ProjectivePoint::mul_base"
    );
    prop_assert_eq!(mul(&g, &a), a_g, "mul(G)");

    // Double base.
    let b_p = mul(&p, &b);
    prop_assert_eq!(b_p, mul_reference_vartime(&p, &b), "mul");
    let sum = mul_double_vartime(&a, &b, &p);
    prop_assert_eq!(sum, mul(&g, &a) + b_p, "mul_double_vartime");
    prop_assert_eq!(
        mul_double_vartime(&a, &b, &g),
        mul_base::<C>(&(a + b)),
        "a·G + b·G"
    );

    // Affine conversion, on points with assorted Z (and the identity).
    let zero = p + -p; // the identity with Z = 0 from the formulas
    for q in [p, a_p, a_g, b_p, sum, ProjectivePoint::IDENTITY, zero] {
        let (ct, vt) = (q.to_affine(), q.to_affine_vartime());
        prop_assert_eq!(ct, vt, "to_affine vs to_affine_vartime");
        prop_assert!(bool::from(ct.is_on_curve()));
        prop_assert_eq!(bool::from(ct.is_identity()), bool::from(q.is_identity()));
        prop_assert_eq!(ct.to_projective(), q);
    }

    // Inversion in both fields.
    check_invert(&x, "base field")?;
    check_invert(&(x + C::Base::ONE), "base field")?;
    check_invert(&a, "scalar field")?;
    check_invert(&b, "scalar field")?;
    Ok(())
}

macro_rules! ct_vs_vartime {
    ($name:ident, $curve:ty, $cases:expr) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases($cases))]
            #[test]
            fn $name(
                a in field_bytes::<<$curve as Curve>::Scalar>(),
                b in field_bytes::<<$curve as Curve>::Scalar>(),
                c in field_bytes::<<$curve as Curve>::Scalar>(),
                x in field_bytes::<<$curve as Curve>::Base>(),
            ) {
                check::<$curve>(&a, &b, &c, &x)?;
            }
        }
    };
}

ct_vs_vartime!(ct_vs_vartime_p224, NistP224, 256);
ct_vs_vartime!(ct_vs_vartime_p256, NistP256, 256);
ct_vs_vartime!(ct_vs_vartime_p384, NistP384, 64);
ct_vs_vartime!(ct_vs_vartime_p521, NistP521, 64);
ct_vs_vartime!(ct_vs_vartime_secp256k1, Secp256k1, 256);
