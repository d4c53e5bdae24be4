//! AWS-LC's rows of the ECC-vs-RSA report: RSA (1024 to 15360 bits), ECDSA/ECDH (P-224,
//! P-256, P-384, P-521) and Ed25519/X25519, timed with the same plans as the pure-Rust rows.
//!
//! AWS-LC is called through its EVP interface (`aws-lc-sys`, the copy `aws-lc-rs` builds), with
//! the same calls `aws-lc-rs` makes inside: `EVP_PKEY_keygen`, `EVP_DigestSign`,
//! `EVP_DigestVerify`, `EVP_PKEY_encrypt`/`decrypt` with OAEP, `EVP_PKEY_derive`. Not through
//! `aws-lc-rs` itself, because it refuses RSA keys below 2048 or above 8192 bits (RSA-1024,
//! RSA-15360), generates RSA keys only at 2048, 3072, 4096 and 8192 bits (not 7680), and has no
//! P-224. AWS-LC's own limit is a 16384-bit modulus, above every size here.
//!
//! One call of each timed operation does what the pure-Rust rows do:
//! - key generation: ECC a random scalar and its public point, serialized (AWS-LC keeps the point
//!   in Jacobian coordinates until then, ecckit returns it affine); Ed25519 a random seed and its
//!   public key (`EVP_PKEY_ED25519`), read out as 32 bytes; RSA two primes and the CRT values
//!   (public exponent 65537);
//! - sign: hash and sign `MESSAGE` (ECDSA with the curve's standard hash, DER output, random
//!   nonces: AWS-LC's default; Ed25519 with no separate hash, as RFC 8032 defines it; RSA
//!   PKCS#1 v1.5 with SHA-256, blinded);
//! - verify: hash and verify, with the public key decoded beforehand;
//! - ECDH: decode and validate the peer's uncompressed point (`EC_POINT_oct2point` checks that it
//!   is on the curve), then derive `x(d·Q)` with a static private key; X25519 the peer's 32
//!   bytes as an `EVP_PKEY_X25519` public key, then the derivation;
//! - OAEP: SHA-256 and MGF1-SHA-256 with no label, a 32-byte key, as the `rsa` crate's rows.
//!
//! Before timing, every row is checked against ecckit or the `rsa` crate: ECC the same public key
//! from the same scalar (Ed25519: seed; X25519: private key bytes), signatures accepted both ways
//! (Ed25519: byte-identical), a changed message rejected, the same ECDH secret; RSA byte-identical PKCS#1 v1.5 signatures from the same key, OAEP ciphertexts decrypted
//! both ways.

use crate::measure::{MESSAGE, Mode, time};
use crate::report::{
    Algorithm, Contender, EccCurve, Figure, Library, Row, Sizes, load_rsa_fixture, rsa_uses_fixture,
};
use aws_lc_sys as sys;
use ecckit::curves::{NistP224, NistP256, NistP384, NistP521};
use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::{EcdsaCurve, Signature, SigningKey, VerifyingKey};
use ecckit::field::Field;
use ecckit::keys::{PublicKey, SecretKey};
use indicatif::ProgressBar;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPrivateKey};
use rsa::sha2::Sha256;
use std::ffi::c_int;
use std::ptr::null_mut;

/// What the report's introduction says about these rows.
pub const NOTE: &str = "\
AWS-LC rows: AWS-LC's EVP interface through aws-lc-sys (C and assembly; the calls aws-lc-rs makes
inside, which itself refuses RSA keys outside 2048-8192 bits, generates RSA keys only at
2048/3072/4096/8192 bits and has no P-224). Each AWS-LC row was first checked against ecckit or
the rsa crate: same public keys, signatures accepted both ways (PKCS#1 v1.5 and Ed25519
byte-identical), OAEP ciphertexts decrypted both ways, same ECDH and X25519 secrets.";

/// Progress steps per algorithm: ECC key generation, sign, verify, ECDH; RSA key generation (or
/// loading and the cross-check), sign, verify, encrypt, decrypt.
pub fn steps(algorithm: Algorithm) -> u64 {
    match algorithm {
        Algorithm::Ecc(_) => 4,
        Algorithm::Rsa(_) => 5,
    }
}

/// Measures one algorithm with AWS-LC.
pub fn measure(algorithm: Algorithm, mode: Mode, progress: &ProgressBar) -> Result<Row, String> {
    match algorithm {
        Algorithm::Ecc(curve) => match curve {
            EccCurve::P224 => measure_ecc::<NistP224>(curve, sys::NID_secp224r1, mode, progress),
            EccCurve::P256 => {
                measure_ecc::<NistP256>(curve, sys::NID_X9_62_prime256v1, mode, progress)
            }
            EccCurve::P384 => measure_ecc::<NistP384>(curve, sys::NID_secp384r1, mode, progress),
            EccCurve::P521 => measure_ecc::<NistP521>(curve, sys::NID_secp521r1, mode, progress),
            EccCurve::Curve25519 => measure_curve25519(mode, progress),
            EccCurve::Secp256k1 => Err("AWS-LC's secp256k1 is not in the report".into()),
        },
        Algorithm::Rsa(bits) => measure_rsa(bits, mode, progress),
    }
}

// ---------------------------------------------------------------------------------------------
// Owned AWS-LC objects
// ---------------------------------------------------------------------------------------------

/// An owned `EVP_PKEY` (freed on drop).
pub struct Pkey(*mut sys::EVP_PKEY);

impl Drop for Pkey {
    fn drop(&mut self) {
        // SAFETY: the pointer came from AWS-LC, is owned by this value and freed once.
        unsafe { sys::EVP_PKEY_free(self.0) }
    }
}

/// An owned `EVP_PKEY_CTX`.
struct PkeyCtx(*mut sys::EVP_PKEY_CTX);

impl Drop for PkeyCtx {
    fn drop(&mut self) {
        // SAFETY: as for `Pkey`.
        unsafe { sys::EVP_PKEY_CTX_free(self.0) }
    }
}

/// An owned `EVP_MD_CTX`.
struct MdCtx(*mut sys::EVP_MD_CTX);

impl Drop for MdCtx {
    fn drop(&mut self) {
        // SAFETY: as for `Pkey`.
        unsafe { sys::EVP_MD_CTX_free(self.0) }
    }
}

/// AWS-LC's oldest queued error as text.
fn last_error() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: `ERR_error_string_n` writes at most `buf.len()` bytes, NUL-terminated.
    unsafe {
        let code = sys::ERR_get_error();
        sys::ERR_error_string_n(code, buf.as_mut_ptr().cast(), buf.len());
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

/// `Ok` if an AWS-LC call returned 1.
fn check(rc: c_int, what: &str) -> Result<(), String> {
    if rc == 1 {
        Ok(())
    } else {
        Err(format!("AWS-LC: {what} failed: {}", last_error()))
    }
}

/// `Ok(p)` if an AWS-LC allocation returned non-NULL.
fn non_null<T>(p: *mut T, what: &str) -> Result<*mut T, String> {
    if p.is_null() {
        Err(format!("AWS-LC: {what} returned NULL: {}", last_error()))
    } else {
        Ok(p)
    }
}

/// A new key of type `id` (`EVP_PKEY_RSA`, `EVP_PKEY_EC`), after `params` sets its size or curve.
fn keygen(id: c_int, params: impl FnOnce(*mut sys::EVP_PKEY_CTX) -> c_int) -> Result<Pkey, String> {
    // SAFETY: every pointer is checked before use and owned by a guard that frees it.
    unsafe {
        let ctx = PkeyCtx(non_null(
            sys::EVP_PKEY_CTX_new_id(id, null_mut()),
            "EVP_PKEY_CTX_new_id",
        )?);
        check(sys::EVP_PKEY_keygen_init(ctx.0), "EVP_PKEY_keygen_init")?;
        check(params(ctx.0), "setting the key parameters")?;
        let mut key = null_mut();
        check(sys::EVP_PKEY_keygen(ctx.0, &mut key), "EVP_PKEY_keygen")?;
        Ok(Pkey(non_null(key, "EVP_PKEY_keygen")?))
    }
}

/// `EVP_DigestSign` of `msg` with hash `md` (DER for ECDSA, PKCS#1 v1.5 for RSA).
fn sign(key: &Pkey, md: *const sys::EVP_MD, msg: &[u8]) -> Result<Vec<u8>, String> {
    // SAFETY: the context is checked and freed by its guard; the first `EVP_DigestSign` call
    // only writes the maximum length, the second writes at most that many bytes into `out`.
    unsafe {
        let ctx = MdCtx(non_null(sys::EVP_MD_CTX_new(), "EVP_MD_CTX_new")?);
        check(
            sys::EVP_DigestSignInit(ctx.0, null_mut(), md, null_mut(), key.0),
            "EVP_DigestSignInit",
        )?;
        let mut len = 0;
        check(
            sys::EVP_DigestSign(ctx.0, null_mut(), &mut len, msg.as_ptr(), msg.len()),
            "EVP_DigestSign (length)",
        )?;
        let mut out = vec![0u8; len];
        check(
            sys::EVP_DigestSign(ctx.0, out.as_mut_ptr(), &mut len, msg.as_ptr(), msg.len()),
            "EVP_DigestSign",
        )?;
        out.truncate(len);
        Ok(out)
    }
}

/// `EVP_DigestVerify` of `signature` on `msg` with hash `md`.
fn verify(key: &Pkey, md: *const sys::EVP_MD, msg: &[u8], signature: &[u8]) -> bool {
    // SAFETY: as in `sign`; the buffers are only read.
    unsafe {
        let Ok(ctx) = non_null(sys::EVP_MD_CTX_new(), "EVP_MD_CTX_new").map(MdCtx) else {
            return false;
        };
        sys::EVP_DigestVerifyInit(ctx.0, null_mut(), md, null_mut(), key.0) == 1
            && sys::EVP_DigestVerify(
                ctx.0,
                signature.as_ptr(),
                signature.len(),
                msg.as_ptr(),
                msg.len(),
            ) == 1
    }
}

// ---------------------------------------------------------------------------------------------
// ECC
// ---------------------------------------------------------------------------------------------

/// The longest SEC1 uncompressed point: P-521's `1 + 2·66` bytes.
const MAX_POINT: usize = 133;

/// A new key on curve `nid`.
fn ec_keygen(nid: c_int) -> Result<Pkey, String> {
    keygen(sys::EVP_PKEY_EC, |ctx| {
        // SAFETY: `ctx` is a live key-generation context.
        unsafe { sys::EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx, nid) }
    })
}

/// The public point of an EC key, SEC1 uncompressed.
fn ec_public_sec1(key: &Pkey) -> Result<Vec<u8>, String> {
    let mut out = [0u8; MAX_POINT];
    // SAFETY: `key` is an EC key; `EC_POINT_point2oct` writes at most `out.len()` bytes.
    let len = unsafe {
        let ec = sys::EVP_PKEY_get0_EC_KEY(key.0);
        sys::EC_POINT_point2oct(
            sys::EC_KEY_get0_group(ec),
            sys::EC_KEY_get0_public_key(ec),
            sys::point_conversion_form_t::POINT_CONVERSION_UNCOMPRESSED,
            out.as_mut_ptr(),
            out.len(),
            null_mut(),
        )
    };
    if len == 0 {
        return Err(format!(
            "AWS-LC: EC_POINT_point2oct failed: {}",
            last_error()
        ));
    }
    Ok(out[..len].to_vec())
}

/// The private scalar of an EC key, big-endian, `len` bytes.
fn ec_private_bytes(key: &Pkey, len: usize) -> Result<Vec<u8>, String> {
    let mut out = vec![0u8; len];
    // SAFETY: `key` is an EC key with a private scalar; `BN_bn2bin_padded` writes `len` bytes.
    let rc = unsafe {
        let ec = sys::EVP_PKEY_get0_EC_KEY(key.0);
        sys::BN_bn2bin_padded(out.as_mut_ptr(), len, sys::EC_KEY_get0_private_key(ec))
    };
    check(rc, "BN_bn2bin_padded")?;
    Ok(out)
}

/// A public-only key on curve `nid` from SEC1 bytes; `EC_POINT_oct2point` rejects points off the
/// curve.
fn ec_public_key(nid: c_int, sec1: &[u8]) -> Result<Pkey, String> {
    // SAFETY: every allocation is checked; the point is freed here, the EC_KEY is owned by the
    // EVP_PKEY once assigned (and freed here if the assignment fails).
    unsafe {
        let ec = non_null(
            sys::EC_KEY_new_by_curve_name(nid),
            "EC_KEY_new_by_curve_name",
        )?;
        let group = sys::EC_KEY_get0_group(ec);
        let point = sys::EC_POINT_new(group);
        let ok = !point.is_null()
            && sys::EC_POINT_oct2point(group, point, sec1.as_ptr(), sec1.len(), null_mut()) == 1
            && sys::EC_KEY_set_public_key(ec, point) == 1;
        sys::EC_POINT_free(point);
        let pkey = sys::EVP_PKEY_new();
        if !ok || pkey.is_null() || sys::EVP_PKEY_assign_EC_KEY(pkey, ec) != 1 {
            let error = last_error();
            sys::EC_KEY_free(ec);
            sys::EVP_PKEY_free(pkey);
            return Err(format!("AWS-LC: decoding the peer's point failed: {error}"));
        }
        Ok(Pkey(pkey))
    }
}

/// ECDH as a receiver does it: decode and validate the peer's point, then `x(d·Q)`.
fn ecdh(own: &Pkey, nid: c_int, peer: &[u8]) -> Result<Vec<u8>, String> {
    derive(own, &ec_public_key(nid, peer)?)
}

/// `EVP_PKEY_derive` with our key `own` and the peer's public key.
fn derive(own: &Pkey, peer: &Pkey) -> Result<Vec<u8>, String> {
    // SAFETY: the context is checked and freed by its guard; the first `EVP_PKEY_derive` writes
    // the length only, the second at most that many bytes.
    unsafe {
        let ctx = PkeyCtx(non_null(
            sys::EVP_PKEY_CTX_new(own.0, null_mut()),
            "EVP_PKEY_CTX_new",
        )?);
        check(sys::EVP_PKEY_derive_init(ctx.0), "EVP_PKEY_derive_init")?;
        check(
            sys::EVP_PKEY_derive_set_peer(ctx.0, peer.0),
            "EVP_PKEY_derive_set_peer",
        )?;
        let mut len = 0;
        check(
            sys::EVP_PKEY_derive(ctx.0, null_mut(), &mut len),
            "EVP_PKEY_derive (length)",
        )?;
        let mut out = vec![0u8; len];
        check(
            sys::EVP_PKEY_derive(ctx.0, out.as_mut_ptr(), &mut len),
            "EVP_PKEY_derive",
        )?;
        out.truncate(len);
        Ok(out)
    }
}

/// The curve's standard ECDSA hash (the one ecckit's `EcdsaCurve` uses).
fn ecdsa_md(curve: EccCurve) -> *const sys::EVP_MD {
    // SAFETY: these return pointers to static hash descriptions.
    unsafe {
        match curve {
            EccCurve::P224 => sys::EVP_sha224(),
            EccCurve::P256 | EccCurve::Secp256k1 => sys::EVP_sha256(),
            EccCurve::P384 => sys::EVP_sha384(),
            EccCurve::P521 => sys::EVP_sha512(),
            // Ed25519 hashes inside the signature scheme: EVP takes no digest for it.
            EccCurve::Curve25519 => std::ptr::null(),
        }
    }
}

/// Checks an AWS-LC key on curve `C` against ecckit: same public key from the same scalar,
/// signatures accepted both ways, a changed message rejected, the same ECDH secret.
fn check_ecc<C: EcdsaCurve>(
    curve: EccCurve,
    nid: c_int,
    key: &Pkey,
    public: &Pkey,
) -> Result<(), String> {
    let name = curve.name();
    let fail = |what: &str| Err(format!("AWS-LC {name}: {what}"));
    let md = ecdsa_md(curve);
    let scalar_len = <C::Scalar as Field>::ZERO.to_bytes().as_ref().len();
    let secret = ec_private_bytes(key, scalar_len)?;
    let ours = SigningKey::<C>::from_bytes(&secret).map_err(|e| format!("{name}: {e:?}"))?;
    let sec1 = ec_public_sec1(key)?;
    if ours.verifying_key().to_sec1_bytes(false).as_ref() != sec1.as_slice() {
        return fail("its public key differs from ecckit's for the same scalar");
    }
    let theirs = sign(key, md, MESSAGE)?;
    let decoded = Signature::<C>::from_der(&theirs).map_err(|e| format!("{name}: {e:?}"))?;
    let verifying = VerifyingKey::<C>::from_sec1_bytes(&sec1).map_err(|e| format!("{e:?}"))?;
    if verifying.verify(MESSAGE, &decoded).is_err() {
        return fail("ecckit rejects its signature");
    }
    let mine = ours.sign(MESSAGE).to_der();
    if !verify(public, md, MESSAGE, mine.as_bytes()) {
        return fail("it rejects ecckit's signature");
    }
    if verify(public, md, b"another message", mine.as_bytes()) {
        return fail("it accepts a signature on another message");
    }
    let peer_secret = SecretKey::<C>::random(&mut rand::rng());
    let peer = peer_secret.public_key().to_sec1_bytes(false);
    let shared = ecdh(key, nid, peer.as_ref())?;
    let expected = diffie_hellman(
        &peer_secret,
        &PublicKey::<C>::from_sec1_bytes(&sec1).map_err(|e| format!("{e:?}"))?,
    );
    if shared != expected.raw_secret_bytes() {
        return fail("its ECDH secret differs from ecckit's");
    }
    Ok(())
}

fn measure_ecc<C: EcdsaCurve>(
    curve: EccCurve,
    nid: c_int,
    mode: Mode,
    progress: &ProgressBar,
) -> Result<Row, String> {
    let name = format!("{} (AWS-LC)", curve.name());
    let plan = mode.op_plan();
    let md = ecdsa_md(curve);
    let contender = Contender {
        algorithm: Algorithm::Ecc(curve),
        library: Library::AwsLc,
    };
    let mut row = Row::new(contender, Sizes::ecc::<C>());

    let (t, key) = time(&plan, progress, &format!("{name} key generation"), || {
        let key = ec_keygen(nid).expect("AWS-LC EC key generation");
        // The public key in a form one can send.
        std::hint::black_box(ec_public_sec1(&key).expect("AWS-LC public key encoding"));
        key
    });
    row.keygen = Figure::Timed(t);
    let public = ec_public_key(nid, &ec_public_sec1(&key)?)?;
    check_ecc::<C>(curve, nid, &key, &public)?;
    progress.inc(1);

    let (t, signature) = time(&plan, progress, &format!("{name} sign"), || {
        sign(&key, md, MESSAGE).expect("AWS-LC ECDSA signing")
    });
    row.sign = Figure::Timed(t);
    progress.inc(1);

    let (t, ok) = time(&plan, progress, &format!("{name} verify"), || {
        verify(&public, md, MESSAGE, &signature)
    });
    if !ok {
        return Err(format!("{name}: its own signature does not verify"));
    }
    row.verify = Figure::Timed(t);
    progress.inc(1);

    let peer = SecretKey::<C>::random(&mut rand::rng())
        .public_key()
        .to_sec1_bytes(false);
    let (t, _) = time(&plan, progress, &format!("{name} ECDH"), || {
        ecdh(&key, nid, peer.as_ref()).expect("AWS-LC ECDH")
    });
    row.agree = Figure::Timed(t);
    progress.inc(1);
    Ok(row)
}

// ---------------------------------------------------------------------------------------------
// Ed25519 and X25519
// ---------------------------------------------------------------------------------------------

/// The 32-byte raw public (or, with `private`, private) key of an Ed25519 or X25519 key.
fn raw_key(key: &Pkey, private: bool) -> Result<[u8; 32], String> {
    let mut out = [0u8; 32];
    let mut len = out.len();
    // SAFETY: `key` is a live key; the call writes at most `len` bytes and stores the length.
    let rc = unsafe {
        if private {
            sys::EVP_PKEY_get_raw_private_key(key.0, out.as_mut_ptr(), &mut len)
        } else {
            sys::EVP_PKEY_get_raw_public_key(key.0, out.as_mut_ptr(), &mut len)
        }
    };
    check(rc, "EVP_PKEY_get_raw_*_key")?;
    if len != out.len() {
        return Err(format!("AWS-LC: a raw key of {len} bytes, not 32"));
    }
    Ok(out)
}

/// A public-only key of type `id` (`EVP_PKEY_ED25519`, `EVP_PKEY_X25519`) from its 32 bytes.
fn raw_public_key(id: c_int, bytes: &[u8; 32]) -> Result<Pkey, String> {
    // SAFETY: the call only reads the 32 bytes; the result is checked.
    let key =
        unsafe { sys::EVP_PKEY_new_raw_public_key(id, null_mut(), bytes.as_ptr(), bytes.len()) };
    non_null(key, "EVP_PKEY_new_raw_public_key").map(Pkey)
}

/// Checks AWS-LC's Ed25519 and X25519 keys against ecckit: the same public keys from the same
/// private bytes, byte-identical signatures (Ed25519 is deterministic), each accepting the
/// other's, a changed message rejected, the same X25519 secret.
fn check_curve25519(ed: &Pkey, ed_public: &Pkey, x: &Pkey) -> Result<(), String> {
    use ecckit::{ed25519, x25519};
    let fail = |what: &str| Err(format!("AWS-LC Ed25519/X25519: {what}"));
    let ours = ed25519::SigningKey::from_bytes(&raw_key(ed, true)?).map_err(|e| e.to_string())?;
    if ours.verifying_key().to_bytes() != raw_key(ed, false)? {
        return fail("its Ed25519 public key differs from ecckit's for the same seed");
    }
    let theirs = sign(ed, std::ptr::null(), MESSAGE)?;
    let mine = ours.sign(MESSAGE).to_bytes();
    if theirs != mine {
        return fail("its Ed25519 signature differs from ecckit's");
    }
    let signature = ed25519::Signature::from_bytes(&theirs).map_err(|e| e.to_string())?;
    if ours.verifying_key().verify(MESSAGE, &signature).is_err() {
        return fail("ecckit rejects its signature");
    }
    if !verify(ed_public, std::ptr::null(), MESSAGE, &mine) {
        return fail("it rejects ecckit's signature");
    }
    if verify(ed_public, std::ptr::null(), b"another message", &mine) {
        return fail("it accepts a signature on another message");
    }
    let ours = x25519::SecretKey::from_bytes(&raw_key(x, true)?).map_err(|e| e.to_string())?;
    if ours.public_key().to_bytes() != raw_key(x, false)? {
        return fail("its X25519 public key differs from ecckit's for the same private key");
    }
    let peer_secret = x25519::SecretKey::random(&mut rand::rng());
    let peer = peer_secret.public_key().to_bytes();
    let shared = derive(x, &raw_public_key(sys::EVP_PKEY_X25519, &peer)?)?;
    let expected =
        x25519::diffie_hellman(&peer_secret, &ours.public_key()).map_err(|e| e.to_string())?;
    if shared != expected.raw_secret_bytes() {
        return fail("its X25519 secret differs from ecckit's");
    }
    Ok(())
}

/// Ed25519 key generation, signing and verification, and X25519 as the receiver does it (the
/// peer's 32 bytes decoded, then the derivation).
fn measure_curve25519(mode: Mode, progress: &ProgressBar) -> Result<Row, String> {
    let curve = EccCurve::Curve25519;
    let name = format!("{} (AWS-LC)", curve.name());
    let plan = mode.op_plan();
    let contender = Contender {
        algorithm: Algorithm::Ecc(curve),
        library: Library::AwsLc,
    };
    let mut row = Row::new(contender, Sizes::curve25519());
    let no_params = |_: *mut sys::EVP_PKEY_CTX| 1;

    let (t, key) = time(&plan, progress, &format!("{name} key generation"), || {
        let key = keygen(sys::EVP_PKEY_ED25519, no_params).expect("AWS-LC Ed25519 keygen");
        std::hint::black_box(raw_key(&key, false).expect("AWS-LC public key"));
        key
    });
    row.keygen = Figure::Timed(t);
    let public = raw_public_key(sys::EVP_PKEY_ED25519, &raw_key(&key, false)?)?;
    let x_key = keygen(sys::EVP_PKEY_X25519, no_params)?;
    check_curve25519(&key, &public, &x_key)?;
    progress.inc(1);

    let (t, signature) = time(&plan, progress, &format!("{name} sign"), || {
        sign(&key, std::ptr::null(), MESSAGE).expect("AWS-LC Ed25519 signing")
    });
    row.sign = Figure::Timed(t);
    progress.inc(1);

    let (t, ok) = time(&plan, progress, &format!("{name} verify"), || {
        verify(&public, std::ptr::null(), MESSAGE, &signature)
    });
    if !ok {
        return Err(format!("{name}: its own signature does not verify"));
    }
    row.verify = Figure::Timed(t);
    progress.inc(1);

    let peer = ecckit::x25519::SecretKey::random(&mut rand::rng())
        .public_key()
        .to_bytes();
    let (t, _) = time(&plan, progress, &format!("{name} X25519"), || {
        let peer = raw_public_key(sys::EVP_PKEY_X25519, &peer).expect("32 bytes");
        derive(&x_key, &peer).expect("AWS-LC X25519")
    });
    row.agree = Figure::Timed(t);
    progress.inc(1);
    Ok(row)
}

// ---------------------------------------------------------------------------------------------
// RSA
// ---------------------------------------------------------------------------------------------

/// A new RSA key of `bits` bits (public exponent 65537, AWS-LC's default).
fn rsa_keygen(bits: usize) -> Result<Pkey, String> {
    keygen(sys::EVP_PKEY_RSA, |ctx| {
        // SAFETY: `ctx` is a live key-generation context.
        unsafe { sys::EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits as c_int) }
    })
}

/// An RSA key (private, or public only) from PKCS#1 DER.
fn rsa_from_der(der: &[u8], private: bool) -> Result<Pkey, String> {
    // SAFETY: the parsers read `der.len()` bytes; the RSA object is owned by the EVP_PKEY once
    // assigned, and freed here if that fails.
    unsafe {
        let rsa = if private {
            sys::RSA_private_key_from_bytes(der.as_ptr(), der.len())
        } else {
            sys::RSA_public_key_from_bytes(der.as_ptr(), der.len())
        };
        let rsa = non_null(rsa, "parsing a PKCS#1 RSA key")?;
        let pkey = sys::EVP_PKEY_new();
        if pkey.is_null() || sys::EVP_PKEY_assign_RSA(pkey, rsa) != 1 {
            let error = last_error();
            sys::RSA_free(rsa);
            sys::EVP_PKEY_free(pkey);
            return Err(format!("AWS-LC: EVP_PKEY_assign_RSA failed: {error}"));
        }
        Ok(Pkey(pkey))
    }
}

/// The PKCS#1 DER of an RSA key: private (`RSAPrivateKey`) or public (`RSAPublicKey`).
fn rsa_to_der(key: &Pkey, private: bool) -> Result<Vec<u8>, String> {
    let mut out = null_mut();
    let mut len = 0;
    // SAFETY: the encoder allocates `len` bytes at `out`, copied and then freed here.
    unsafe {
        let rsa = sys::EVP_PKEY_get0_RSA(key.0);
        let rc = if private {
            sys::RSA_private_key_to_bytes(&mut out, &mut len, rsa)
        } else {
            sys::RSA_public_key_to_bytes(&mut out, &mut len, rsa)
        };
        check(rc, "encoding an RSA key")?;
        let der = std::slice::from_raw_parts(out, len).to_vec();
        sys::OPENSSL_free(out.cast());
        Ok(der)
    }
}

/// An `EVP_PKEY_CTX` for OAEP with SHA-256 (and MGF1-SHA-256), set up by `init`.
fn oaep_ctx(
    key: &Pkey,
    init: unsafe extern "C" fn(*mut sys::EVP_PKEY_CTX) -> c_int,
) -> Result<PkeyCtx, String> {
    // SAFETY: the context is checked and owned by its guard; the hash is a static description.
    unsafe {
        let ctx = PkeyCtx(non_null(
            sys::EVP_PKEY_CTX_new(key.0, null_mut()),
            "EVP_PKEY_CTX_new",
        )?);
        check(init(ctx.0), "EVP_PKEY_encrypt_init / decrypt_init")?;
        check(
            sys::EVP_PKEY_CTX_set_rsa_padding(ctx.0, sys::RSA_PKCS1_OAEP_PADDING),
            "EVP_PKEY_CTX_set_rsa_padding",
        )?;
        check(
            sys::EVP_PKEY_CTX_set_rsa_oaep_md(ctx.0, sys::EVP_sha256()),
            "EVP_PKEY_CTX_set_rsa_oaep_md",
        )?;
        check(
            sys::EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.0, sys::EVP_sha256()),
            "EVP_PKEY_CTX_set_rsa_mgf1_md",
        )?;
        Ok(ctx)
    }
}

/// OAEP-SHA-256 encryption (`encrypt`) or decryption of `input`.
fn oaep(key: &Pkey, encrypt: bool, input: &[u8]) -> Result<Vec<u8>, String> {
    type Op = unsafe extern "C" fn(
        *mut sys::EVP_PKEY_CTX,
        *mut u8,
        *mut usize,
        *const u8,
        usize,
    ) -> c_int;
    let (init, op, what): (_, Op, _) = if encrypt {
        (
            sys::EVP_PKEY_encrypt_init as unsafe extern "C" fn(_) -> _,
            sys::EVP_PKEY_encrypt,
            "EVP_PKEY_encrypt",
        )
    } else {
        (
            sys::EVP_PKEY_decrypt_init as unsafe extern "C" fn(_) -> _,
            sys::EVP_PKEY_decrypt,
            "EVP_PKEY_decrypt",
        )
    };
    let ctx = oaep_ctx(key, init)?;
    // SAFETY: the first call writes the maximum output length, the second at most that many
    // bytes; the input is only read.
    unsafe {
        let mut len = 0;
        check(
            op(ctx.0, null_mut(), &mut len, input.as_ptr(), input.len()),
            what,
        )?;
        let mut out = vec![0u8; len];
        check(
            op(
                ctx.0,
                out.as_mut_ptr(),
                &mut len,
                input.as_ptr(),
                input.len(),
            ),
            what,
        )?;
        out.truncate(len);
        Ok(out)
    }
}

/// The 32-byte key that OAEP carries (the `rsa` crate's rows use the same one).
const SESSION_KEY: [u8; 32] = [0x5a; 32];

/// Checks an AWS-LC RSA key against the same key in the `rsa` crate: identical PKCS#1 v1.5
/// signatures, a changed message rejected, OAEP ciphertexts decrypted both ways.
fn check_rsa(name: &str, key: &Pkey, public: &Pkey, ours: &rsa::PrivateKey) -> Result<(), String> {
    let fail = |what: &str| Err(format!("{name}: {what}"));
    let md = sha256();
    let theirs = sign(key, md, MESSAGE)?;
    let mine = ours
        .pkcs1v15_sign_with_rng::<Sha256, _>(&mut rand::rng(), MESSAGE)
        .map_err(|e| format!("{name}: rsa crate signing: {e}"))?;
    if theirs != mine {
        return fail("AWS-LC's and the rsa crate's PKCS#1 v1.5 signatures differ");
    }
    if !verify(public, md, MESSAGE, &theirs) || verify(public, md, b"another message", &theirs) {
        return fail("AWS-LC's verification is wrong on its own signature");
    }
    let to_them = ours
        .to_public_key()
        .oaep_encrypt_with_rng::<Sha256, _>(&mut rand::rng(), &SESSION_KEY)
        .map_err(|e| format!("{name}: rsa crate OAEP: {e}"))?;
    if oaep(key, false, &to_them)? != SESSION_KEY {
        return fail("AWS-LC decrypts the rsa crate's OAEP ciphertext wrongly");
    }
    let to_us = oaep(public, true, &SESSION_KEY)?;
    let plain = ours
        .oaep_decrypt_with_rng::<Sha256, _>(&mut rand::rng(), &to_us)
        .map_err(|e| format!("{name}: rsa crate OAEP decryption: {e}"))?;
    if plain != SESSION_KEY {
        return fail("the rsa crate decrypts AWS-LC's OAEP ciphertext wrongly");
    }
    Ok(())
}

fn sha256() -> *const sys::EVP_MD {
    // SAFETY: a pointer to a static hash description.
    unsafe { sys::EVP_sha256() }
}

fn measure_rsa(bits: usize, mode: Mode, progress: &ProgressBar) -> Result<Row, String> {
    let name = format!("RSA-{bits} (AWS-LC)");
    let plan = mode.op_plan();
    let md = sha256();

    let (keygen, generated) = match mode.rsa_keygen_plan(bits) {
        Some(keygen_plan) => {
            let (t, key) = time(
                &keygen_plan,
                progress,
                &format!("{name} key generation"),
                || rsa_keygen(bits).expect("AWS-LC RSA key generation"),
            );
            (Figure::Timed(t), Some(key))
        }
        None => (Figure::NotTimed, None),
    };
    // The fixture at the big sizes (as the rsa crate's rows), else the last key generated.
    let (key, ours) = if rsa_uses_fixture(bits) {
        progress.set_message(format!("{name}: loading vectors/rsa/rsa-{bits}.pem"));
        let ours = load_rsa_fixture(bits)?;
        let der = ours
            .to_pkcs1_der()
            .map_err(|e| format!("{name}: PKCS#1 encoding: {e}"))?;
        (rsa_from_der(der.as_bytes(), true)?, ours)
    } else {
        let key = generated.expect("generated when not a fixture");
        let ours = rsa::PrivateKey::from_pkcs1_der(&rsa_to_der(&key, true)?)
            .map_err(|e| format!("{name}: the rsa crate cannot decode AWS-LC's key: {e}"))?;
        (key, ours)
    };
    let public = rsa_from_der(&rsa_to_der(&key, false)?, false)?;
    progress.set_message(format!("{name}: checking against the rsa crate"));
    check_rsa(&name, &key, &public, &ours)?;
    let contender = Contender {
        algorithm: Algorithm::Rsa(bits),
        library: Library::AwsLc,
    };
    let mut row = Row::new(contender, Sizes::rsa(&ours));
    row.keygen = keygen;
    progress.inc(1);

    let (t, signature) = time(&plan, progress, &format!("{name} sign"), || {
        sign(&key, md, MESSAGE).expect("AWS-LC RSA signing")
    });
    row.sign = Figure::Timed(t);
    progress.inc(1);

    let (t, ok) = time(&plan, progress, &format!("{name} verify"), || {
        verify(&public, md, MESSAGE, &signature)
    });
    if !ok {
        return Err(format!("{name}: its own signature does not verify"));
    }
    row.verify = Figure::Timed(t);
    progress.inc(1);

    let (t, ciphertext) = time(&plan, progress, &format!("{name} OAEP encrypt"), || {
        oaep(&public, true, &SESSION_KEY).expect("AWS-LC OAEP encryption")
    });
    row.encrypt = Figure::Timed(t);
    progress.inc(1);

    let (t, plain) = time(&plan, progress, &format!("{name} OAEP decrypt"), || {
        oaep(&key, false, &ciphertext).expect("AWS-LC OAEP decryption")
    });
    if plain != SESSION_KEY {
        return Err(format!("{name}: OAEP round trip failed"));
    }
    row.decrypt = Figure::Timed(t);
    progress.inc(1);
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rsa_1024_round_trips_and_matches_the_rsa_crate() {
        let key = rsa_keygen(1024).unwrap();
        let der = rsa_to_der(&key, true).unwrap();
        let ours = rsa::PrivateKey::from_pkcs1_der(&der).unwrap();
        let public = rsa_from_der(&rsa_to_der(&key, false).unwrap(), false).unwrap();
        check_rsa("RSA-1024", &key, &public, &ours).unwrap();
        assert_eq!(Sizes::rsa(&ours).signature, 128);
    }

    #[test]
    fn ecc_keys_match_ecckit_on_every_curve() {
        fn on<C: EcdsaCurve>(curve: EccCurve, nid: c_int) {
            let key = ec_keygen(nid).unwrap();
            let public = ec_public_key(nid, &ec_public_sec1(&key).unwrap()).unwrap();
            check_ecc::<C>(curve, nid, &key, &public).unwrap();
        }
        on::<NistP224>(EccCurve::P224, sys::NID_secp224r1);
        on::<NistP256>(EccCurve::P256, sys::NID_X9_62_prime256v1);
        on::<NistP384>(EccCurve::P384, sys::NID_secp384r1);
        on::<NistP521>(EccCurve::P521, sys::NID_secp521r1);
    }

    #[test]
    fn curve25519_keys_and_signatures_match_ecckit() {
        let ed = keygen(sys::EVP_PKEY_ED25519, |_| 1).unwrap();
        let public = raw_public_key(sys::EVP_PKEY_ED25519, &raw_key(&ed, false).unwrap()).unwrap();
        let x = keygen(sys::EVP_PKEY_X25519, |_| 1).unwrap();
        check_curve25519(&ed, &public, &x).unwrap();
        // The check can fail: another key's signature differs from this one's.
        let other = keygen(sys::EVP_PKEY_ED25519, |_| 1).unwrap();
        assert!(check_curve25519(&other, &public, &x).is_err());
    }

    #[test]
    fn off_curve_peer_points_are_rejected() {
        let key = ec_keygen(sys::NID_X9_62_prime256v1).unwrap();
        let mut sec1 = ec_public_sec1(&key).unwrap();
        sec1[64] ^= 1;
        assert!(ecdh(&key, sys::NID_X9_62_prime256v1, &sec1).is_err());
    }

    /// What `--full` needs: AWS-LC generates keys at the two big sizes, which `aws-lc-rs` cannot
    /// (25 s for both on the development machine).
    /// `cargo test --release -p ecckit-peers --bin ecc_vs_rsa -- --ignored`
    #[test]
    #[ignore]
    fn generates_7680_and_15360_bit_keys() {
        for bits in [7680, 15360] {
            let key = rsa_keygen(bits).unwrap();
            let ours = rsa::PrivateKey::from_pkcs1_der(&rsa_to_der(&key, true).unwrap()).unwrap();
            assert_eq!(Sizes::rsa(&ours).signature, bits / 8);
        }
    }
}
