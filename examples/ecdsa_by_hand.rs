//! Course step 3: ECDSA by hand — one generic function, run on a curve of 19 points and on
//! P-256, where it reproduces the published test vector.
//!
//! ```sh
//! cargo run --release --example ecdsa_by_hand
//! ```
//!
//! Signing (FIPS 186-5 §6.4.1) with private key `d`, public key `Q = d·G`, group order `n`:
//! 1. `z = bits2int(H(m)) mod n`: the hash cut to `n`'s bit length (RFC 6979 §2.3.2);
//! 2. `k`: the nonce, here derived from `d` and `H(m)` by RFC 6979 (HMAC-DRBG);
//! 3. `R = k·G`, `r = x(R) mod n`;
//! 4. `s = k⁻¹·(z + r·d) mod n`; the signature is `(r, s)`.
//!
//! Verifying: `w = s⁻¹`, `u1 = z·w`, `u2 = r·w`, `X = u1·G + u2·Q`; accept when `x(X) mod n = r`,
//! since `u1·G + u2·Q = w·(z + r·d)·G = k·G`.
//!
//! Then the attack that makes the nonce everything: two signatures with the same `k` share `r`,
//! and `s1 − s2 = k⁻¹·(z1 − z2)` gives `k`, then `d = (s1·k − z1)/r`.
//!
//! Each step uses ecckit's public API (field and scalar arithmetic, points, `rfc6979::bits2int`,
//! `ecdsa::hazmat::rfc6979_nonce`), and each result is compared with `SigningKey::sign` and
//! `VerifyingKey::verify`; on P-256 with the key and the signatures of RFC 6979 A.2.5.
//! `tests/suite/teach_examples.rs` checks the toy curve's steps against PARI/GP as well.

use ecckit::curves::Curve;
use ecckit::ecdsa::hazmat::rfc6979_nonce;
use ecckit::ecdsa::{EcdsaCurve, Signature, SigningKey};
use ecckit::field::{ByteArray, Field};
use ecckit::p256::NistP256;
use ecckit::point::{AffinePoint, ProjectivePoint};
use ecckit::rfc6979::bits2int;
use sha2::Digest;
use std::fmt::Write;

ecckit::toy_curve! {
    /// y² = x³ + 2x + 2 over F_17, the textbook example: 19 points. Its ECDSA uses SHA-256, cut
    /// to the 5 bits of n = 19.
    pub Toy17 { p: 17, a: 2, b: 2, generator: (5, 1), order: 19 }
}

/// A field element or scalar as a student reads it: decimal on a toy curve, hex on a real one.
pub fn show<F: Field>(v: &F) -> String {
    if F::NUM_BITS <= 64 {
        v.to_canonical_limbs::<1>()[0].to_string()
    } else {
        v.to_bytes()
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// A point as `(x, y)` or `O`.
pub fn show_point<C: Curve>(p: &AffinePoint<C>) -> String {
    if bool::from(p.is_identity()) {
        "O".to_string()
    } else {
        format!("({}, {})", show(&p.x()), show(&p.y()))
    }
}

/// `x mod n` for a coordinate `x ∈ F_p`: the integer `x` read into the scalar field. (`p` and
/// `n` have encodings of one length on every curve here; `x < p < 2n` means at most one
/// subtraction of `n`, which `from_bytes_reduced` does.)
pub fn coordinate_mod_n<C: Curve>(x: &C::Base) -> C::Scalar {
    let from = x.to_bytes();
    let mut to = <C::Scalar as Field>::Bytes::zeroed();
    let (from, to_slice) = (from.as_ref(), to.as_mut());
    assert_eq!(
        from.len(),
        to_slice.len(),
        "p and n encode to the same length"
    );
    to_slice.copy_from_slice(from);
    C::Scalar::from_bytes_reduced(&to)
}

/// Step 1: the message's hash `H(m)`, the integer `bits2int(H(m))` (big-endian bytes), and
/// `z = bits2int(H(m)) mod n`.
pub fn hash_to_z<C: EcdsaCurve>(msg: &[u8]) -> (Vec<u8>, Vec<u8>, C::Scalar) {
    let digest = C::Digest::digest(msg).to_vec();
    let nlen = C::Scalar::NUM_BITS;
    // bits2int keeps the leftmost nlen bits of the hash, as an integer of ⌈nlen/8⌉ bytes,
    // placed at the right end of the scalar's encoding.
    let mut cut = vec![0u8; nlen.div_ceil(8) as usize];
    bits2int(&digest, nlen, &mut cut);
    let mut bytes = <C::Scalar as Field>::Bytes::zeroed();
    let len = bytes.as_ref().len();
    bytes.as_mut()[len - cut.len()..].copy_from_slice(&cut);
    (digest, cut, C::Scalar::from_bytes_reduced(&bytes))
}

/// The indentation of a long value on a line of its own.
const INDENT: &str = "         ";

/// A value after its label: as it is if short, else on the next line, indented.
fn wrapped(value: String) -> String {
    if value.len() <= 20 {
        value
    } else {
        format!("\n{INDENT}{value}")
    }
}

/// Big-endian bytes as a student reads them: decimal if they fit 64 bits, else hex.
pub fn show_bytes(bytes: &[u8]) -> String {
    if bytes.len() <= 8 {
        bytes
            .iter()
            .fold(0u64, |acc, &b| acc << 8 | b as u64)
            .to_string()
    } else {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The values of one signature computed by hand.
pub struct Signing<C: Curve> {
    /// `z`, the hash as a scalar.
    pub z: C::Scalar,
    /// The nonce.
    pub k: C::Scalar,
    /// `R = k·G`.
    pub big_r: AffinePoint<C>,
    /// `r = x(R) mod n`.
    pub r: C::Scalar,
    /// `k⁻¹ mod n`.
    pub k_inv: C::Scalar,
    /// `s = k⁻¹·(z + r·d) mod n`.
    pub s: C::Scalar,
}

/// Steps 3 and 4 for given `d`, `z` and `k`; `Err` when `r = 0` or `s = 0`, where a signer must
/// take another nonce (RFC 6979 takes the next one from its generator).
pub fn sign_steps<C: Curve>(
    d: &C::Scalar,
    z: &C::Scalar,
    k: &C::Scalar,
) -> Result<Signing<C>, &'static str> {
    let big_r = ProjectivePoint::<C>::mul_base(k).to_affine();
    let r = coordinate_mod_n::<C>(&big_r.x());
    if bool::from(r.is_zero()) {
        return Err("r = 0: take another k");
    }
    let k_inv = Option::<C::Scalar>::from(k.invert()).ok_or("k = 0")?;
    let s = k_inv * (*z + r * *d);
    if bool::from(s.is_zero()) {
        return Err("s = 0: take another k");
    }
    Ok(Signing {
        z: *z,
        k: *k,
        big_r,
        r,
        k_inv,
        s,
    })
}

/// **The** generic signing function: every step of ECDSA with the RFC 6979 nonce, for any curve.
pub fn sign_by_hand<C: EcdsaCurve>(d: &C::Scalar, msg: &[u8]) -> Result<Signing<C>, &'static str> {
    let (digest, _, z) = hash_to_z::<C>(msg);
    let k = rfc6979_nonce::<C>(d, &digest).map_err(|_| "digest too short")?;
    sign_steps(d, &z, &k)
}

/// The values of one verification computed by hand.
pub struct Verifying<C: Curve> {
    /// `w = s⁻¹`.
    pub w: C::Scalar,
    /// `u1 = z·w`.
    pub u1: C::Scalar,
    /// `u2 = r·w`.
    pub u2: C::Scalar,
    /// `X = u1·G + u2·Q`.
    pub big_x: AffinePoint<C>,
    /// `x(X) mod n`.
    pub v: C::Scalar,
    /// `X ≠ O` and `v = r`.
    pub valid: bool,
}

/// Verification of `(r, s)` on `z` with public key `q`, step by step (`r`, `s` non-zero).
pub fn verify_by_hand<C: Curve>(
    q: &AffinePoint<C>,
    z: &C::Scalar,
    r: &C::Scalar,
    s: &C::Scalar,
) -> Verifying<C> {
    let w = Option::<C::Scalar>::from(s.invert()).expect("s ≠ 0");
    let (u1, u2) = (*z * w, *r * w);
    let big_x = (ProjectivePoint::<C>::mul_base(&u1) + q.to_projective().mul(&u2)).to_affine();
    let v = coordinate_mod_n::<C>(&big_x.x());
    let valid = !bool::from(big_x.is_identity()) && v == *r;
    Verifying {
        w,
        u1,
        u2,
        big_x,
        v,
        valid,
    }
}

/// The nonce-reuse attack: from two signatures `(r, s1)`, `(r, s2)` on `z1 ≠ z2` made with one
/// nonce, `k = (z1 − z2)/(s1 − s2)` and `d = (s1·k − z1)/r`. `None` if `s1 = s2`.
pub fn recover_key<C: Curve>(
    z1: &C::Scalar,
    s1: &C::Scalar,
    z2: &C::Scalar,
    s2: &C::Scalar,
    r: &C::Scalar,
) -> Option<(C::Scalar, C::Scalar)> {
    let k = (*z1 - *z2) * Option::<C::Scalar>::from((*s1 - *s2).invert())?;
    let d = (*s1 * k - *z1) * Option::<C::Scalar>::from(r.invert())?;
    Some((k, d))
}

/// Everything the walk-through computes on one curve.
pub struct Walkthrough<C: EcdsaCurve> {
    /// The private key.
    pub d: C::Scalar,
    /// The public key `Q = d·G`.
    pub q: AffinePoint<C>,
    /// The signature of the first message, by hand.
    pub signing: Signing<C>,
    /// `SigningKey::sign` of the same message.
    pub crate_signature: Signature<C>,
    /// Whether `VerifyingKey::verify` accepts the signature made by hand.
    pub crate_verifies: bool,
    /// Verification by hand of the signature.
    pub verifying: Verifying<C>,
    /// Verification by hand of the same signature on the second message (must fail).
    pub wrong_message: Verifying<C>,
    /// The second message signed with the first message's nonce.
    pub reused: Signing<C>,
    /// `(k, d)` recovered from the two signatures that share a nonce.
    pub recovered: (C::Scalar, C::Scalar),
}

/// Signs, verifies and breaks ECDSA on curve `C` with key `d`, messages `m1` and `m2`, and
/// writes each step to `text`.
pub fn walkthrough<C: EcdsaCurve>(
    name: &str,
    d: &C::Scalar,
    m1: &str,
    m2: &str,
    text: &mut String,
) -> Walkthrough<C> {
    let g = AffinePoint::<C>::GENERATOR;
    let key = SigningKey::<C>::from_bytes(d.to_bytes().as_ref()).expect("0 < d < n");
    let q = *key.verifying_key().as_public_key().as_affine();
    // On P-256 a value goes on a line of its own, below its label, to stay in 100 columns.
    let v = |x: &C::Scalar| wrapped(show(x));
    let pt = |p: &AffinePoint<C>| {
        if C::Base::NUM_BITS <= 64 {
            show_point(p)
        } else {
            format!("\n{INDENT}({},\n{INDENT} {})", show(&p.x()), show(&p.y()))
        }
    };
    writeln!(
        text,
        "── {name} ──\n   G = {}\n   private key d = {}\n   public key  Q = d·G = {}",
        pt(&g),
        v(d),
        pt(&q)
    )
    .unwrap();

    // Signing.
    let (digest, cut, z) = hash_to_z::<C>(m1.as_bytes());
    let signing = sign_by_hand::<C>(d, m1.as_bytes()).expect("the RFC 6979 nonce signs");
    writeln!(
        text,
        "\n   Sign m1 = \"{m1}\":\n   1. H(m1) = {}\n      bits2int(H(m1)), its leftmost {} bits = \
         {}\n      z = bits2int(H(m1)) mod n = {}\n   2. k = RFC 6979 nonce(d, H(m1)) = {}\n   \
         3. R = k·G = {}\n      r = x(R) mod n = {}\n   4. k⁻¹ = {}\n      \
         s = k⁻¹·(z + r·d) mod n = {}",
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>(),
        C::Scalar::NUM_BITS,
        wrapped(show_bytes(&cut)),
        v(&signing.z),
        v(&signing.k),
        pt(&signing.big_r),
        v(&signing.r),
        v(&signing.k_inv),
        v(&signing.s)
    )
    .unwrap();
    let crate_signature = key.sign(m1.as_bytes());
    let same = crate_signature.r() == signing.r && crate_signature.s() == signing.s;
    if same {
        writeln!(text, "   SigningKey::sign(m1) gives the same (r, s)").unwrap();
    } else {
        writeln!(
            text,
            "   SigningKey::sign(m1) gives a DIFFERENT (r, s) = ({}, {})",
            v(&crate_signature.r()),
            v(&crate_signature.s())
        )
        .unwrap();
    }

    // Verification.
    let verifying = verify_by_hand(&q, &z, &signing.r, &signing.s);
    writeln!(
        text,
        "\n   Verify (r, s) on m1:\n      w = s⁻¹ = {}\n      u1 = z·w = {}\n      \
         u2 = r·w = {}\n      X = u1·G + u2·Q = {}\n      x(X) mod n = {}\n      {}",
        v(&verifying.w),
        v(&verifying.u1),
        v(&verifying.u2),
        pt(&verifying.big_x),
        v(&verifying.v),
        if verifying.valid {
            "= r: valid"
        } else {
            "≠ r: INVALID"
        }
    )
    .unwrap();
    let by_hand = Signature::<C>::from_scalars(signing.r, signing.s).expect("r, s ≠ 0");
    let crate_verifies = key.verifying_key().verify(m1.as_bytes(), &by_hand).is_ok();
    writeln!(
        text,
        "      VerifyingKey::verify agrees: {}",
        if crate_verifies { "valid" } else { "INVALID" }
    )
    .unwrap();
    let (_, _, z2) = hash_to_z::<C>(m2.as_bytes());
    let wrong_message = verify_by_hand(&q, &z2, &signing.r, &signing.s);
    writeln!(
        text,
        "      The same (r, s) on m2 = \"{m2}\": x(X) mod n = {}\n      {}",
        v(&wrong_message.v),
        if wrong_message.valid {
            "= r: valid (!)"
        } else {
            "≠ r: invalid, as it must be"
        }
    )
    .unwrap();

    // The nonce-reuse attack.
    let reused = sign_steps::<C>(d, &z2, &signing.k).expect("this k signs m2 too");
    let recovered = recover_key::<C>(&signing.z, &signing.s, &z2, &reused.s, &signing.r)
        .expect("s1 ≠ s2 for z1 ≠ z2");
    writeln!(
        text,
        "\n   Nonce reuse: m2 = \"{m2}\" signed with the same k:\n      \
         z2 = {}\n      r  = {}\n      s2 = {}\n      \
         The same r as m1's signature betrays the shared k, and then\n      \
         k = (z1 − z2)/(s1 − s2) mod n = {}\n      d = (s1·k − z1)/r mod n = {}\n      {}",
        v(&z2),
        v(&reused.r),
        v(&reused.s),
        v(&recovered.0),
        v(&recovered.1),
        if recovered.1 == *d {
            "which is d: the private key, from two signatures"
        } else {
            "WRONG"
        }
    )
    .unwrap();

    Walkthrough {
        d: *d,
        q,
        signing,
        crate_signature,
        crate_verifies,
        verifying,
        wrong_message,
        reused,
        recovered,
    }
}

/// RFC 6979 A.2.5 (P-256, SHA-256): the private key `x`, the public key `(Ux, Uy)`, and for
/// the message "sample" the nonce `k` and the signature `(r, s)`.
pub mod rfc6979_a25 {
    /// The private key.
    pub const X: &str = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
    /// The public key's `x`.
    pub const UX: &str = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
    /// The public key's `y`.
    pub const UY: &str = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";
    /// The nonce for "sample" with SHA-256.
    pub const K: &str = "a6e3c57dd01abe90086538398355dd4c3b17aa873382b0f24d6129493d8aad60";
    /// `r` for "sample" with SHA-256.
    pub const R: &str = "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716";
    /// `s` for "sample" with SHA-256.
    pub const S: &str = "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";
}

/// Bytes from hex.
fn from_hex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

/// The toy curve's key: small enough to check on paper. With it, the first RFC 6979 nonce of
/// "sample" gives a valid signature (on a 19-point curve about one nonce in ten gives `r = 0`
/// or `s = 0`, where signing would move on to the next nonce).
pub const TOY_KEY: u64 = 3;

/// Everything the example computes, and the text it prints.
pub struct Report {
    /// On Toy17.
    pub toy: Walkthrough<Toy17>,
    /// On P-256 with the key of RFC 6979 A.2.5.
    pub p256: Walkthrough<NistP256>,
    /// Whether the P-256 signature by hand is RFC 6979's (k, r and s).
    pub p256_matches_rfc: bool,
    /// What `main` prints.
    pub text: String,
}

/// Computes everything and writes the text.
pub fn run() -> Report {
    let mut text = String::new();
    writeln!(
        text,
        "ECDSA by hand: one generic function, sign_by_hand::<C>, on a 19-point curve and on P-256.\n"
    )
    .unwrap();
    let toy = walkthrough::<Toy17>(
        "Toy17: y² = x³ + 2x + 2 over F_17, n = 19, SHA-256",
        &<Toy17 as Curve>::Scalar::from_u64(TOY_KEY),
        "sample",
        "test",
        &mut text,
    );
    writeln!(text).unwrap();

    let d_bytes: [u8; 32] = from_hex(rfc6979_a25::X).try_into().unwrap();
    let d = Option::<ecckit::p256::Scalar>::from(ecckit::p256::Scalar::from_bytes(&d_bytes))
        .expect("d < n");
    let p256 = walkthrough::<NistP256>(
        "P-256, SHA-256, the key of RFC 6979 A.2.5",
        &d,
        "sample",
        "test",
        &mut text,
    );
    let rfc = |hex: &str| {
        let bytes: [u8; 32] = from_hex(hex).try_into().unwrap();
        Option::<ecckit::p256::Scalar>::from(ecckit::p256::Scalar::from_bytes(&bytes)).expect("< n")
    };
    let p256_matches_rfc = p256.signing.k == rfc(rfc6979_a25::K)
        && p256.signing.r == rfc(rfc6979_a25::R)
        && p256.signing.s == rfc(rfc6979_a25::S)
        && show(&p256.q.x()) == rfc6979_a25::UX
        && show(&p256.q.y()) == rfc6979_a25::UY;
    writeln!(
        text,
        "\n   RFC 6979 A.2.5, P-256 with SHA-256, \"sample\":\n      \
         k = {}\n      r = {}\n      s = {}\n   \
         the public key, k, r and s by hand are {}",
        rfc6979_a25::K,
        rfc6979_a25::R,
        rfc6979_a25::S,
        if p256_matches_rfc {
            "the RFC's"
        } else {
            "NOT the RFC's"
        }
    )
    .unwrap();
    // A value moved to its own line leaves its label's "= " at the end of the line above.
    let text = text
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    Report {
        toy,
        p256,
        p256_matches_rfc,
        text,
    }
}

#[allow(dead_code)] // the tests include this file for `run`
fn main() {
    let report = run();
    print!("{}", report.text);
    assert!(
        report.p256_matches_rfc,
        "P-256 by hand differs from RFC 6979"
    );
}
