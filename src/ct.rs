//! The one place where a secret-derived bit becomes public.
//!
//! Some bits computed from secrets are public by the protocol's design: a candidate nonce or key
//! was out of range and is discarded, a signature's `r` or `s` came out zero and signing retries,
//! a decoded private key is valid or not. Code may branch on such a bit only after passing it
//! through [`declassify`], which is never inlined, so that the constant-time check
//! (`.ci/ct-check`, which runs the secret-handling operations under valgrind with the secrets
//! marked undefined, the method of libsecp256k1's `ctime_tests`) can allow exactly this
//! function's branch by name and report every other branch on a secret, wherever the compiler
//! inlines it. libsecp256k1's `secp256k1_declassify` is the model; ecckit cannot tell valgrind
//! directly (that takes `unsafe` client requests), so the branch itself is the marker.

use subtle::Choice;

/// The bit `c` as a public `bool`: the single declassification point of the crate.
///
/// The result is `true` or `false` chosen by a conditional jump on `c` inside this function (the
/// two arms return constants from functions that are not inlined either), so the value returned
/// is a constant that valgrind tracks as defined, and the only branch on the secret-derived bit
/// is this function's own. Call it only for a bit that the protocol makes public.
#[inline(never)]
pub(crate) fn declassify(c: Choice) -> bool {
    if core::hint::black_box(c.unwrap_u8()) != 0 {
        public_true()
    } else {
        public_false()
    }
}

/// `true`, out of line: one arm of [`declassify`]'s jump.
#[inline(never)]
fn public_true() -> bool {
    core::hint::black_box(true)
}

/// `false`, out of line: the other arm of [`declassify`]'s jump.
#[inline(never)]
fn public_false() -> bool {
    core::hint::black_box(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declassify_is_the_bit() {
        assert!(declassify(Choice::from(1)));
        assert!(!declassify(Choice::from(0)));
    }
}
