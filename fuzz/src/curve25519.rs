//! Code shared by the Curve25519 targets (`x25519_differential`, `ed25519_differential`,
//! `curve25519_decoders`) and the seed tool: input layouts, the eight small-order points, and
//! [`Model`], an independent statement of each Ed25519 verifier's rule computed with
//! curve25519-dalek's arithmetic, against which every verdict is checked.
//!
//! # The Ed25519 verifiers and where they differ
//! For a key encoding `A`, a signature `R ‖ S` and a message `M`, with `k = SHA-512(dom ‖ R ‖ A ‖
//! M) mod ℓ` over the bytes as given, every verifier below first requires `S < ℓ` and that `A`
//! decodes (leniently: `y ≥ p` reduced, "−0" read as `x = 0`; all three libraries decode `A` that
//! way). With the residue `E = [S]B − [k]A − R`:
//!
//! | verifier | `R` | small-order `A`, `R` | equation |
//! |---|---|---|---|
//! | ecckit `verify`, `verify_batch`; ed25519-zebra `verify` (ZIP 215) | decodes (lenient) | accepted | `[8]E = O` |
//! | ecckit `verify_strict` | canonical; `A` canonical too | refused | `[8]E = O` |
//! | ed25519-dalek `verify` (`Verifier`) | canonical (the recomputed `R` is compared as bytes) | accepted | `E = O` |
//! | ed25519-dalek `verify_strict` | canonical (same byte comparison) | refused | `E = O` |
//!
//! ([`Model::zip215`], [`Model::ecckit_strict`], [`Model::cofactorless`],
//! [`Model::dalek_strict`].) So the verdicts of ecckit's `verify_strict` and dalek's differ, by
//! design, in exactly two cases, and nowhere else:
//! 1. **`A` non-canonical** (one of the few `y ≥ p` encodings of a point, or "−0"): ecckit's
//!    `verify_strict` refuses it; dalek's does not check `A`'s encoding and accepts when the
//!    rest holds. Twenty of the 26 non-canonical encodings that decode are of large-order points
//!    (`y = p + i`, `i < 19`, all with a torsion component); a signature under one of them needs
//!    the discrete log of its prime-order part, so the fuzzer cannot reach this case, but the
//!    model covers it.
//! 2. **`E` a non-zero small-order point** (`A` or `R` carries a torsion component that the
//!    signer did not cancel): the cofactored equation holds and the cofactorless one does not, so
//!    ecckit's verifiers (and zebra) accept where dalek's refuse.
//!
//! And ecckit's `verify` (ZIP 215) differs from dalek's `verify` in case 2, for a non-canonical
//! `R` (ZIP 215 reads it, dalek's byte comparison cannot match it), and nowhere else. Where `A`
//! and `R` are canonical, torsion-free and not the identity, all five verdicts are equal; the
//! target asserts that directly, with ecckit's own `is_torsion_free_vartime` and
//! `is_small_order`, and asserts every verdict everywhere against the model.

use curve25519_dalek::constants::ED25519_BASEPOINT_POINT;
use curve25519_dalek::edwards::{CompressedEdwardsY, EdwardsPoint};
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::IsIdentity;
use sha2::{Digest, Sha512};

/// `ℓ`, the order of the base point, little-endian.
pub const ORDER: [u8; 32] = [
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
];

/// `p = 2^255 − 19`, little-endian.
pub const P: [u8; 32] = {
    let mut p = [0xffu8; 32];
    p[0] = 0xed;
    p[31] = 0x7f;
    p
};

/// A point of order 8 (the canonical encoding with `x` even of one of the four).
const ORDER_8: [u8; 32] = [
    0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f,
    0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a,
];

/// The eight points of order dividing 8, `[i]T` for a point `T` of order 8.
pub fn torsion() -> [EdwardsPoint; 8] {
    let t = CompressedEdwardsY(ORDER_8)
        .decompress()
        .expect("the order-8 point decodes");
    let mut out = [EdwardsPoint::default(); 8];
    for i in 1..8 {
        out[i] = out[i - 1] + t;
    }
    assert!(
        !out[4].is_identity() && (out[7] + t).is_identity(),
        "T has order 8"
    );
    out
}

/// The low-order X25519 `u` coordinates of libsodium's blocklist: 0, 1, the two points of order
/// 8, `p − 1`, `p` and `p + 1` (the last two non-canonical encodings of 0 and 1).
pub const LOW_ORDER_U: [[u8; 32]; 7] = [
    [0; 32],
    {
        let mut one = [0u8; 32];
        one[0] = 1;
        one
    },
    [
        0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3, 0xfa, 0xf1, 0x9f, 0xc4,
        0x6a, 0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32, 0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49,
        0xb8, 0x00,
    ],
    [
        0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1, 0x55, 0x9c, 0x83, 0xef,
        0x5b, 0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c, 0x8e, 0x86, 0xd8, 0x22, 0x4e, 0xdd, 0xd0, 0x9f,
        0x11, 0x57,
    ],
    add_small(&P, -1),
    P,
    add_small(&P, 1),
];

/// Little-endian `x + delta` on 256 bits (wrapping), for constants next to `p` and `ℓ`.
pub const fn add_small(x: &[u8; 32], delta: i16) -> [u8; 32] {
    let mut out = *x;
    let mut carry = delta as i32;
    let mut i = 0;
    while i < 32 {
        let v = out[i] as i32 + carry;
        out[i] = v.rem_euclid(256) as u8;
        carry = v.div_euclid(256);
        i += 1;
    }
    out
}

/// Little-endian `a + b` on 256 bits (wrapping).
pub fn add_le(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    let mut carry = 0u16;
    for i in 0..32 {
        let v = u16::from(a[i]) + u16::from(b[i]) + carry;
        out[i] = v as u8;
        carry = v >> 8;
    }
    out
}

/// Little-endian `a ≥ b`.
pub fn ge_le(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.iter().rev().cmp(b.iter().rev()) != core::cmp::Ordering::Less
}

/// Whether an Ed25519 point encoding is non-canonical, decided on the bytes alone: its low 255
/// bits are `≥ p`, or it is "−0" (the sign bit set on `y ≡ ±1`, the two points with `x = 0`).
pub fn non_canonical_bytes(bytes: &[u8; 32]) -> bool {
    let mut y = *bytes;
    y[31] &= 0x7f;
    let sign = bytes[31] >> 7 == 1;
    if ge_le(&y, &P) {
        return true;
    }
    let one = add_small(&[0; 32], 1);
    sign && (y == one || y == add_small(&P, -1))
}

/// The non-canonical encodings of Ed25519 points (`y ≥ p` with either sign, and "−0" of `y = ±1`),
/// whether or not a point has them: what a decoder must read leniently or refuse.
pub fn non_canonical_candidates() -> Vec<[u8; 32]> {
    let mut out = Vec::new();
    for i in 0..19i16 {
        let y = add_small(&P, i);
        out.push(y);
        let mut signed = y;
        signed[31] |= 0x80;
        out.push(signed);
    }
    for y in [add_small(&[0; 32], 1), add_small(&P, -1)] {
        let mut signed = y;
        signed[31] |= 0x80;
        out.push(signed);
    }
    out
}

/// An Ed25519 variant: `dom2` and the message it hashes.
#[derive(Clone, Copy, Debug)]
pub enum Domain<'a> {
    /// Ed25519.
    Pure,
    /// Ed25519ctx with this context.
    Ctx(&'a [u8]),
    /// Ed25519ph with this context (the message is hashed with SHA-512 first).
    Ph(&'a [u8]),
}

impl Domain<'_> {
    /// `k = SHA-512(dom2 ‖ R ‖ A ‖ M') mod ℓ` (RFC 8032 §5.1.7 step 2), `M'` the message or its
    /// SHA-512 for Ed25519ph.
    pub fn challenge(&self, r: &[u8], a: &[u8], msg: &[u8]) -> Scalar {
        let mut h = Sha512::new();
        let prehashed;
        let msg = match *self {
            Domain::Pure => msg,
            Domain::Ctx(ctx) | Domain::Ph(ctx) => {
                let flag = u8::from(matches!(self, Domain::Ph(_)));
                h.update(b"SigEd25519 no Ed25519 collisions");
                h.update([flag, u8::try_from(ctx.len()).expect("a short context")]);
                h.update(ctx);
                if flag == 1 {
                    prehashed = Sha512::digest(msg);
                    &prehashed[..]
                } else {
                    msg
                }
            }
        };
        h.update(r);
        h.update(a);
        h.update(msg);
        Scalar::from_bytes_mod_order_wide(&h.finalize().into())
    }
}

/// What each verification rule needs to know about `(A, R ‖ S, M)`, computed with
/// curve25519-dalek's decoding and arithmetic (see the [module docs](self)).
#[derive(Clone, Copy, Debug)]
pub struct Model {
    /// `S < ℓ`.
    pub s_canonical: bool,
    /// `A`, decoded leniently.
    pub a: Option<EdwardsPoint>,
    /// `R`, decoded leniently.
    pub r: Option<EdwardsPoint>,
    /// `A` decodes and its encoding is the canonical one (re-encoding gives the bytes back).
    pub a_canonical: bool,
    /// The same for `R`.
    pub r_canonical: bool,
    /// `[S]B − [k]A − R`, when `S < ℓ` and `A`, `R` decode.
    pub residue: Option<EdwardsPoint>,
}

impl Model {
    /// The model of verifying `sig` (64 bytes) on `msg` under the key encoding `a`.
    pub fn new(domain: Domain<'_>, a: &[u8; 32], sig: &[u8; 64], msg: &[u8]) -> Self {
        let r_bytes: [u8; 32] = sig[..32].try_into().expect("32 bytes");
        let s_bytes: [u8; 32] = sig[32..].try_into().expect("32 bytes");
        let s = Option::<Scalar>::from(Scalar::from_canonical_bytes(s_bytes));
        let a_point = CompressedEdwardsY(*a).decompress();
        let r_point = CompressedEdwardsY(r_bytes).decompress();
        let canonical = |p: Option<EdwardsPoint>, bytes: &[u8; 32]| {
            p.is_some_and(|p| p.compress().to_bytes() == *bytes)
        };
        let residue = match (s, a_point, r_point) {
            (Some(s), Some(big_a), Some(big_r)) => {
                let k = domain.challenge(&r_bytes, a, msg);
                Some(EdwardsPoint::vartime_double_scalar_mul_basepoint(&k, &-big_a, &s) - big_r)
            }
            _ => None,
        };
        Self {
            s_canonical: s.is_some(),
            a: a_point,
            r: r_point,
            a_canonical: canonical(a_point, a),
            r_canonical: canonical(r_point, &r_bytes),
            residue,
        }
    }

    /// Whether `A` is of small order (false when it does not decode).
    pub fn a_small(&self) -> bool {
        self.a.is_some_and(|p| p.is_small_order())
    }

    /// Whether `R` is of small order (false when it does not decode).
    pub fn r_small(&self) -> bool {
        self.r.is_some_and(|p| p.is_small_order())
    }

    /// ZIP 215: `S < ℓ`, `A` and `R` decode leniently, `[8]([S]B − [k]A − R) = O`.
    pub fn zip215(&self) -> bool {
        self.residue.is_some_and(|e| e.is_small_order())
    }

    /// ecckit's `verify_strict`: ZIP 215 with canonical `A` and `R`, neither of small order.
    pub fn ecckit_strict(&self) -> bool {
        self.zip215() && self.a_canonical && self.r_canonical && !self.a_small() && !self.r_small()
    }

    /// ed25519-dalek's `verify`: `S < ℓ`, `A` decodes, and the encoding of `[S]B − [k]A` is the
    /// bytes of `R` (so `R` canonical and the cofactorless `[S]B − [k]A − R = O`).
    pub fn cofactorless(&self) -> bool {
        self.r_canonical && self.residue.is_some_and(|e| e.is_identity())
    }

    /// ed25519-dalek's `verify_strict`: its `verify` with neither `A` nor `R` of small order.
    pub fn dalek_strict(&self) -> bool {
        self.cofactorless() && !self.a_small() && !self.r_small()
    }

    /// The residue is a non-zero point of small order: the cofactored rule accepts what the
    /// cofactorless one refuses (the first case of the [module docs](self)).
    pub fn torsion_residue(&self) -> bool {
        self.residue
            .is_some_and(|e| e.is_small_order() && !e.is_identity())
    }
}

/// The signer of RFC 8032 §5.1.6 written with curve25519-dalek, with torsion added to the key
/// and the commitment: from the seed's scalar `s` and nonce `r`, the key `A = [s]B + T_a` and
/// `R = [r]B + T_r` (`T_i` from [`torsion`]), encoded canonically, and `S = r + k·s` with `k`
/// over those encodings. With `T_a = T_r = O` it is the honest signature. Returns `(A, R ‖ S)`.
pub fn sign_with_torsion(
    seed: &[u8; 32],
    msg: &[u8],
    t_a: EdwardsPoint,
    t_r: EdwardsPoint,
) -> ([u8; 32], [u8; 64]) {
    let h = Sha512::digest(seed);
    let mut low: [u8; 32] = h[..32].try_into().expect("32 bytes");
    low[0] &= 248;
    low[31] &= 127;
    low[31] |= 64;
    let s = Scalar::from_bytes_mod_order(low);
    let r = Scalar::from_bytes_mod_order_wide(
        &Sha512::new()
            .chain_update(&h[32..])
            .chain_update(msg)
            .finalize()
            .into(),
    );
    let a = (EdwardsPoint::mul_base(&s) + t_a).compress().to_bytes();
    let big_r = (EdwardsPoint::mul_base(&r) + t_r).compress().to_bytes();
    let k = Domain::Pure.challenge(&big_r, &a, msg);
    let big_s = r + k * s;
    let mut sig = [0u8; 64];
    sig[..32].copy_from_slice(&big_r);
    sig[32..].copy_from_slice(big_s.as_bytes());
    (a, sig)
}

/// The base point, for the seeds' constructions.
pub fn basepoint() -> EdwardsPoint {
    ED25519_BASEPOINT_POINT
}

/// `ed25519_differential`'s input: `flags ‖ body ‖ ctx ‖ msg`.
///
/// * `flags` bit 0: 0 = **sign** mode, 1 = **verify** mode;
/// * `flags` bits 1–2 (verify mode): the variant, 1 = Ed25519ctx, 2 = Ed25519ph, 0 or 3 =
///   Ed25519;
/// * `flags` bits 3–7: the context length `c` (0–31); the context is the `c` bytes after the
///   body (fewer if the input ends), the message the rest;
/// * sign mode body: `seed (32) ‖ t_a ‖ t_r ‖ pos ‖ xor`: `t_a % 8` and `t_r % 8` choose the
///   torsion added to `A` and `R` in the hand-made signature, `t_a` bit 7 replaces its `S` by
///   `S + ℓ`; `xor` (if non-zero) is XORed into byte `pos % 64` of the honest signature, or with
///   `pos` bit 7 into byte `pos % 32` of the key;
/// * verify mode body: `A (32) ‖ R ‖ S (64)`.
#[derive(Clone, Copy, Debug)]
pub enum Ed25519Input<'a> {
    /// Sign with ecckit and the peers, and check verdicts on signatures derived from that.
    Sign {
        /// The seed.
        seed: &'a [u8; 32],
        /// Torsion index for `A` (bit 7: `S + ℓ`).
        t_a: u8,
        /// Torsion index for `R`.
        t_r: u8,
        /// Mutation position (bit 7: the key).
        pos: u8,
        /// Mutation mask.
        xor: u8,
        /// Context for Ed25519ctx and Ed25519ph.
        ctx: &'a [u8],
        /// The message.
        msg: &'a [u8],
    },
    /// Verify arbitrary bytes with every verifier.
    Verify {
        /// The variant (its context included).
        domain: Domain<'a>,
        /// The key encoding.
        key: &'a [u8; 32],
        /// The signature.
        sig: &'a [u8; 64],
        /// The message.
        msg: &'a [u8],
    },
}

impl<'a> Ed25519Input<'a> {
    /// Splits `data`; `None` if it is too short.
    pub fn parse(data: &'a [u8]) -> Option<Self> {
        let (&flags, data) = data.split_first()?;
        let ctx_len = usize::from(flags >> 3);
        let split_ctx = |rest: &'a [u8]| rest.split_at(ctx_len.min(rest.len()));
        if flags & 1 == 0 {
            let (seed, data) = data.split_first_chunk::<32>()?;
            let (&[t_a, t_r, pos, xor], rest) = data.split_first_chunk::<4>()?;
            let (ctx, msg) = split_ctx(rest);
            Some(Self::Sign {
                seed,
                t_a,
                t_r,
                pos,
                xor,
                ctx,
                msg,
            })
        } else {
            let (key, data) = data.split_first_chunk::<32>()?;
            let (sig, rest) = data.split_first_chunk::<64>()?;
            let (ctx, msg) = split_ctx(rest);
            let domain = match (flags >> 1) & 3 {
                1 => Domain::Ctx(ctx),
                2 => Domain::Ph(ctx),
                _ => Domain::Pure,
            };
            Some(Self::Verify {
                domain,
                key,
                sig,
                msg,
            })
        }
    }

    /// The input bytes (a context of at most 31 bytes).
    pub fn encode(&self) -> Vec<u8> {
        let ctx_flags = |ctx: &[u8]| {
            assert!(ctx.len() < 32, "contexts of at most 31 bytes");
            (ctx.len() as u8) << 3
        };
        match *self {
            Self::Sign {
                seed,
                t_a,
                t_r,
                pos,
                xor,
                ctx,
                msg,
            } => [&[ctx_flags(ctx)][..], seed, &[t_a, t_r, pos, xor], ctx, msg].concat(),
            Self::Verify {
                domain,
                key,
                sig,
                msg,
            } => {
                let (variant, ctx) = match domain {
                    Domain::Pure => (0, &[][..]),
                    Domain::Ctx(c) => (1, c),
                    Domain::Ph(c) => (2, c),
                };
                let flags = 1 | (variant << 1) | ctx_flags(ctx);
                [&[flags][..], key, sig, ctx, msg].concat()
            }
        }
    }
}

/// `x25519_differential`'s input: `k (32) ‖ u (32) ‖ [special]`. A `special` byte, if present,
/// changes `u`: `special % 16` below 7 replaces it with [`LOW_ORDER_U`]`[special % 16]` (bit 255
/// set if `special` bit 7 is), 7 replaces it with its non-canonical twin `u mod p + p` when that
/// fits in 255 bits (and the result must be that of `u mod p`); other values leave it.
#[derive(Clone, Copy, Debug)]
pub struct X25519Input<'a> {
    /// The scalar (clamped when used).
    pub k: &'a [u8; 32],
    /// The `u` coordinate.
    pub u: &'a [u8; 32],
    /// The optional special byte.
    pub special: Option<u8>,
}

impl<'a> X25519Input<'a> {
    /// Splits `data`; `None` if it is too short.
    pub fn parse(data: &'a [u8]) -> Option<Self> {
        let (k, data) = data.split_first_chunk::<32>()?;
        let (u, data) = data.split_first_chunk::<32>()?;
        Some(Self {
            k,
            u,
            special: data.first().copied(),
        })
    }

    /// The input bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = [&self.k[..], self.u].concat();
        out.extend(self.special);
        out
    }
}

/// A deterministic generator for `verify_batch`'s random coefficients: SHA-512 in counter mode
/// over a seed taken from the input, so that a crash reproduces. (A batch's soundness needs
/// coefficients the signer cannot predict; a hash of the whole input is that for the fuzzer.)
pub struct HashRng {
    seed: [u8; 64],
    counter: u64,
}

impl HashRng {
    /// The generator seeded with `SHA-512(parts…)`.
    pub fn new(parts: &[&[u8]]) -> Self {
        let mut h = Sha512::new();
        for p in parts {
            h.update(p);
        }
        Self {
            seed: h.finalize().into(),
            counter: 0,
        }
    }

    fn fill(&mut self, dst: &mut [u8]) {
        for chunk in dst.chunks_mut(64) {
            let block = Sha512::new()
                .chain_update(self.seed)
                .chain_update(self.counter.to_le_bytes())
                .finalize();
            self.counter += 1;
            chunk.copy_from_slice(&block[..chunk.len()]);
        }
    }
}

impl ecckit::rand_core::TryRng for HashRng {
    type Error = core::convert::Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        let mut b = [0u8; 4];
        self.fill(&mut b);
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        let mut b = [0u8; 8];
        self.fill(&mut b);
        Ok(u64::from_le_bytes(b))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        self.fill(dst);
        Ok(())
    }
}

impl ecckit::rand_core::TryCryptoRng for HashRng {}
