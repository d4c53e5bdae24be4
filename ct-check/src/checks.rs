//! The checks: every secret-handling operation of the library, generic over [`Curve`], run on
//! inputs whose secret bytes are marked undefined ([`classify`]).
//!
//! Rules followed by every check (the method of libsecp256k1's `ctime_tests`):
//! * the secret input is classified right before the call under test, after any set-up done with
//!   the same value in the clear (expected results are computed from the unmarked copy);
//! * a result is declassified only where the protocol makes it public anyway — a public key, a
//!   signature, a validity bit — or, for a secret result, only a constant-time equality bit;
//! * nothing is compared or printed before it is declassified, so any memcheck report comes from
//!   inside the operation under test.

use crate::valgrind::{classify, declassify};
use core::convert::Infallible;
use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::{SigningKey, hazmat};
use ecckit::field::{ByteArray, Field};
use ecckit::keys::SecretKey;
use ecckit::point::ProjectivePoint;
use ecckit::point::mul::mul_reference_vartime;
use rand_core::{TryCryptoRng, TryRng};
use sha2::Digest;
use subtle::ConstantTimeEq;

/// The operations checked for each curve, in the order they run.
pub const OPERATIONS: [&str; 16] = [
    "Field::invert (base field)",
    "Field::invert (scalar field)",
    "ProjectivePoint::mul",
    "ProjectivePoint::mul_base",
    "SecretKey::from_bytes",
    "SecretKey::public_key",
    "SecretKey::random",
    "SigningKey::sign (RFC 6979)",
    "SigningKey::sign_with_rng",
    "ecdh::diffie_hellman",
    "ProjectivePoint::mul (secret point)",
    "AffinePoint::mul (secret point)",
    "SigningKey::sign_prehash_recoverable",
    "hazmat::sign_prehashed",
    "Signature::normalize_s, is_low_s",
    "SecretKey::to_bytes",
];

// Indices into `OPERATIONS` and `Counts`.
const INVERT_BASE: usize = 0;
const INVERT_SCALAR: usize = 1;
const MUL: usize = 2;
const MUL_BASE: usize = 3;
const FROM_BYTES: usize = 4;
const PUBLIC_KEY: usize = 5;
const RANDOM: usize = 6;
const SIGN: usize = 7;
const SIGN_WITH_RNG: usize = 8;
const ECDH: usize = 9;
const MUL_SECRET_POINT: usize = 10;
const AFFINE_MUL_SECRET_POINT: usize = 11;
const SIGN_RECOVERABLE: usize = 12;
const HAZMAT_SIGN: usize = 13;
const NORMALIZE_S: usize = 14;
const TO_BYTES: usize = 15;

/// Deterministic, *public* test inputs (SplitMix64): the values are chosen in the clear and
/// classified only when handed to the operation under test.
pub struct Inputs {
    state: u64,
}

impl Inputs {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub(crate) fn fill(&mut self, out: &mut [u8]) {
        for chunk in out.chunks_mut(8) {
            let word = self.next_u64().to_le_bytes();
            chunk.copy_from_slice(&word[..chunk.len()]);
        }
    }

    /// A uniformly random element of `F` (reduced from random bytes).
    fn element<F: Field>(&mut self) -> F {
        let mut bytes = F::Bytes::zeroed();
        self.fill(bytes.as_mut());
        F::from_bytes_reduced(&bytes)
    }

    /// The encoding of a valid private key `0 < d < n`, uniformly random.
    fn secret_key_bytes<C: EcdsaCurve>(&mut self) -> <C::Scalar as Field>::Bytes {
        loop {
            let mut bytes = <C::Scalar as Field>::Bytes::zeroed();
            self.fill(bytes.as_mut());
            let excess = 8 * bytes.as_ref().len() as u32 - C::Scalar::NUM_BITS;
            bytes.as_mut()[0] &= 0xff >> excess;
            if SecretKey::<C>::from_bytes(bytes.as_ref()).is_ok() {
                return bytes;
            }
        }
    }
}

/// An RNG whose every output is secret: it draws from [`Inputs`] and classifies what it returns,
/// as a hardware RNG's output would be secret.
pub(crate) struct SecretRng(Inputs);

impl SecretRng {
    /// A secret generator seeded from the public inputs.
    pub(crate) fn new(inputs: &mut Inputs) -> Self {
        Self(Inputs::new(inputs.next_u64()))
    }
}

impl TryRng for SecretRng {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut v = self.0.next_u64() as u32;
        classify(&mut v);
        Ok(v)
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut v = self.0.next_u64();
        classify(&mut v);
        Ok(v)
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        self.0.fill(dst);
        classify(dst);
        Ok(())
    }
}

impl TryCryptoRng for SecretRng {}

/// How many inputs each operation of one curve was run on, in the order of [`OPERATIONS`].
pub type Counts = [usize; OPERATIONS.len()];

/// Runs every check for curve `C` with `rounds` random inputs per operation (plus edge cases).
/// Panics on a wrong result; constant-time violations are reported by memcheck.
pub fn check_curve<C: EcdsaCurve>(inputs: &mut Inputs, rounds: usize) -> Counts {
    let mut counts = [0; OPERATIONS.len()];

    counts[INVERT_BASE] = check_invert::<C::Base>(inputs, rounds);
    counts[INVERT_SCALAR] = check_invert::<C::Scalar>(inputs, rounds);

    // Scalars for the multiplications: the edge cases 0, 1, n − 1, then random ones.
    let mut scalars = vec![C::Scalar::ZERO, C::Scalar::ONE, -C::Scalar::ONE];
    scalars.extend((0..rounds).map(|_| inputs.element::<C::Scalar>()));
    let g = ProjectivePoint::<C>::GENERATOR;
    let base_scalar = inputs.element::<C::Scalar>();
    let p = mul_reference_vartime(&g, &base_scalar); // A public point.
    for k in &scalars {
        let mut secret_k = *k;
        classify(&mut secret_k);
        let mut got = p.mul(&secret_k).to_affine();
        declassify(&mut got);
        assert!(got == mul_reference_vartime(&p, k).to_affine(), "mul");
        counts[MUL] += 1;

        let mut secret_k = *k;
        classify(&mut secret_k);
        let mut got = ProjectivePoint::<C>::mul_base(&secret_k).to_affine();
        declassify(&mut got);
        assert!(got == mul_reference_vartime(&g, k).to_affine(), "mul_base");
        counts[MUL_BASE] += 1;
    }

    // Secret points (the scalar secret too): `mul` promises constant time in the point, for a
    // projective and an affine point, the identity included.
    let mut points = vec![ProjectivePoint::<C>::IDENTITY, g, p];
    points.extend((0..rounds).map(|_| mul_reference_vartime(&g, &inputs.element::<C::Scalar>())));
    for (i, point) in points.iter().enumerate() {
        let k = &scalars[i % scalars.len()];
        let expected = mul_reference_vartime(point, k).to_affine();

        let (mut secret_point, mut secret_k) = (*point, *k);
        classify(&mut secret_point);
        classify(&mut secret_k);
        let mut got = secret_point.mul(&secret_k).to_affine();
        declassify(&mut got);
        assert!(got == expected, "mul, secret point");
        counts[MUL_SECRET_POINT] += 1;

        let (mut secret_affine, mut secret_k) = (point.to_affine(), *k);
        classify(&mut secret_affine);
        classify(&mut secret_k);
        let mut got = secret_affine.mul(&secret_k).to_affine();
        declassify(&mut got);
        assert!(got == expected, "AffinePoint::mul, secret point");
        counts[AFFINE_MUL_SECRET_POINT] += 1;
    }

    // Private keys: 1, n − 1, random ones; and two out-of-range encodings, 0 and 2^(8L) − 1.
    let mut keys = vec![C::Scalar::ONE.to_bytes(), (-C::Scalar::ONE).to_bytes()];
    keys.extend((0..rounds).map(|_| inputs.secret_key_bytes::<C>()));
    let zero = <C::Scalar as Field>::Bytes::zeroed();
    let mut all_ones = zero;
    all_ones.as_mut().fill(0xff);
    for bytes in keys.iter().chain([&zero, &all_ones]) {
        let expected = SecretKey::<C>::from_bytes(bytes.as_ref()).map(|k| k.public_key());

        let mut secret_bytes = *bytes;
        classify(&mut secret_bytes);
        let mut result = SecretKey::<C>::from_bytes(secret_bytes.as_ref());
        // Whether the key was in range is the public outcome (libsecp256k1 declassifies the return
        // value of `ec_seckey_verify` the same way). Declassifying the `Result` to branch on it
        // also declassifies the key, so the key is classified again at once.
        declassify(&mut result);
        counts[FROM_BYTES] += 1;
        match (result, expected) {
            (Ok(mut key), Ok(expected)) => {
                classify(&mut key);
                let mut public = key.public_key();
                declassify(&mut public);
                assert_eq!(
                    public.to_sec1_bytes(false),
                    expected.to_sec1_bytes(false),
                    "public_key"
                );
                counts[PUBLIC_KEY] += 1;
            }
            (Err(e), Err(expected)) => assert_eq!(e, expected, "from_bytes error"),
            _ => panic!("from_bytes accepted or rejected the wrong key"),
        }
    }

    // Key generation from a secret RNG (rejection sampling: see the suppressions file).
    let mut rng = SecretRng(Inputs::new(inputs.next_u64()));
    for _ in 0..rounds {
        let key = SecretKey::<C>::random(&mut rng);
        let mut public = key.public_key();
        declassify(&mut public);
        // The key is done with; declassify a copy only to check the result.
        let mut copy = key.to_bytes();
        declassify(&mut copy);
        let expected = SecretKey::<C>::from_bytes(copy.as_ref()).expect("valid key");
        assert_eq!(
            public.to_sec1_bytes(true),
            expected.public_key().to_sec1_bytes(true),
            "random"
        );
        counts[RANDOM] += 1;
    }

    // ECDSA and ECDH with the valid keys.
    for (i, bytes) in keys.iter().enumerate() {
        let msg = format!("ct-check message {i}");
        let msg = msg.as_bytes();
        let signing_key = SigningKey::<C>::from_bytes(bytes.as_ref()).expect("valid key");
        let verifying_key = *signing_key.verifying_key();
        let expected = signing_key.sign(msg);

        let mut secret_key = signing_key.clone();
        classify(&mut secret_key);
        let mut sig = secret_key.sign(msg);
        declassify(&mut sig);
        assert!(sig == expected, "sign: not the RFC 6979 signature");
        counts[SIGN] += 1;

        let mut sig = secret_key.sign_with_rng(&mut rng, msg);
        declassify(&mut sig);
        assert!(verifying_key.verify(msg, &sig).is_ok(), "sign_with_rng");
        counts[SIGN_WITH_RNG] += 1;

        // Recoverable signing: the id is made public only with the signature, at the end.
        let digest = C::Digest::digest(msg);
        let expected_recoverable = signing_key.sign_prehash_recoverable(&digest).unwrap();
        let mut recoverable = secret_key.sign_prehash_recoverable(&digest);
        declassify(&mut recoverable);
        assert!(
            recoverable == Ok(expected_recoverable),
            "sign_prehash_recoverable"
        );
        counts[SIGN_RECOVERABLE] += 1;

        // Raw signing with a secret key and a secret nonce; the secret-derived signature is
        // normalised and tested for low S before anything is declassified.
        let nonce_bytes = inputs.secret_key_bytes::<C>();
        let (d, nonce) = (
            C::Scalar::from_bytes(bytes).unwrap(),
            C::Scalar::from_bytes(&nonce_bytes).unwrap(),
        );
        let z = inputs.element::<C::Scalar>();
        let expected_raw = hazmat::sign_prehashed::<C>(&d, &nonce, &z).expect("a valid nonce");
        let (mut secret_d, mut secret_nonce) = (d, nonce);
        classify(&mut secret_d);
        classify(&mut secret_nonce);
        let raw = hazmat::sign_prehashed::<C>(&secret_d, &secret_nonce, &z);
        // Whether signing succeeded is public (as in signing itself); the signature is not yet.
        let mut valid = raw.is_ok();
        declassify(&mut valid);
        assert!(valid, "hazmat::sign_prehashed failed");
        let raw = raw.unwrap_or(expected_raw);
        let normalized = raw.normalize_s();
        let mut low = (
            raw.is_low_s().unwrap_u8(),
            normalized.is_low_s().unwrap_u8(),
        );
        let (mut raw, mut normalized) = (raw, normalized);
        declassify(&mut raw);
        declassify(&mut normalized);
        declassify(&mut low);
        assert!(raw == expected_raw, "hazmat::sign_prehashed");
        counts[HAZMAT_SIGN] += 1;
        assert!(low.1 == 1 && normalized.r() == raw.r(), "normalize_s");
        assert!((low.0 == 1) == (normalized == raw), "is_low_s");
        counts[NORMALIZE_S] += 1;

        let d = SecretKey::<C>::from_bytes(bytes.as_ref()).expect("valid key");
        // Encoding a secret key: only a constant-time equality bit is declassified.
        let mut secret = d.clone();
        classify(&mut secret);
        let encoded = secret.to_bytes();
        let mut equal = encoded.as_ref().ct_eq(bytes.as_ref()).unwrap_u8();
        declassify(&mut equal);
        assert_eq!(equal, 1, "SecretKey::to_bytes");
        counts[TO_BYTES] += 1;

        let ours = SecretKey::<C>::from_bytes(bytes.as_ref()).expect("valid key");
        let peer = SecretKey::<C>::from_bytes(inputs.secret_key_bytes::<C>().as_ref()).unwrap();
        let expected = diffie_hellman(&peer, &ours.public_key());
        let peer_public = peer.public_key();
        let mut secret = ours.clone();
        classify(&mut secret);
        let shared = diffie_hellman(&secret, &peer_public);
        // The shared secret stays secret: only the verdict of a constant-time comparison is
        // declassified.
        let mut equal = shared
            .raw_secret_bytes()
            .ct_eq(expected.raw_secret_bytes())
            .unwrap_u8();
        declassify(&mut equal);
        assert_eq!(equal, 1, "diffie_hellman");
        counts[ECDH] += 1;
    }

    counts
}

/// `Field::invert` on `0`, `1`, `p − 1` and `rounds` random elements; only the invertibility bit
/// and `x·x⁻¹` (which is 1) are declassified.
fn check_invert<F: Field>(inputs: &mut Inputs, rounds: usize) -> usize {
    let mut values = vec![F::ZERO, F::ONE, -F::ONE];
    values.extend((0..rounds).map(|_| inputs.element::<F>()));
    for x in &values {
        let mut secret_x = *x;
        classify(&mut secret_x);
        let inverse = secret_x.invert();
        let mut invertible = inverse.is_some().unwrap_u8();
        let mut product = (secret_x * inverse.unwrap_or(F::ZERO)).to_bytes();
        declassify(&mut invertible);
        declassify(&mut product);
        if *x == F::ZERO {
            assert_eq!(invertible, 0, "invert(0)");
        } else {
            assert_eq!(invertible, 1, "invert");
            assert_eq!(product, F::ONE.to_bytes(), "x · invert(x) ≠ 1");
        }
    }
    values.len()
}
