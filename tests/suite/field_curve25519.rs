//! Curve25519 base field (2^255 − 19) and scalar field (ℓ) against the crypto-bigint oracle.

use crate::{common, field_suite};

use crypto_bigint::{U256, const_prime_monty_params};
use ecckit::field::Field;
use ecckit::field::GenericField;
use ecckit::field::curve25519::{FieldElement, Scalar};
use proptest::prelude::*;

// 2 is a quadratic non-residue mod p and mod ℓ (both ≡ 5 mod 8).
const_prime_monty_params!(
    OracleP,
    U256,
    "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed",
    2
);
const_prime_monty_params!(
    OracleL,
    U256,
    "1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed",
    2
);
type Fp = GenericField<OracleP, 4, 32>;
type Fl = GenericField<OracleL, 4, 32>;

// The oracle suite of `common/field.rs`, once per field.
field_suite!(base_field, FieldElement, Fp);
field_suite!(scalar_field, Scalar, Fl);

fn le(be: [u8; 32]) -> [u8; 32] {
    let mut b = be;
    b.reverse();
    b
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The little-endian decoders and the 512-bit reduction against the oracle.
    #[test]
    fn little_endian_and_wide(bytes in proptest::collection::vec(any::<u8>(), 64)) {
        let wide: [u8; 64] = bytes.clone().try_into().unwrap();
        let half: [u8; 32] = bytes[..32].try_into().unwrap();
        // from_le_bytes_masked: bit 255 dropped, then mod p.
        let mut masked = le(half);
        masked[0] &= 0x7f;
        prop_assert_eq!(FieldElement::from_le_bytes_masked(&half).to_bytes(),
            Fp::from_bytes_reduced(&masked).to_bytes());
        let strict = FieldElement::from_le_bytes(&half);
        prop_assert_eq!(bool::from(strict.is_some()), bool::from(Fp::from_bytes(&le(half)).is_some()));
        // Scalars: mod ℓ from 256 and 512 bits.
        prop_assert_eq!(Scalar::from_le_bytes_reduced(&half).to_bytes(),
            Fl::from_bytes_reduced(&le(half)).to_bytes());
        let lo = Fl::from_bytes_reduced(&le(half));
        let hi = Fl::from_bytes_reduced(&le(wide[32..].try_into().unwrap()));
        let two128 = Fl::from_bytes_reduced(&{ let mut b = [0u8; 32]; b[15] = 1; b });
        let expected = lo + hi * two128 * two128;
        prop_assert_eq!(Scalar::from_le_bytes_wide(&wide).to_bytes(), expected.to_bytes());
        prop_assert_eq!(le(Scalar::from_le_bytes_wide(&wide).to_le_bytes()), expected.to_bytes());
    }

    /// √(u/v) against the oracle's square root.
    #[test]
    fn sqrt_ratio(u in common::field::field_bytes::<Fp>(), v in common::field::field_bytes::<Fp>()) {
        let (u, v) = (u.try_into().unwrap(), v.try_into().unwrap());
        let (fu, fv) = (FieldElement::from_bytes_reduced(&u), FieldElement::from_bytes_reduced(&v));
        let (ou, ov) = (Fp::from_bytes_reduced(&u), Fp::from_bytes_reduced(&v));
        let (ok, r) = FieldElement::sqrt_ratio(&fu, &fv);
        let quotient = ov.invert().map(|vi| ou * vi);
        let expected_ok = bool::from(quotient.is_some()) && bool::from(quotient.unwrap().sqrt().is_some())
            || bool::from(ou.is_zero());
        prop_assert_eq!(bool::from(ok), expected_ok);
        if bool::from(ok) {
            prop_assert_eq!((r.square() * fv).to_bytes(), fu.to_bytes());
            prop_assert!(!bool::from(r.is_odd()));
        }
    }
}
