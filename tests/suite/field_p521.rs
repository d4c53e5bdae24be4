//! P-521 base and scalar fields against the crypto-bigint oracle.

use crate::{common, field_suite};

use crypto_bigint::{U576, const_prime_monty_params};
use ecckit::field::Field;
use ecckit::field::GenericField;
use ecckit::field::p521::{FieldElement, Scalar};

// Generator 3 is a quadratic non-residue mod p and mod n (Euler's criterion); n ≡ 9 (mod 16), so
// the oracle's square root needs it.
const_prime_monty_params!(
    OracleP,
    U576,
    "00000000000001ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    3
);
const_prime_monty_params!(
    OracleN,
    U576,
    "00000000000001fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
    3
);
type Fp = GenericField<OracleP, 9, 66>;
type Fn = GenericField<OracleN, 9, 66>;

// The oracle suite of `common/field.rs`, once per field.
field_suite!(base_field, FieldElement, Fp);
field_suite!(scalar_field, Scalar, Fn);

fn bytes66(hex: &str) -> [u8; 66] {
    let mut out = [0u8; 66];
    out.copy_from_slice(&common::hex(hex));
    out
}

#[test]
fn known_values() {
    // 66 bytes of 0xff: 2^528 − 1 = 2^7·2^521 − 1 ≡ 2^7 − 1 (mod p).
    assert!(bool::from(FieldElement::from_bytes(&[0xff; 66]).is_none()));
    assert_eq!(
        FieldElement::from_bytes_reduced(&[0xff; 66]),
        FieldElement::from_u64(0x7f)
    );
    // p itself is rejected by from_bytes and reduces to 0.
    let mut p = [0xff; 66];
    p[0] = 0x01;
    assert!(bool::from(FieldElement::from_bytes(&p).is_none()));
    assert_eq!(FieldElement::from_bytes_reduced(&p), FieldElement::ZERO);
    // (p − 1)² = 1.
    let minus_one = -FieldElement::ONE;
    let mut p_minus_1 = p;
    p_minus_1[65] = 0xfe;
    assert_eq!(minus_one.to_bytes(), p_minus_1);
    assert_eq!(minus_one.square(), FieldElement::ONE);
    assert_eq!(minus_one * minus_one, FieldElement::ONE);
    // 2^(−1) = (p + 1)/2 = 2^520.
    let mut half = [0u8; 66];
    half[0] = 0x01;
    assert_eq!(FieldElement::from_u64(2).invert().unwrap().to_bytes(), half);
    // √4 = ±2.
    let r = FieldElement::from_u64(4).sqrt().unwrap();
    assert!(r == FieldElement::from_u64(2) || r == -FieldElement::from_u64(2));

    // Scalars: 2^528 − 1 mod n, and (n − 1)² = 1.
    assert!(bool::from(Scalar::from_bytes(&[0xff; 66]).is_none()));
    assert_eq!(
        Scalar::from_bytes_reduced(&[0xff; 66]).to_bytes(),
        bytes66(
            "000000000000000000000000000000000000000000000000000000000000000002d73cbc3e206834ca\
             4019ff5b847b2d17e2251b23bb31dc28a2482470b763cdfb7f"
        )
    );
    let minus_one_n = -Scalar::ONE;
    assert_eq!(minus_one_n * minus_one_n, Scalar::ONE);
    assert_eq!(minus_one_n.square(), Scalar::ONE);
}

/// The base field keeps unsaturated, loosely reduced limbs between operations (radix `2^58`):
/// long chains of additions, subtractions, negations and doublings on edge values, fed into
/// multiplications and squarings, against the oracle at every step.
#[test]
fn lazy_reduction_chains() {
    let mut p_minus_1 = [0xff; 66];
    p_minus_1[0] = 0x01;
    p_minus_1[65] = 0xfe;
    let mut p_minus_2 = p_minus_1;
    p_minus_2[65] = 0xfd;
    let mut two_520 = [0u8; 66];
    two_520[0] = 0x01;
    let mut limb_edge = [0u8; 66];
    limb_edge[66 - 8] = 0x04; // 2^58: the first limb boundary of the representation
    let edges = [
        [0u8; 66],
        p_minus_1,
        p_minus_2,
        two_520,
        limb_edge,
        [0xff; 66], // reduces to 2^7 − 1
        FieldElement::from_u64(1).to_bytes(),
    ];
    for a0 in &edges {
        for b0 in &edges {
            let (mut x, mut ox) = (
                FieldElement::from_bytes_reduced(a0),
                Fp::from_bytes_reduced(a0),
            );
            let (y, oy) = (
                FieldElement::from_bytes_reduced(b0),
                Fp::from_bytes_reduced(b0),
            );
            for step in 0..40 {
                match step % 8 {
                    0 => (x, ox) = (x + y + y + x, ox + oy + oy + ox),
                    1 => (x, ox) = (x - y - y - y, ox - oy - oy - oy),
                    2 => (x, ox) = (x * y, ox * oy),
                    3 => (x, ox) = (-x - x, -ox - ox),
                    4 => (x, ox) = (x.double().double() * x, ox.double().double() * ox),
                    5 => (x, ox) = ((x - y).square(), (ox - oy).square()),
                    6 => (x, ox) = (FieldElement::ZERO - y - x, Fp::ZERO - oy - ox),
                    _ => (x, ox) = (x + x.square(), ox + ox.square()),
                }
                assert_eq!(x.to_bytes(), ox.to_bytes(), "step {step}");
                assert_eq!(bool::from(x.is_zero()), bool::from(ox.is_zero()));
                assert_eq!(bool::from(x.is_odd()), bool::from(ox.is_odd()));
            }
        }
    }
    // 0 − (p − 1) − (p − 1) − … = k: many subtractions in a row.
    let m1 = FieldElement::from_bytes(&p_minus_1).unwrap();
    let mut acc = FieldElement::ZERO;
    for k in 1..=2000u64 {
        acc -= m1;
        assert_eq!(acc, FieldElement::from_u64(k));
    }
    assert_eq!(acc * acc, FieldElement::from_u64(2000 * 2000));
}

/// Inversion (safegcd on the canonical limbs, constant and variable time) against Fermat's
/// addition chain in the unsaturated representation, and square roots, on edge values and on
/// values left unreduced by additions.
#[test]
fn invert_and_sqrt_edges() {
    let mut x = -FieldElement::ONE;
    for i in 0..100u64 {
        let inv = x.invert();
        let fermat = x.invert_fermat();
        assert_eq!(bool::from(inv.is_some()), bool::from(fermat.is_some()));
        if bool::from(inv.is_some()) {
            assert_eq!(inv.unwrap(), fermat.unwrap());
            assert_eq!(inv.unwrap() * x, FieldElement::ONE);
            assert_eq!(x.invert_vartime().unwrap(), inv.unwrap());
        }
        let sq = x.square();
        let r = sq.sqrt().unwrap();
        assert!(r == x || r == -x);
        x = x + x + FieldElement::from_u64(i);
    }
    assert!(bool::from(FieldElement::ZERO.invert().is_none()));
    assert!(bool::from(FieldElement::ZERO.invert_fermat().is_none()));
}
