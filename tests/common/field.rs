//! Property-test helpers: a fast field `F` checked operation by operation against an oracle `O`
//! (the crypto-bigint–backed `GenericField` with the same modulus), and `field_suite!`, which makes
//! them the tests of one field.

use ecckit::field::{ByteArray, Field};
use proptest::prelude::*;

/// Big-endian `v + delta` (wrapping), for building values around the modulus.
fn add_small_be(v: &[u8], delta: i16) -> Vec<u8> {
    let mut out = v.to_vec();
    let mut carry = delta as i32;
    for b in out.iter_mut().rev() {
        let x = *b as i32 + carry;
        *b = x.rem_euclid(256) as u8;
        carry = x.div_euclid(256);
    }
    out
}

/// Inputs weighted to the edges: 0, 1, 2, p−2, p−1, p, p+1, all-ones, limb boundaries `2^(64k) ± 1`,
/// and uniformly random byte strings.
pub fn field_bytes<O: Field>() -> impl Strategy<Value = Vec<u8>> {
    let p_minus_1 = (O::ZERO - O::ONE).to_bytes().as_ref().to_vec();
    let len = p_minus_1.len();
    let mut edges = vec![
        vec![0u8; len],
        add_small_be(&vec![0u8; len], 1),
        add_small_be(&vec![0u8; len], 2),
    ];
    for d in [-1i16, 0, 1, 2] {
        edges.push(add_small_be(&p_minus_1, d));
    }
    edges.push(vec![0xff; len]);
    for k in 1..=(len / 8) {
        let mut v = vec![0u8; len];
        if len > 8 * k {
            v[len - 8 * k - 1] = 1; // 2^(64k)
            edges.push(v.clone());
            edges.push(add_small_be(&v, -1));
            edges.push(add_small_be(&v, 1));
        }
    }
    prop_oneof![
        1 => proptest::sample::select(edges),
        2 => proptest::collection::vec(any::<u8>(), len),
    ]
}

fn to_array<F: Field>(v: &[u8]) -> F::Bytes {
    let mut b = F::Bytes::zeroed();
    b.as_mut().copy_from_slice(v);
    b
}

fn enc<F: Field>(x: F) -> Vec<u8> {
    x.to_bytes().as_ref().to_vec()
}

/// Every field operation of `F` agrees with the oracle `O` on inputs `a` and `b`.
pub fn check_against_oracle<F: Field, O: Field>(a: &[u8], b: &[u8]) -> Result<(), TestCaseError> {
    // Decoding: canonical acceptance and reduction.
    let fa = F::from_bytes(&to_array::<F>(a));
    let oa = O::from_bytes(&to_array::<O>(a));
    prop_assert_eq!(
        bool::from(fa.is_some()),
        bool::from(oa.is_some()),
        "from_bytes validity"
    );
    let x = F::from_bytes_reduced(&to_array::<F>(a));
    let y = F::from_bytes_reduced(&to_array::<F>(b));
    let ox = O::from_bytes_reduced(&to_array::<O>(a));
    let oy = O::from_bytes_reduced(&to_array::<O>(b));
    prop_assert_eq!(enc(x), enc(ox), "from_bytes_reduced");
    prop_assert_eq!(enc(y), enc(oy));
    if bool::from(fa.is_some()) {
        prop_assert_eq!(enc(fa.unwrap()), a.to_vec(), "canonical round trip");
    }
    prop_assert_eq!(enc(x + y), enc(ox + oy), "add");
    prop_assert_eq!(enc(x - y), enc(ox - oy), "sub");
    prop_assert_eq!(enc(x * y), enc(ox * oy), "mul");
    prop_assert_eq!(enc(-x), enc(-ox), "neg");
    prop_assert_eq!(enc(x.square()), enc(ox.square()), "square");
    prop_assert_eq!(enc(x.double()), enc(ox.double()), "double");
    prop_assert_eq!(enc(x.half()), enc(ox.half()), "half");
    prop_assert_eq!(x.half().double(), x, "half then double");
    prop_assert_eq!(bool::from(x.is_zero()), bool::from(ox.is_zero()), "is_zero");
    prop_assert_eq!(bool::from(x.is_odd()), bool::from(ox.is_odd()), "is_odd");
    let (xi, oxi) = (x.invert(), ox.invert());
    prop_assert_eq!(
        bool::from(xi.is_some()),
        bool::from(oxi.is_some()),
        "invert is_some"
    );
    if bool::from(xi.is_some()) {
        prop_assert_eq!(enc(xi.unwrap()), enc(oxi.unwrap()), "invert");
        prop_assert_eq!(
            enc(x.invert_vartime().unwrap()),
            enc(oxi.unwrap()),
            "invert_vartime"
        );
    }
    let r = x.sqrt();
    let is_square = bool::from(ox.is_zero()) || {
        // Euler's criterion through the oracle: x is a square iff it has a square root there.
        bool::from(ox.sqrt().is_some())
    };
    prop_assert_eq!(bool::from(r.is_some()), is_square, "sqrt existence");
    if bool::from(r.is_some()) {
        prop_assert_eq!(r.unwrap().square(), x, "sqrt");
    }
    // x² always has a root.
    let sq = x.square().sqrt();
    prop_assert!(bool::from(sq.is_some()));
    prop_assert_eq!(sq.unwrap().square(), x.square());
    Ok(())
}

/// Small-integer conversion and the constants.
pub fn check_constants<F: Field, O: Field>() {
    for v in [0u64, 1, 2, 3, 0xffff_ffff, u64::MAX] {
        assert_eq!(enc(F::from_u64(v)), enc(O::from_u64(v)));
    }
    assert_eq!(enc(F::ONE), enc(O::ONE));
    assert_eq!(enc(F::ZERO), enc(O::ZERO));
    assert_eq!(F::NUM_BITS, O::NUM_BITS);
}

/// The squaring of `F` on edge values — 0, 1, 2, p−2, p−1, and values whose limbs are all ones,
/// zero or alternate (each reduced mod p) — agrees with `x·x` and with the oracle's square.
pub fn check_square_edges<F: Field, O: Field>() {
    let p_minus_1 = enc(O::ZERO - O::ONE);
    let len = p_minus_1.len();
    let mut values = vec![
        vec![0u8; len],
        add_small_be(&vec![0u8; len], 1),
        add_small_be(&vec![0u8; len], 2),
        add_small_be(&p_minus_1, -1),
        p_minus_1.clone(),
        vec![0xff; len],
    ];
    // All-ones limbs alternating with zero limbs, from either end, and all-ones below the top
    // limb.
    for phase in 0..2 {
        let mut v = vec![0u8; len];
        for (i, b) in v.iter_mut().rev().enumerate() {
            if (i / 8) % 2 == phase {
                *b = 0xff;
            }
        }
        values.push(v);
    }
    let mut low_ones = vec![0xff; len];
    for b in low_ones.iter_mut().take(len - 8 * ((len - 1) / 8)) {
        *b = 0;
    }
    values.push(low_ones);
    for v in &values {
        let x = F::from_bytes_reduced(&to_array::<F>(v));
        let ox = O::from_bytes_reduced(&to_array::<O>(v));
        assert_eq!(enc(x.square()), enc(ox.square()), "square of {v:02x?}");
        assert_eq!(x.square(), x * x, "square vs mul of {v:02x?}");
    }
    assert_eq!(F::ZERO.square(), F::ZERO);
    assert_eq!(F::ONE.square(), F::ONE);
    assert_eq!((-F::ONE).square(), F::ONE);
}

/// The suite above for one field, as a module `$name` of three tests: `against_oracle` (the
/// property test of every operation on 2000 input pairs weighted to the edges), `constants` and
/// `square_edges`. `$field` is the field under test and `$oracle` the `GenericField` with the same
/// modulus; both are named as at the call site. The checks are the generic functions of this
/// module, written once; the macro only emits the `#[test]` items for each field, in the manner of
/// RustCrypto's `test_primefield!`. Exported (at the root of each test crate) so that the test
/// files that share `common` without calling it raise no unused-macro warning.
#[macro_export]
macro_rules! field_suite {
    ($name:ident, $field:ty, $oracle:ty) => {
        mod $name {
            use super::*;
            use $crate::common::field::{
                check_against_oracle, check_constants, check_square_edges, field_bytes,
            };

            ::proptest::proptest! {
                #![proptest_config(::proptest::prelude::ProptestConfig::with_cases(2000))]
                #[test]
                fn against_oracle(a in field_bytes::<$oracle>(), b in field_bytes::<$oracle>()) {
                    check_against_oracle::<$field, $oracle>(&a, &b)?;
                }
            }

            #[test]
            fn constants() {
                check_constants::<$field, $oracle>();
            }

            #[test]
            fn square_edges() {
                check_square_edges::<$field, $oracle>();
            }
        }
    };
}
