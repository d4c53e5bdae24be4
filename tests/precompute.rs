//! The compile-time table builders (`ecckit::curves::precompute`, run by `build.rs`) evaluated
//! again **at run time**, and checked entry by entry against the point layer's arithmetic.
//!
//! At compile time the builders run inside the const evaluator, which line coverage cannot see;
//! here the same `const fn`s run as ordinary code, so a limb bug in their private field and point
//! arithmetic (Montgomery context, complete addition, batch inversion) shows up as a wrong point.

use ecckit::curves::precompute::{CurveLimbs, limbs_eq, mul_base_table, odd_multiples};
use ecckit::curves::{Curve, NistP224, NistP256, NistP384, NistP521, Secp256k1, params, tables};
use ecckit::field::{Field, LimbField, LimbParams};
use ecckit::point::ProjectivePoint;

/// `k·G` as affine coordinates, by repeated addition in the point layer.
fn multiple<C: Curve>(k: u64) -> (C::Base, C::Base) {
    let g = ProjectivePoint::<C>::GENERATOR;
    let mut acc = ProjectivePoint::<C>::IDENTITY;
    for bit in (0..64).rev() {
        acc = acc.double();
        if (k >> bit) & 1 == 1 {
            acc = acc.add(&g);
        }
    }
    let a = acc.to_affine();
    (a.x(), a.y())
}

/// The first `W` rows of the run-time fixed-base table, and all 64 odd multiples, against the
/// point layer and against the curve's compile-time tables.
fn check<C, P, const N: usize, const W: usize, const K: usize>(hex: &params::CurveHex)
where
    C: Curve<Base = LimbField<P, N>>,
    P: LimbParams<N>,
{
    let limbs = CurveLimbs::<N>::from_hex(hex);
    assert!(limbs_eq(&limbs.p, &P::MODULUS));
    assert!(!limbs_eq(&limbs.gx, &limbs.gy));

    let table = tables::table_to_field::<P, N, W>(&mul_base_table::<N, W, K>(&limbs));
    let compiled = C::MUL_BASE_TABLE.expect("the curve has a fixed-base table");
    let mut row_base = 1u64; // 16^i
    for (i, row) in table.iter().enumerate() {
        assert_eq!(row, &compiled[i], "{} row {i}", C::NAME);
        if i < 4 {
            for (j, entry) in row.iter().enumerate() {
                let k = (j as u64 + 1) * row_base;
                assert_eq!(*entry, multiple::<C>(k), "{} {k}·G", C::NAME);
            }
            row_base *= 16;
        }
    }

    let odd = tables::to_field::<P, N, 64>(&odd_multiples::<N, 64>(&limbs));
    assert_eq!(
        &odd,
        C::G_ODD_MULTIPLES.expect("the curve has odd multiples")
    );
    for (i, entry) in odd.iter().enumerate() {
        assert_eq!(
            *entry,
            multiple::<C>(2 * i as u64 + 1),
            "{} odd {i}",
            C::NAME
        );
    }
    // The conversion keeps canonical values: y² = x³ + ax + b for every entry.
    for (x, y) in table.iter().flatten().chain(odd.iter()) {
        assert_eq!(
            y.square(),
            x.square() * *x + C::A * *x + C::B,
            "{}",
            C::NAME
        );
    }
}

#[test]
fn runtime_tables_p224() {
    use ecckit::field::p224::P224Base;
    check::<NistP224, P224Base, 4, 6, 48>(&params::P224);
}

#[test]
fn runtime_tables_p256() {
    use ecckit::field::p256::P256Base;
    check::<NistP256, P256Base, 4, 6, 48>(&params::P256);
}

#[test]
fn runtime_tables_p384() {
    use ecckit::field::p384::P384Base;
    check::<NistP384, P384Base, 6, 6, 48>(&params::P384);
}

/// P-521's base field is not a `LimbField` (radix `2^58`, see `ecckit::field::p521`): the
/// run-time tables are built in the saturated `LimbField<P521Base, 9>` and compared with the
/// compiled ones through their canonical encodings, then checked against the point layer.
#[test]
fn runtime_tables_p521() {
    use ecckit::field::p521::{FieldElement, P521Base};
    type C = NistP521;
    let limbs = CurveLimbs::<9>::from_hex(&params::P521);
    assert!(limbs_eq(&limbs.p, &P521Base::MODULUS));
    let conv = |(x, y): &(LimbField<P521Base, 9>, LimbField<P521Base, 9>)| {
        (
            FieldElement::from_bytes(&x.to_bytes()).unwrap(),
            FieldElement::from_bytes(&y.to_bytes()).unwrap(),
        )
    };
    let table = tables::table_to_field::<P521Base, 9, 6>(&mul_base_table::<9, 6, 48>(&limbs));
    let compiled = C::MUL_BASE_TABLE.expect("the curve has a fixed-base table");
    let mut row_base = 1u64; // 16^i
    for (i, row) in table.iter().enumerate() {
        let row: Vec<_> = row.iter().map(conv).collect();
        assert_eq!(&row[..], &compiled[i][..], "P-521 row {i}");
        if i < 4 {
            for (j, entry) in row.iter().enumerate() {
                let k = (j as u64 + 1) * row_base;
                assert_eq!(*entry, multiple::<C>(k), "P-521 {k}·G");
            }
            row_base *= 16;
        }
    }
    let odd = tables::to_field::<P521Base, 9, 64>(&odd_multiples::<9, 64>(&limbs));
    let compiled = C::G_ODD_MULTIPLES.expect("the curve has odd multiples");
    for (i, entry) in odd.iter().map(conv).enumerate() {
        assert_eq!(entry, compiled[i], "P-521 odd {i}");
        assert_eq!(entry, multiple::<C>(2 * i as u64 + 1), "P-521 odd {i}");
        let (x, y) = entry;
        assert_eq!(y.square(), x.square() * x + C::A * x + C::B, "P-521");
    }
}

#[test]
fn runtime_tables_secp256k1() {
    use ecckit::field::secp256k1::Secp256k1Base;
    check::<Secp256k1, Secp256k1Base, 4, 6, 48>(&params::SECP256K1);
}
