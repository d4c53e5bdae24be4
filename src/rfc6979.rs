//! Deterministic nonces (RFC 6979): the HMAC_DRBG half, for any scheme that needs a secret
//! nonce derived from a key and a message.
//!
//! Layer 5 (protocols), shared: uses nothing from the crate but `crate::hash` (the HMAC and hash
//! computations go through `hmac` and the SHA-2 hashes, as that module's `Hash` type says), so that
//! ECDSA ([`ecdsa`](crate::ecdsa)) and any later scheme (a BIP 340 Schnorr signer, for
//! instance) take their nonces from here without reaching into each other's internals.
//!
//! An ECDSA signature needs a fresh secret nonce `k` in `[1, n)` for every signature. If `k` is
//! ever reused, or even slightly biased, the private key can be recovered. [RFC 6979] removes the
//! need for a random number generator at signing time: `k` is derived from the private key `x` and
//! the message hash `h1` with HMAC_DRBG (the HMAC-based DRBG of NIST SP 800-90A). The result looks
//! random to anyone who does not know `x`, but the same key and message always give the same `k`.
//!
//! RFC 6979 calls the group order `q` and its bit length `qlen`; here they are `n` and `nlen`, as
//! in the rest of the crate. `rlen` here counts bytes, `ceil(nlen/8)` (the RFC's `rlen` is the same
//! length in bits).
//!
//! # Who does what
//!
//! RFC 6979 §3.2 mixes two kinds of work: integer arithmetic modulo the group order `n`, and HMAC.
//! This module does only the HMAC part. The caller (the ECDSA signer) has the scalar type for `n`
//! and does the arithmetic.
//!
//! | §3.2 step | What it does | Done by |
//! |-----------|--------------|---------|
//! | a | `h1 = H(m)` | caller |
//! | (inputs to d, f) | `int2octets(x)`, and `bits2octets(h1) = int2octets(bits2int(h1) mod n)`; both are exactly `rlen = ceil(nlen/8)` bytes | caller, using [`bits2int`] from here and its own `mod n` |
//! | b–g | `V = 0x01…`, `K = 0x00…`, then two rounds of `K = HMAC_K(V ‖ 0x0i ‖ int2octets(x) ‖ bits2octets(h1))`, `V = HMAC_K(V)` | [`HmacDrbg::new`] |
//! | h.1–h.2 | `T = T ‖ V` with `V = HMAC_K(V)` until `T` is long enough | [`HmacDrbg::fill_bytes`] |
//! | h.3 | `k = bits2int(T)`; accept if `1 <= k < n` | caller, using [`bits2int`] and a constant-time range check |
//! | h.3 (rejected) | `K = HMAC_K(V ‖ 0x00)`, `V = HMAC_K(V)`, back to h.1 | [`HmacDrbg::reseed_after_reject`] |
//!
//! So the caller's loop for step h looks like this:
//!
//! ```text
//! let mut drbg = HmacDrbg::<D>::new(&int2octets(x), &bits2octets(h1), extra);
//! loop {
//!     drbg.fill_bytes(&mut t);          // t.len() == rlen
//!     bits2int(&t, nlen, &mut k_bytes); // k_bytes.len() == rlen
//!     let k = Scalar::from_be_bytes(k_bytes);   // checks k < n in constant time
//!     if (k < n) & (k != 0) { return k; }       // constant-time test, one branch on the verdict
//!     drbg.reseed_after_reject();
//! }
//! ```
//!
//! Branching on the accept/reject verdict is fine: it only reveals that a candidate was rejected,
//! which happens with probability about `2^-32` or less for the NIST curves, and the rejected
//! candidate is never used.
//!
//! # Why `rlen` bytes from `fill_bytes` match the RFC exactly
//!
//! Step h.2 appends whole `hlen`-bit HMAC outputs to `T` while `tlen < nlen`, i.e. it computes
//! `ceil(nlen / hlen)` blocks. Asking [`HmacDrbg::fill_bytes`] for `rlen = ceil(nlen/8)` bytes
//! computes `ceil(rlen / (hlen/8))` blocks, which is the same number because nested ceilings
//! collapse: `ceil(ceil(nlen/8) / (hlen/8)) = ceil(nlen / hlen)`. The DRBG state after the call is
//! therefore identical to the RFC's, and the `rlen` bytes returned are the leftmost bytes of the
//! RFC's `T`, which contain the leftmost `nlen` bits that `bits2int` keeps.
//!
//! # Additional data (§3.6)
//!
//! The `extra` argument of [`HmacDrbg::new`] is appended to the seed material in steps d and f, as
//! §3.6 describes. With `extra` empty the output is the plain deterministic RFC 6979 nonce (and
//! matches the RFC's test vectors). With fresh random bytes in `extra` the nonce becomes "hedged":
//! it differs on every signature, yet stays safe even if the random source is broken, because the
//! key and message are still mixed in.
//!
//! # Constant time and zeroization
//!
//! Nothing here branches on, or indexes memory by, secret data: secrets only flow through HMAC, and
//! every loop and slice bound depends on public lengths (`nlen`, `hlen`, input lengths). The DRBG
//! state `K` and `V` is wiped when an [`HmacDrbg`] is dropped. (Transient HMAC states inside the
//! `hmac` crate are not wiped, since its `zeroize` feature is not enabled.)
//!
//! # Dependencies
//!
//! Only the `hmac` crate (and the `digest` traits it re-exports) is used for the computation, plus
//! `zeroize` for wiping; the tests use `sha2`.
//!
//! [RFC 6979]: https://www.rfc-editor.org/rfc/rfc6979

use crate::hash::Hash;
use hmac::digest::{FixedOutput, Output};
use hmac::{Hmac, KeyInit, Mac};
use zeroize::{Zeroize, ZeroizeOnDrop};

/// A hash usable for HMAC_DRBG and so for RFC 6979: a fixed-output digest that `hmac` accepts
/// (`sha2::{Sha224, Sha256, Sha384, Sha512}`). `Update` is named too, so that the `signature`
/// crate's digest traits can take the hash state directly.
pub trait HmacDigest: hmac::digest::Digest + hmac::digest::Update + hmac::EagerHash {}
impl<D: hmac::digest::Digest + hmac::digest::Update + hmac::EagerHash> HmacDigest for D {}

/// One HMAC output (`hlen` bytes): the type of both `K` and `V`.
type Block<D> = Output<Hmac<Hash<D>>>;

/// The HMAC_DRBG of RFC 6979 §3.2, steps b–h, for the hash `D`.
///
/// The state is the key `K` and the chaining value `V`, each `hlen` bytes (the output size of `D`).
/// Both are secret: anyone who learns them can compute the nonce, and from the nonce and a
/// signature, the private key. They are zeroized on drop.
///
/// See the [module documentation](self) for how the caller drives it.
pub struct HmacDrbg<D: HmacDigest> {
    /// The HMAC key `K`.
    k: Block<D>,
    /// The chaining value `V`; each new output block is `V = HMAC_K(V)`.
    v: Block<D>,
}

impl<D: HmacDigest> HmacDrbg<D> {
    /// Seeds the DRBG: RFC 6979 §3.2 steps b–g.
    ///
    /// - `x` is `int2octets(x)`: the private key, big-endian, exactly `rlen = ceil(nlen/8)` bytes.
    /// - `h` is `bits2octets(h1)`: the message hash reduced as `bits2int(h1) mod n`, big-endian,
    ///   exactly `rlen` bytes.
    /// - `extra` is the optional additional data `k'` of §3.6; pass `&[]` for plain RFC 6979.
    ///
    /// The caller computes `x` and `h` because they need arithmetic modulo `n`; this function only
    /// hashes the bytes it is given, so it cannot check their lengths against `n`.
    pub fn new(x: &[u8], h: &[u8], extra: &[u8]) -> Self {
        // Steps b and c: V = 0x01 0x01 ... 0x01, K = 0x00 0x00 ... 0x00.
        let mut v = Block::<D>::default();
        v.fill(0x01);
        let mut drbg = Self {
            k: Block::<D>::default(),
            v,
        };
        // Steps d and e: K = HMAC_K(V ‖ 0x00 ‖ x ‖ h ‖ extra), V = HMAC_K(V).
        drbg.update(0x00, &[x, h, extra]);
        // Steps f and g: the same with separator byte 0x01.
        drbg.update(0x01, &[x, h, extra]);
        drbg
    }

    /// Produces the next `out.len()` output bytes: RFC 6979 §3.2 step h.2.
    ///
    /// Each round computes `V = HMAC_K(V)` and appends `V` to the output (`T = T ‖ V`); the last
    /// block is truncated to fit. Ask for exactly `rlen` bytes per candidate so that the state
    /// stays in step with the RFC (see the module documentation).
    pub fn fill_bytes(&mut self, out: &mut [u8]) {
        for chunk in out.chunks_mut(self.v.len()) {
            self.v = Self::hmac(&self.k, &self.v);
            chunk.copy_from_slice(&self.v[..chunk.len()]);
        }
    }

    /// Moves on after a rejected candidate: RFC 6979 §3.2 step h.3, `K = HMAC_K(V ‖ 0x00)`,
    /// `V = HMAC_K(V)`.
    ///
    /// Call this when `bits2int(T)` was not in `[1, n)`, then call [`fill_bytes`](Self::fill_bytes)
    /// again for the next candidate.
    pub fn reseed_after_reject(&mut self) {
        self.update(0x00, &[]);
    }

    /// The HMAC_DRBG update shared by steps d–g and h.3: `K = HMAC_K(V ‖ separator ‖ data…)`, then
    /// `V = HMAC_K(V)`.
    fn update(&mut self, separator: u8, data: &[&[u8]]) {
        let mut mac = Self::keyed_mac(&self.k);
        Mac::update(&mut mac, &self.v);
        Mac::update(&mut mac, &[separator]);
        for part in data {
            Mac::update(&mut mac, part);
        }
        // Write the new K straight into place instead of via a temporary.
        mac.finalize_into(&mut self.k);
        self.v = Self::hmac(&self.k, &self.v);
    }

    /// Computes `HMAC_key(data)`.
    fn hmac(key: &[u8], data: &[u8]) -> Block<D> {
        let mut mac = Self::keyed_mac(key);
        Mac::update(&mut mac, data);
        let mut out = Block::<D>::default();
        mac.finalize_into(&mut out);
        out
    }

    /// Starts an HMAC computation keyed with `key`.
    fn keyed_mac(key: &[u8]) -> Hmac<Hash<D>> {
        // HMAC is defined for keys of any length (long keys are hashed, short ones zero-padded),
        // and `hmac` never returns an error here.
        <Hmac<Hash<D>> as KeyInit>::new_from_slice(key).expect("HMAC accepts keys of any length")
    }
}

impl<D: HmacDigest> Drop for HmacDrbg<D> {
    fn drop(&mut self) {
        self.k.as_mut_slice().zeroize();
        self.v.as_mut_slice().zeroize();
    }
}

impl<D: HmacDigest> ZeroizeOnDrop for HmacDrbg<D> {}

/// `bits2int` of RFC 6979 §2.3.2 (the same truncation as FIPS 186-5 ECDSA): reads `data` as a
/// big-endian bit string, keeps its leftmost `nlen` bits, and writes that integer big-endian into
/// `out`, left-padded with zeros.
///
/// `out.len()` must be `rlen = ceil(nlen/8)`. The result is below `2^nlen` but may still be `>= n`;
/// reducing it (for `bits2octets`) or rejecting it (for a nonce candidate) is the caller's job.
///
/// - If `data` has at most `nlen` bits, nothing is cut: `data` is copied to the right end of `out`.
///   (For example, `nlen = 521` and a 64-byte SHA-512 hash give `0x00 0x00 ‖ data`.)
/// - Otherwise the integer is `data >> (8*data.len() - nlen)`. (For example, `nlen = 256` and 64
///   bytes give the first 32 bytes; `nlen = 163` and 32 bytes give the first 21 bytes shifted right
///   by 5 bits.)
///
/// Works for any `data` length, including empty (giving zero), and any `nlen`. Runs in time
/// depending only on the lengths and `nlen`, never on the contents of `data`.
///
/// # Panics
///
/// If `out.len() != ceil(nlen/8)`; the lengths are public, so this check does not leak anything.
pub fn bits2int(data: &[u8], nlen: u32, out: &mut [u8]) {
    let nlen = u64::from(nlen);
    let rlen = nlen.div_ceil(8);
    assert_eq!(
        out.len() as u64,
        rlen,
        "bits2int: out must be ceil(nlen/8) bytes"
    );

    // A slice never holds more than isize::MAX bytes, so this cannot overflow.
    let blen = data.len() as u64 * 8;
    out.fill(0);

    if blen <= nlen {
        // Short input: the whole bit string is the integer. It has at most nlen bits, so at most
        // rlen bytes, and goes at the right of `out`.
        let start = out.len() - data.len();
        out[start..].copy_from_slice(data);
        return;
    }

    // Long input: drop the rightmost `blen - nlen` bits. First drop whole bytes, then shift the
    // rest right by the remaining 0..=7 bits.
    let excess = blen - nlen;
    let drop_bytes = (excess / 8) as usize; // < data.len(), so fits in usize
    let shift = (excess % 8) as u32;
    let kept = &data[..data.len() - drop_bytes];

    // `kept` holds nlen + shift bits, a multiple of 8. Whether `shift` is 0 (then kept is nlen/8
    // bytes) or not (then nlen + shift rounds nlen up to the next multiple of 8), that is exactly
    // ceil(nlen/8) = rlen bytes.
    debug_assert_eq!(kept.len(), out.len());

    // Shift right by `shift` bits: each output byte takes its low bits from the same input byte and
    // its high bits from the previous one. Using a 16-bit window makes `shift == 0` need no special
    // case.
    let mut previous = 0u8;
    for (o, &byte) in out.iter_mut().zip(kept) {
        let window = (u16::from(previous) << 8) | u16::from(byte);
        *o = (window >> shift) as u8;
        previous = byte;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::digest::Digest;
    use sha2::{Sha224, Sha256, Sha384, Sha512};

    /// Decodes a hex string into exactly `N` bytes (test inputs only).
    fn hex<const N: usize>(s: &str) -> [u8; N] {
        assert_eq!(s.len(), 2 * N, "hex string has the wrong length");
        let mut out = [0u8; N];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("valid hex");
        }
        out
    }

    /// `a < b` for equal-length big-endian integers (test-only, not constant time).
    fn less_than(a: &[u8], b: &[u8]) -> bool {
        assert_eq!(a.len(), b.len());
        a < b
    }

    /// `a -= n` if `a >= n`, for equal-length big-endian integers. Enough for `bits2int(h1) mod n`,
    /// because `bits2int(h1) < 2^nlen < 2n`. Test-only, not constant time.
    fn reduce_once(a: &mut [u8], n: &[u8]) {
        if less_than(a, n) {
            return;
        }
        let mut borrow = 0i16;
        for (ai, &ni) in a.iter_mut().zip(n).rev() {
            let d = i16::from(*ai) - i16::from(ni) - borrow;
            borrow = i16::from(d < 0);
            *ai = d.rem_euclid(256) as u8;
        }
        assert_eq!(borrow, 0);
    }

    /// The whole RFC 6979 §3.2 procedure with the caller's parts done naively: returns the nonce
    /// and the number of rejected candidates.
    fn rfc6979_k<D: HmacDigest, const R: usize>(
        x: &[u8; R],
        n: &[u8; R],
        nlen: u32,
        msg: &[u8],
        extra: &[u8],
    ) -> ([u8; R], usize) {
        let h1 = D::digest(msg);
        let mut h = [0u8; R];
        bits2int(&h1, nlen, &mut h);
        reduce_once(&mut h, n);

        let mut drbg = HmacDrbg::<D>::new(x, &h, extra);
        let mut t = [0u8; R];
        let mut k = [0u8; R];
        let mut rejected = 0;
        loop {
            drbg.fill_bytes(&mut t);
            bits2int(&t, nlen, &mut k);
            if k != [0u8; R] && less_than(&k, n) {
                return (k, rejected);
            }
            rejected += 1;
            drbg.reseed_after_reject();
        }
    }

    // RFC 6979 A.2.5: NIST P-256.
    const P256_N: &str = "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551";
    const P256_X: &str = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";

    #[test]
    fn p256_sha256_vectors_a25() {
        let n: [u8; 32] = hex(P256_N);
        let x: [u8; 32] = hex(P256_X);
        let cases = [
            (
                &b"sample"[..],
                "A6E3C57DD01ABE90086538398355DD4C3B17AA873382B0F24D6129493D8AAD60",
            ),
            (
                &b"test"[..],
                "D16B6AE827F17175E040871A1C7EC3500192C4C92677336EC2537ACAEE0008E0",
            ),
        ];
        for (msg, expected_k) in cases {
            // Spelled out as the caller will do it.
            let h1: [u8; 32] = Sha256::digest(msg).into();
            let mut h = [0u8; 32];
            bits2int(&h1, 256, &mut h);
            assert_eq!(h, h1, "nlen = hlen: bits2int is the identity");
            reduce_once(&mut h, &n);

            let mut drbg = HmacDrbg::<Sha256>::new(&x, &h, &[]);
            let mut t = [0u8; 32];
            drbg.fill_bytes(&mut t);
            let mut k = [0u8; 32];
            bits2int(&t, 256, &mut k);
            assert!(less_than(&k, &n), "first candidate is in range");
            assert_eq!(k, hex::<32>(expected_k));

            // The same through the generic helper.
            assert_eq!(
                rfc6979_k::<Sha256, 32>(&x, &n, 256, msg, &[]),
                (hex(expected_k), 0)
            );
        }
    }

    #[test]
    fn p256_other_hashes_a25() {
        // SHA-224 (h1 shorter than n: left-padded), SHA-384 and SHA-512 (h1 longer than n:
        // truncated; V longer than rlen: truncated).
        let n: [u8; 32] = hex(P256_N);
        let x: [u8; 32] = hex(P256_X);
        let sample = b"sample";
        assert_eq!(
            rfc6979_k::<Sha224, 32>(&x, &n, 256, sample, &[]).0,
            hex("103F90EE9DC52E5E7FB5132B7033C63066D194321491862059967C715985D473")
        );
        assert_eq!(
            rfc6979_k::<Sha384, 32>(&x, &n, 256, sample, &[]).0,
            hex("09F634B188CEFD98E7EC88B1AA9852D734D0BC272F7D2A47DECC6EBEB375AAD4")
        );
        assert_eq!(
            rfc6979_k::<Sha512, 32>(&x, &n, 256, sample, &[]).0,
            hex("5FA81C63109BADB88C1F367B47DA606DA28CAD69AA22C4FE6AD7DF73A7173AA5")
        );
    }

    #[test]
    fn p521_vectors_a27() {
        // nlen = 521 is not byte aligned and rlen = 66 exceeds hlen, so fill_bytes spans several
        // HMAC blocks and bits2int shifts by 7 bits.
        let n: [u8; 66] = hex(concat!(
            "01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
            "FA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409"
        ));
        let x: [u8; 66] = hex(concat!(
            "00FAD06DAA62BA3B25D2FB40133DA757205DE67F5BB0018FEE8C86E1B68C7E75CA",
            "A896EB32F1F47C70855836A6D16FCC1466F6D8FBEC67DB89EC0C08B0E996B83538"
        ));
        assert_eq!(
            rfc6979_k::<Sha256, 66>(&x, &n, 521, b"sample", &[]).0,
            hex(concat!(
                "00EDF38AFCAAECAB4383358B34D67C9F2216C8382AAEA44A3DAD5FDC9C32575761",
                "793FEF24EB0FC276DFC4F6E3EC476752F043CF01415387470BCBD8678ED2C7E1A0"
            ))
        );
        assert_eq!(
            rfc6979_k::<Sha512, 66>(&x, &n, 521, b"sample", &[]).0,
            hex(concat!(
                "01DAE2EA071F8110DC26882D4D5EAE0621A3256FC8847FB9022E2B7D28E6F10198",
                "B1574FDD03A9053C08A1854A168AA5A57470EC97DD5CE090124EF52A2F7ECBFFD3"
            ))
        );
    }

    #[test]
    fn k163_walkthrough_a1() {
        // RFC 6979 A.1: n (the RFC's q) of 163 bits (rlen = 21), SHA-256, message "sample".
        let n: [u8; 21] = hex("04000000000000000000020108A2E0CC0D99F8A5EF");
        let x: [u8; 21] = hex("009A4D6792295A7F730FC3F2B49CBC0F62E862272F");
        let nlen = 163;

        // A.1.2/A.1.3: h1 and bits2octets(h1).
        let h1: [u8; 32] = Sha256::digest(b"sample").into();
        assert_eq!(
            h1,
            hex::<32>("AF2BDBE1AA9B6EC1E2ADE1D694F41FC71A831D0268E9891562113D8A62ADD1BF")
        );
        let mut h = [0u8; 21];
        bits2int(&h1, nlen, &mut h);
        // bits2int(h1) = h1 >> 93 (this intermediate is not printed in the RFC; it was checked
        // independently with Python big integers).
        assert_eq!(h, hex::<21>("05795EDF0D54DB760F156F0EB4A7A0FE38D418E813"));
        reduce_once(&mut h, &n);
        assert_eq!(h, hex::<21>("01795EDF0D54DB760F156D0DAC04C0322B3A204224"));

        // Steps b–g: the K and V printed in A.1.3.
        let mut drbg = HmacDrbg::<Sha256>::new(&x, &h, &[]);
        assert_eq!(
            drbg.k[..],
            hex::<32>("0CF2FE96D5619C9EF53CB7417D49D37EA68A4FFED0D7E623E38689289911BD57")
        );
        assert_eq!(
            drbg.v[..],
            hex::<32>("783457C1CF3148A8F2A9AE73ED472FA98ED9CD925D8E964CE0764DEF3F842B9A")
        );

        // Step h, three rounds. The RFC's T is one full 32-byte V; we draw rlen = 21 bytes, its
        // leftmost part, which holds the 163 bits kept.
        let mut t = [0u8; 21];
        let mut k = [0u8; 21];

        // Round 1: T = 9305A46D..., k = 04982D23... which is >= n: rejected.
        drbg.fill_bytes(&mut t);
        assert_eq!(t, hex::<21>("9305A46DE7FF8EB107194DEBD3FD48AA20D5E7656C"));
        bits2int(&t, nlen, &mut k);
        assert_eq!(k, hex::<21>("04982D236F3FFC758838CA6F5E9FEA455106AF3B2B"));
        assert!(!less_than(&k, &n));
        drbg.reseed_after_reject();
        assert_eq!(
            drbg.k[..],
            hex::<32>("75CB5C05B2A78C3D81DF12D74D7BE0A0E94AB19815781D4D8E2902A79D0A6699")
        );
        assert_eq!(
            drbg.v[..],
            hex::<32>("DCB9CA126107A9C27CE77BA58EA871C8C912D835EADDC305F2445D88F66C4C43")
        );

        // Round 2: T = C70C7860..., k = 063863C3... which is >= n: rejected.
        drbg.fill_bytes(&mut t);
        assert_eq!(t, hex::<21>("C70C78608A3B5BE9289BE90EF6E81A9E2C1516D575"));
        bits2int(&t, nlen, &mut k);
        assert_eq!(k, hex::<21>("063863C30451DADF4944DF4877B740D4F160A8B6AB"));
        assert!(!less_than(&k, &n));
        drbg.reseed_after_reject();
        assert_eq!(
            drbg.k[..],
            hex::<32>("0A5A64B99C059520103686CB6F36BCFCA788EB3BCF69BA66A5BB080B0593BA53")
        );
        assert_eq!(
            drbg.v[..],
            hex::<32>("0B3B196811B19F6C6F729C43F35BCF0DFD725F17CA3430E8721453E55550A18F")
        );

        // Round 3: T = 475E80E9..., k = 023AF407... which is in [1, n): accepted.
        drbg.fill_bytes(&mut t);
        assert_eq!(t, hex::<21>("475E80E992140567FCC3A50DAB90FE84BCD7BB0363"));
        bits2int(&t, nlen, &mut k);
        assert_eq!(k, hex::<21>("023AF4074C90A02B3FE61D286D5C87F425E6BDD81B"));
        assert!(less_than(&k, &n));

        // The generic loop agrees: two rejections, then this k.
        assert_eq!(
            rfc6979_k::<Sha256, 21>(&x, &n, nlen, b"sample", &[]),
            (k, 2)
        );
    }

    #[test]
    fn bits2int_edge_cases() {
        // Empty input is the integer 0, for any nlen.
        let mut out = [0xAAu8; 32];
        bits2int(&[], 256, &mut out);
        assert_eq!(out, [0u8; 32]);
        let mut out = [0xAAu8; 1];
        bits2int(&[], 1, &mut out);
        assert_eq!(out, [0u8; 1]);

        let data: [u8; 64] =
            core::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(0x9B));

        // nlen = 521, 64 bytes (512 bits <= 521): 0x0000 ‖ data.
        let mut out = [0xAAu8; 66];
        bits2int(&data, 521, &mut out);
        assert_eq!(out[..2], [0, 0]);
        assert_eq!(out[2..], data);

        // nlen = 256, 64 bytes: the first 32 bytes.
        let mut out = [0u8; 32];
        bits2int(&data, 256, &mut out);
        assert_eq!(out[..], data[..32]);

        // nlen = 256, 48 bytes: the first 32 bytes.
        let mut out = [0u8; 32];
        bits2int(&data[..48], 256, &mut out);
        assert_eq!(out[..], data[..32]);

        // nlen = 224, 32 bytes: the first 28 bytes.
        let mut out = [0u8; 28];
        bits2int(&data[..32], 224, &mut out);
        assert_eq!(out[..], data[..28]);

        // nlen = 256, 20 bytes (shorter than n): left-padded with 12 zeros.
        let mut out = [0xAAu8; 32];
        bits2int(&data[..20], 256, &mut out);
        assert_eq!(out[..12], [0u8; 12]);
        assert_eq!(out[12..], data[..20]);

        // nlen = 163, 32 bytes: the first 21 bytes shifted right by 5 bits.
        let mut out = [0u8; 21];
        bits2int(&data[..32], 163, &mut out);
        let mut expected = [0u8; 21];
        for (i, e) in expected.iter_mut().enumerate() {
            let high = if i == 0 { 0 } else { data[i - 1] << 3 };
            *e = high | (data[i] >> 5);
        }
        assert_eq!(out, expected);

        // nlen = 9, one byte (8 bits <= 9): just left-padded.
        let mut out = [0u8; 2];
        bits2int(&[0xFF], 9, &mut out);
        assert_eq!(out, [0x00, 0xFF]);

        // nlen = 1, two bytes: only the top bit survives.
        let mut out = [0u8; 1];
        bits2int(&[0x80, 0x00], 1, &mut out);
        assert_eq!(out, [1]);
        bits2int(&[0x7F, 0xFF], 1, &mut out);
        assert_eq!(out, [0]);
    }

    #[test]
    fn bits2int_never_panics_for_matching_out_lengths() {
        let data = [0xC3u8; 80];
        for nlen in 1..=600u32 {
            let rlen = nlen.div_ceil(8) as usize;
            let mut out = [0u8; 75];
            for len in 0..=data.len() {
                bits2int(&data[..len], nlen, &mut out[..rlen]);
                // The result has at most nlen significant bits.
                let unused_bits = rlen as u32 * 8 - nlen;
                assert_eq!(u32::from(out[0]) >> (8 - unused_bits), 0);
            }
        }
    }

    #[test]
    #[should_panic(expected = "ceil(nlen/8)")]
    fn bits2int_rejects_wrong_out_length() {
        let mut out = [0u8; 31];
        bits2int(&[0u8; 32], 256, &mut out);
    }

    #[test]
    fn deterministic_and_extra_data_changes_output() {
        let n: [u8; 32] = hex(P256_N);
        let x: [u8; 32] = hex(P256_X);
        let msg = b"sample";

        let plain = rfc6979_k::<Sha256, 32>(&x, &n, 256, msg, &[]);
        assert_eq!(plain, rfc6979_k::<Sha256, 32>(&x, &n, 256, msg, &[]));

        let extra_a = [0x11u8; 32];
        let extra_b = [0x22u8; 32];
        let hedged_a = rfc6979_k::<Sha256, 32>(&x, &n, 256, msg, &extra_a);
        let hedged_b = rfc6979_k::<Sha256, 32>(&x, &n, 256, msg, &extra_b);
        assert_ne!(hedged_a.0, plain.0);
        assert_ne!(hedged_b.0, plain.0);
        assert_ne!(hedged_a.0, hedged_b.0);
        assert_eq!(
            hedged_a,
            rfc6979_k::<Sha256, 32>(&x, &n, 256, msg, &extra_a)
        );

        // The raw DRBG output stream is reproducible too, across calls of different sizes, and
        // separated by reseed_after_reject.
        let h = [0x5Au8; 32];
        let mut one = HmacDrbg::<Sha256>::new(&x, &h, &[]);
        let mut two = HmacDrbg::<Sha256>::new(&x, &h, &[]);
        let mut a = [0u8; 70];
        let mut b = [0u8; 70];
        one.fill_bytes(&mut a);
        two.fill_bytes(&mut b);
        assert_eq!(a, b);
        one.reseed_after_reject();
        two.reseed_after_reject();
        one.fill_bytes(&mut a[..32]);
        two.fill_bytes(&mut b[..32]);
        assert_eq!(a[..32], b[..32]);
        assert_ne!(a[..32], a[32..64]);
    }

    #[test]
    fn fill_bytes_is_v_chain() {
        // Step h.2 directly: consecutive blocks are V1 = HMAC_K(V0), V2 = HMAC_K(V1), ... with K
        // unchanged, last block truncated.
        let mut drbg = HmacDrbg::<Sha256>::new(&[1, 2, 3], &[4, 5, 6], &[]);
        let k = drbg.k;
        let v1 = HmacDrbg::<Sha256>::hmac(&k, &drbg.v);
        let v2 = HmacDrbg::<Sha256>::hmac(&k, &v1);
        let mut out = [0u8; 40];
        drbg.fill_bytes(&mut out);
        assert_eq!(out[..32], v1[..]);
        assert_eq!(out[32..], v2[..8]);
        assert_eq!(drbg.k, k);
        assert_eq!(drbg.v, v2);
    }
}
