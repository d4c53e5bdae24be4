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

/// The first `W` rows of the run-time fixed-base table (rows of `E` points), and all `O` odd
/// multiples, against the point layer and against the curve's compile-time tables; and the
/// compile-time table's shape (width, row count).
///
/// The run-time tables are built in the saturated `LimbField<P, N>`; `conv` takes an element of
/// it to the curve's base field (the identity for the `LimbField` curves; P-521's base field is
/// radix 2^58, reached through the canonical encoding).
fn check<C, P, const N: usize, const E: usize, const W: usize, const K: usize, const O: usize>(
    hex: &params::CurveHex,
    conv: fn(&LimbField<P, N>) -> C::Base,
) where
    C: Curve,
    P: LimbParams<N>,
{
    let limbs = CurveLimbs::<N>::from_hex(hex);
    assert!(limbs_eq(&limbs.p, &P::MODULUS));
    assert!(!limbs_eq(&limbs.gx, &limbs.gy));

    let pair = |(x, y): &(LimbField<P, N>, LimbField<P, N>)| (conv(x), conv(y));
    let table: Vec<Vec<(C::Base, C::Base)>> =
        tables::table_to_field::<P, N, E, W>(&mul_base_table::<N, E, W, K>(&limbs))
            .iter()
            .map(|row| row.iter().map(pair).collect())
            .collect();
    let compiled = C::MUL_BASE_TABLE.expect("the curve has a fixed-base table");
    let w = compiled.window_bits();
    assert_eq!(1 << (w - 1), E, "{} window", C::NAME);
    // One row per signed digit of a scalar below n: ⌊b/w⌋ + 1 for a b-bit n.
    assert_eq!(
        compiled.rows(),
        C::Scalar::NUM_BITS as usize / w as usize + 1,
        "{} rows",
        C::NAME
    );
    assert!(compiled.entry_vartime(compiled.rows(), 0).is_none());
    assert!(compiled.entry_vartime(0, E).is_none());
    let mut row_base = 1u64; // 2^(w·i)
    for (i, row) in table.iter().enumerate() {
        for (j, entry) in row.iter().enumerate() {
            assert_eq!(
                Some(entry),
                compiled.entry_vartime(i, j),
                "{} row {i}",
                C::NAME
            );
        }
        if i < 4 {
            for (j, entry) in row.iter().enumerate() {
                let k = (j as u64 + 1) * row_base;
                assert_eq!(*entry, multiple::<C>(k), "{} {k}·G", C::NAME);
            }
            row_base <<= w;
        }
    }
    // The compiled table's last row, checked against the point layer: 2^(w·(R−1))·G by `w·(R−1)`
    // doublings, and its multiples by repeated addition.
    let last = compiled.rows() - 1;
    let mut base = ProjectivePoint::<C>::GENERATOR;
    for _ in 0..w as usize * last {
        base = base.double();
    }
    let mut acc = base;
    for j in 0..E {
        let a = acc.to_affine();
        assert_eq!(
            compiled.entry_vartime(last, j),
            Some(&(a.x(), a.y())),
            "{} last row, entry {j}",
            C::NAME
        );
        acc = acc.add(&base);
    }

    let odd: Vec<(C::Base, C::Base)> = tables::to_field::<P, N, O>(&odd_multiples::<N, O>(&limbs))
        .iter()
        .map(pair)
        .collect();
    assert_eq!(
        &odd[..],
        C::G_ODD_MULTIPLES.expect("the curve has odd multiples")
    );
    assert_eq!(multiple::<C>(1), odd[0], "{}", C::NAME);
    let g2 = ProjectivePoint::<C>::GENERATOR.double();
    let mut acc = ProjectivePoint::<C>::GENERATOR;
    for (i, entry) in odd.iter().enumerate() {
        let a = acc.to_affine();
        assert_eq!(*entry, (a.x(), a.y()), "{} odd {i}", C::NAME);
        acc = acc.add(&g2);
    }
    assert_eq!(multiple::<C>(2 * O as u64 - 1), odd[O - 1], "{}", C::NAME);
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

/// The number of odd multiples of `G` that `build.rs` writes for the NIST curves (`G_ODD` there:
/// width-12 NAFs in verification).
const G_ODD: usize = 1024;

/// The same for secp256k1 (`G_ODD_SECP256K1` there: width-15 NAFs).
const G_ODD_SECP256K1: usize = 8192;

#[test]
fn runtime_tables_p224() {
    use ecckit::field::p224::P224Base;
    check::<NistP224, P224Base, 4, 32, 6, 192, G_ODD>(&params::P224, |x| *x);
}

#[test]
fn runtime_tables_p256() {
    use ecckit::field::p256::P256Base;
    check::<NistP256, P256Base, 4, 32, 6, 192, G_ODD>(&params::P256, |x| *x);
}

#[test]
fn runtime_tables_p384() {
    use ecckit::field::p384::P384Base;
    check::<NistP384, P384Base, 6, 32, 6, 192, G_ODD>(&params::P384, |x| *x);
}

#[test]
/// P-521's base field is not a `LimbField` (radix `2^58`, see `ecckit::field::p521`): the
/// run-time tables, built in the saturated `LimbField<P521Base, 9>`, reach it through their
/// canonical encodings.
fn runtime_tables_p521() {
    use ecckit::field::p521::{FieldElement, P521Base};
    check::<NistP521, P521Base, 9, 16, 6, 96, G_ODD>(&params::P521, |x| {
        FieldElement::from_bytes(&x.to_bytes()).expect("canonical")
    });
}

#[test]
/// Run on a thread with a larger stack: the 8192 odd multiples are arrays of 512 KiB, more
/// than one of which the default 2 MiB test thread cannot hold (`build.rs` does the same).
fn runtime_tables_secp256k1() {
    use ecckit::field::secp256k1::Secp256k1Base;
    std::thread::Builder::new()
        .stack_size(32 << 20)
        .spawn(|| {
            check::<Secp256k1, Secp256k1Base, 4, 32, 6, 192, G_ODD_SECP256K1>(
                &params::SECP256K1,
                |x| *x,
            )
        })
        .expect("spawn")
        .join()
        .expect("the secp256k1 table checks pass");
}
