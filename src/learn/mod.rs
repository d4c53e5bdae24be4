//! **Learning ECC with ecckit**: a guided path from `a·b mod p` to a verified signature, on the
//! code that signs with P-256.
//!
//! A documentation-only module: each chapter is a page of explanation whose code blocks are
//! doc tests (`cargo test` runs them), so what you read is what the crate does. Read in order:
//!
//! 1. [`fields`] — arithmetic modulo a prime: `F_17` by hand, Montgomery form, inversion, square
//!    roots, and how P-256's prime makes reduction cheap.
//! 2. [`curves`] — the equation `y² = x³ + ax + b`, its points over a small field, and a curve of
//!    your own with [`toy_curve!`](crate::toy_curve).
//! 3. [`group_law`] — chord and tangent: how two points add, and why the points form a group.
//! 4. [`projective`] — coordinates without divisions, and formulas without special cases.
//! 5. [`scalar_mul`] — `k·P` by doubling and adding, and how to do it without leaking `k`.
//! 6. [`ecdsa`] — signing and verifying by hand; deterministic nonces; what nonce reuse costs.
//! 7. [`ecdh`] — key agreement, and why public keys are checked.
//! 8. [`ecdlp`] — why it is hard to go back from `k·G` to `k`, and what that means for key sizes.
//!
//! The examples (`cargo run --example …`, listed in the README's course) run the same ideas at a
//! larger scale; the API docs of each layer ([`field`](crate::field), [`curves`](crate::curves),
//! [`point`](crate::point), [`point::mul`](crate::point::mul), [`ecdsa`](crate::ecdsa),
//! [`rfc6979`](crate::rfc6979)) hold the derivations the chapters point to.

pub mod fields {
    #![doc = include_str!("1-fields.md")]
}
pub mod curves {
    #![doc = include_str!("2-curves.md")]
}
pub mod group_law {
    #![doc = include_str!("3-group-law.md")]
}
pub mod projective {
    #![doc = include_str!("4-projective.md")]
}
pub mod scalar_mul {
    #![doc = include_str!("5-scalar-mul.md")]
}
pub mod ecdsa {
    #![doc = include_str!("6-ecdsa.md")]
}
pub mod ecdh {
    #![doc = include_str!("7-ecdh.md")]
}
pub mod ecdlp {
    #![doc = include_str!("8-ecdlp.md")]
}
