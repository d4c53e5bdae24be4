//! Layer 5 (protocols), shared: the hash computations of ECDSA and RFC 6979, run so that the
//! compression function of the hash stays a function of its own.
//!
//! Uses nothing from the crate; only the `digest` traits (through `hmac`).
//!
//! # Why
//!
//! The SHA-256 instructions of x86 (`sha256rnds2`, `sha256msg1`, `sha256msg2`, used by `sha2`
//! when the CPU has them) exist only in the legacy SSE encoding; there is no VEX form. On Intel
//! CPUs a legacy SSE instruction that follows AVX code which left the upper halves of the
//! `ymm`/`zmm` registers in use costs a state transition of a few hundred cycles, and so does the
//! next VEX instruction after it. Compilers avoid this by emitting `vzeroupper` before calls and
//! returns, but not inside a function.
//!
//! When `sha` and `avx` are both enabled at compile time (`-C target-cpu=native` on a recent x86,
//! for instance), `sha2`'s compression function no longer needs run-time detection, so LLVM may
//! inline it into its caller (it does under fat LTO): into HMAC's key set-up, whose
//! `key ⊕ ipad` is a 256-bit `vpxor`, or into a caller that copies blocks through `ymm`
//! registers. The SHA instructions, interleaved with the 128-bit VEX additions and shuffles
//! around them, then pay the transition on every round: HMAC-SHA256 took about 21 µs instead of
//! 0.2 µs, and P-256 signing about six times its usual time (docs/performance.md, "SHA-NI and
//! AVX").
//!
//! # What
//!
//! [`Outlined<D>`] is the hash `D` with its block function and its finalization each behind a
//! function that is never inlined. The compiler clears the upper register state before each call
//! to them, and their bodies hold only `D`'s own code, so the SHA instructions start clean.
//! Results are those of `D`, bit for bit; `D`'s state and buffer are wiped on drop as `D`'s own
//! are.
//!
//! [`Hash<D>`](type@Hash) is the type the crate computes with: `Outlined<D>` in builds that
//! enable both target features on x86, where the hazard exists, and `D` itself everywhere else,
//! where a call per block would only cost time (without `sha` at compile time, `sha2` reaches its
//! SHA code through run-time detection, a call that the compiler already guards).

// `Outlined` is used only where `Hash` names it; the tests below check it in every build.
#![cfg_attr(
    not(all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sha",
        target_feature = "avx"
    )),
    allow(dead_code)
)]

use hmac::EagerHash;
use hmac::digest::block_api::{
    Block, BlockSizeUser, Buffer, BufferKindUser, Eager, FixedOutputCore, UpdateCore,
};
use hmac::digest::{Digest, HashMarker, Output, OutputSizeUser};

/// The hash the crate computes with in this build (see the [module documentation](self)).
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sha",
    target_feature = "avx"
))]
pub(crate) type Hash<D> = Outlined<D>;

/// The hash the crate computes with in this build (see the [module documentation](self)).
#[cfg(not(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sha",
    target_feature = "avx"
)))]
pub(crate) type Hash<D> = D;

/// `H(msg)` for the hash `D`, computed as [`Hash<D>`](type@Hash).
pub(crate) fn digest<D: EagerHash>(msg: &[u8]) -> Output<Hash<D>> {
    <Hash<D> as Digest>::digest(msg)
}

/// The block-level core of [`Outlined<D>`]: `D`'s core, reached through calls that are not
/// inlined.
pub(crate) struct OutlinedCore<D: EagerHash>(D::Core);

impl<D: EagerHash> Clone for OutlinedCore<D> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<D: EagerHash> Default for OutlinedCore<D> {
    fn default() -> Self {
        Self(D::Core::default())
    }
}

impl<D: EagerHash> HashMarker for OutlinedCore<D> {}

impl<D: EagerHash> BlockSizeUser for OutlinedCore<D> {
    type BlockSize = <D::Core as BlockSizeUser>::BlockSize;
}

impl<D: EagerHash> OutputSizeUser for OutlinedCore<D> {
    type OutputSize = <D::Core as OutputSizeUser>::OutputSize;
}

impl<D: EagerHash> BufferKindUser for OutlinedCore<D> {
    type BufferKind = Eager;
}

impl<D: EagerHash> UpdateCore for OutlinedCore<D> {
    /// `D`'s block function. Not inlined: see the [module documentation](self).
    #[inline(never)]
    fn update_blocks(&mut self, blocks: &[Block<Self>]) {
        self.0.update_blocks(blocks);
    }
}

impl<D: EagerHash> FixedOutputCore for OutlinedCore<D> {
    /// `D`'s padding and last blocks. Not inlined: see the [module documentation](self).
    #[inline(never)]
    fn finalize_fixed_core(&mut self, buffer: &mut Buffer<Self>, out: &mut Output<Self>) {
        self.0.finalize_fixed_core(buffer, out);
    }
}

hmac::digest::buffer_fixed!(
    /// The hash `D`, with its compression function kept out of line (see the
    /// [module documentation](self)). Same output as `D`; usable wherever `D` is, `Hmac` included.
    pub(crate) struct Outlined<D: EagerHash>(OutlinedCore<D>);
    impl: BaseFixedTraits Default Clone HashMarker;
);

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::{Hmac, KeyInit, Mac};
    use sha2::{Sha224, Sha256, Sha384, Sha512};

    /// Bytes `0, 1, 2, …` (mod 251), `len` of them.
    fn message(len: usize) -> [u8; 300] {
        let mut m = [0u8; 300];
        for (i, b) in m.iter_mut().enumerate().take(len) {
            *b = (i % 251) as u8;
        }
        m
    }

    /// `Outlined<D>` agrees with `D` as a hash (in one piece and in two) and inside HMAC, for
    /// lengths around one, two and four blocks of either block size.
    fn agrees<D: EagerHash + hmac::digest::Update>() {
        for len in [
            0, 1, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 200, 256, 300,
        ] {
            let m = message(len);
            let msg = &m[..len];
            let plain = D::digest(msg);
            assert_eq!(Outlined::<D>::digest(msg).as_slice(), plain.as_slice());
            let (a, b) = msg.split_at(len / 3);
            let mut h = Outlined::<D>::new();
            Digest::update(&mut h, a);
            Digest::update(&mut h, b);
            assert_eq!(h.finalize().as_slice(), plain.as_slice());
            assert_eq!(digest::<D>(msg).as_slice(), plain.as_slice());
            for key_len in [0, 32, 64, 129] {
                let key = &message(key_len)[..key_len];
                let mut mac = <Hmac<D> as KeyInit>::new_from_slice(key).unwrap();
                Mac::update(&mut mac, msg);
                let mut outlined = <Hmac<Outlined<D>> as KeyInit>::new_from_slice(key).unwrap();
                Mac::update(&mut outlined, msg);
                assert_eq!(
                    outlined.finalize().into_bytes().as_slice(),
                    mac.finalize().into_bytes().as_slice()
                );
            }
        }
    }

    #[test]
    fn outlined_agrees_with_sha2() {
        agrees::<Sha224>();
        agrees::<Sha256>();
        agrees::<Sha384>();
        agrees::<Sha512>();
    }
}
