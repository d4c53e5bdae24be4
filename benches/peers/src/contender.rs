//! One library on one curve: its timed operations, and what it computed on the shared inputs
//! so that the libraries can be checked against each other before any timing.
//!
//! A curve offers a subset of the four [`Operation`]s: the ECDSA curves all four, X25519 only
//! the public key and the key agreement, Ed25519 the public key, signing and verification. A
//! library offers exactly its curve's operations ([`Scheme::operations`]), and the check
//! compares only what the scheme has (signatures for a signature scheme, shared secrets for a
//! key agreement).

/// A timed operation kind; the table rows of a curve follow this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    /// Secret-key bytes (an Ed25519 seed) → public-key bytes.
    PublicKey,
    /// Message → signature, hashing included.
    Sign,
    /// Message + signature + public key → accept.
    Verify,
    /// Peer's public-key bytes → decoded point → shared secret (ECDH, X25519).
    Ecdh,
}

impl Operation {
    /// The name printed in the table and the JSON.
    pub fn name(self) -> &'static str {
        match self {
            Operation::PublicKey => "public key",
            Operation::Sign => "sign",
            Operation::Verify => "verify",
            Operation::Ecdh => "ecdh",
        }
    }
}

/// What a curve is used for, and so which operations it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// ECDSA signatures and ECDH on one curve (the NIST curves, secp256k1).
    EcdsaEcdh,
    /// A key agreement only (X25519).
    KeyAgreement,
    /// A signature scheme only (Ed25519).
    Signature,
}

impl Scheme {
    /// The operations of the scheme, in table order.
    pub fn operations(self) -> &'static [Operation] {
        match self {
            Scheme::EcdsaEcdh => &[
                Operation::PublicKey,
                Operation::Sign,
                Operation::Verify,
                Operation::Ecdh,
            ],
            Scheme::KeyAgreement => &[Operation::PublicKey, Operation::Ecdh],
            Scheme::Signature => &[Operation::PublicKey, Operation::Sign, Operation::Verify],
        }
    }

    /// Whether the scheme signs (and so has the signature checks).
    pub fn signs(self) -> bool {
        self.operations().contains(&Operation::Sign)
    }

    /// Whether the scheme agrees on keys (and so has the shared-secret check).
    pub fn agrees(self) -> bool {
        self.operations().contains(&Operation::Ecdh)
    }
}

/// The inputs every library of a curve gets.
pub struct Inputs {
    /// Curve name as printed.
    pub curve: &'static str,
    /// Its operations.
    pub scheme: Scheme,
    /// The private key in the curve's standard encoding: big-endian scalar of the scalar's byte
    /// length for ECDSA/ECDH, the 32 secret bytes for X25519, the 32-byte seed for Ed25519.
    pub secret: Vec<u8>,
    /// The peer's public key for the key agreement (SEC1 uncompressed; X25519's 32-byte
    /// u-coordinate); empty for a signature-only scheme.
    pub peer_public: Vec<u8>,
    /// The message to sign.
    pub msg: &'static [u8],
    /// A signature on `msg` by `secret` in its fixed-size form (ECDSA `r ‖ s`, Ed25519 `R ‖ S`):
    /// the one every library verifies in the timed verify (made by ecckit, checked against every
    /// peer); empty for a key-agreement-only scheme.
    pub signature: Vec<u8>,
}

/// A timed operation: one call does the whole operation on the shared inputs.
pub type Op = Box<dyn FnMut()>;

/// `(operation, f)` with `f` boxed, for [`Contender::ops`].
pub fn op(operation: Operation, f: impl FnMut() + 'static) -> (Operation, Op) {
    (operation, Box::new(f))
}

/// A verifier for the check: does the library accept this fixed-size signature on `msg`?
pub type Accepts = Box<dyn Fn(&[u8]) -> bool>;

/// What a library's signing produced on the shared inputs (signature schemes only).
pub struct Signing {
    /// Whether its default signing is deterministic (RFC 6979 ECDSA, Ed25519), so that its
    /// signature must equal every other deterministic library's.
    pub deterministic: bool,
    /// Its signature on `msg`, fixed-size form.
    pub signature: Vec<u8>,
    /// Does this library accept a fixed-size signature on `msg` under the public key?
    pub accepts: Accepts,
}

/// A library set up for one curve.
pub struct Contender {
    /// Library name as printed.
    pub name: &'static str,
    /// `secret` → public key in the curve's encoding (SEC1 uncompressed; 32 bytes for X25519 and
    /// Ed25519), from the same calls as the timed operation.
    pub public_key: Vec<u8>,
    /// Its signing results, for a scheme that signs.
    pub signing: Option<Signing>,
    /// The raw shared secret with `peer_public` (the x- or u-coordinate, field-size bytes), for a
    /// scheme that agrees on keys.
    pub shared_secret: Option<Vec<u8>>,
    /// Timed operations, one per operation of the scheme, in its order.
    pub ops: Vec<(Operation, Op)>,
}

/// Checks that all contenders computed the same things, so that the timings compare the same work.
/// The first contender (ecckit) is the reference. Panics with a description of the first
/// disagreement.
pub fn check(inputs: &Inputs, contenders: &[Contender]) {
    let curve = inputs.curve;
    let scheme = inputs.scheme;
    let reference = &contenders[0];
    for c in contenders {
        let ops: Vec<Operation> = c.ops.iter().map(|(op, _)| *op).collect();
        assert!(
            ops == scheme.operations(),
            "{curve}: {} offers the operations {ops:?}, the curve has {:?}",
            c.name,
            scheme.operations(),
        );
        assert!(
            c.signing.is_some() == scheme.signs() && c.shared_secret.is_some() == scheme.agrees(),
            "{curve}: {} does not report the results its scheme {scheme:?} has",
            c.name,
        );
        assert!(
            c.public_key == reference.public_key,
            "{curve}: {} derives public key {} but {} derives {}",
            c.name,
            hex(&c.public_key),
            reference.name,
            hex(&reference.public_key),
        );
        if let (Some(shared), Some(reference_shared)) = (&c.shared_secret, &reference.shared_secret)
        {
            assert!(
                shared == reference_shared,
                "{curve}: {} computes shared secret {} but {} computes {}",
                c.name,
                hex(shared),
                reference.name,
                hex(reference_shared),
            );
        }
        if let Some(signing) = &c.signing {
            check_signatures(inputs, c.name, signing, contenders);
        }
    }
}

/// The signature checks of one verifier: it accepts the timed signature and every library's own,
/// the deterministic signers agree byte for byte, and a tampered signature is refused.
fn check_signatures(inputs: &Inputs, name: &str, verifier: &Signing, contenders: &[Contender]) {
    let curve = inputs.curve;
    assert!(
        (verifier.accepts)(&inputs.signature),
        "{curve}: {name} rejects the signature that every library verifies in the timed runs: {}",
        hex(&inputs.signature),
    );
    for signer in contenders {
        let Some(signed) = &signer.signing else {
            continue;
        };
        assert!(
            (verifier.accepts)(&signed.signature),
            "{curve}: {name} rejects {}'s signature {}",
            signer.name,
            hex(&signed.signature),
        );
        assert!(
            !(verifier.deterministic && signed.deterministic)
                || verifier.signature == signed.signature,
            "{curve}: {name} and {} both sign deterministically but differ: {} vs {}",
            signer.name,
            hex(&verifier.signature),
            hex(&signed.signature),
        );
    }
    let mut tampered = inputs.signature.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 1;
    assert!(
        !(verifier.accepts)(&tampered),
        "{curve}: {name} accepts a tampered signature",
    );
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> Inputs {
        Inputs {
            curve: "toy",
            scheme: Scheme::EcdsaEcdh,
            secret: vec![1],
            peer_public: vec![4, 2, 3],
            msg: b"m",
            signature: vec![7, 7],
        }
    }

    /// A contender that accepts exactly the signatures in `good`.
    fn toy(name: &'static str, public_key: u8, signature: u8, good: Vec<Vec<u8>>) -> Contender {
        Contender {
            name,
            public_key: vec![public_key],
            signing: Some(Signing {
                deterministic: true,
                signature: vec![signature, signature],
                accepts: Box::new(move |sig| good.iter().any(|g| g == sig)),
            }),
            shared_secret: Some(vec![9]),
            ops: Scheme::EcdsaEcdh
                .operations()
                .iter()
                .map(|&op| (op, Box::new(|| ()) as Op))
                .collect(),
        }
    }

    #[test]
    fn agreeing_contenders_pass() {
        let good = vec![vec![7, 7]];
        check(
            &inputs(),
            &[toy("a", 1, 7, good.clone()), toy("b", 1, 7, good)],
        );
    }

    #[test]
    #[should_panic(expected = "toy: b derives public key 02 but a derives 01")]
    fn different_public_keys_panic() {
        let good = vec![vec![7, 7]];
        check(
            &inputs(),
            &[toy("a", 1, 7, good.clone()), toy("b", 2, 7, good)],
        );
    }

    #[test]
    #[should_panic(expected = "toy: a rejects b's signature 0808")]
    fn rejected_signature_panics() {
        let mut b = toy("b", 1, 8, vec![vec![7, 7], vec![8, 8]]);
        b.signing.as_mut().unwrap().deterministic = false;
        check(&inputs(), &[toy("a", 1, 7, vec![vec![7, 7]]), b]);
    }

    #[test]
    #[should_panic(expected = "both sign deterministically but differ")]
    fn differing_deterministic_signatures_panic() {
        let good = vec![vec![7, 7], vec![8, 8]];
        check(
            &inputs(),
            &[toy("a", 1, 7, good.clone()), toy("b", 1, 8, good)],
        );
    }

    #[test]
    #[should_panic(expected = "toy: b offers the operations [PublicKey, Ecdh]")]
    fn missing_operations_panic() {
        let good = vec![vec![7, 7]];
        let mut b = toy("b", 1, 7, good.clone());
        b.ops
            .retain(|(op, _)| matches!(op, Operation::PublicKey | Operation::Ecdh));
        check(&inputs(), &[toy("a", 1, 7, good), b]);
    }

    /// An X25519-like contender: public key and shared secret, no signing.
    fn agreeing(name: &'static str, shared: u8) -> Contender {
        Contender {
            name,
            public_key: vec![1],
            signing: None,
            shared_secret: Some(vec![shared]),
            ops: Scheme::KeyAgreement
                .operations()
                .iter()
                .map(|&op| (op, Box::new(|| ()) as Op))
                .collect(),
        }
    }

    fn key_agreement_inputs() -> Inputs {
        Inputs {
            scheme: Scheme::KeyAgreement,
            signature: Vec::new(),
            ..inputs()
        }
    }

    #[test]
    fn key_agreement_checks_no_signatures() {
        let inputs = key_agreement_inputs();
        check(&inputs, &[agreeing("a", 9), agreeing("b", 9)]);
    }

    #[test]
    #[should_panic(expected = "toy: b computes shared secret 08 but a computes 09")]
    fn different_shared_secrets_panic() {
        let inputs = key_agreement_inputs();
        check(&inputs, &[agreeing("a", 9), agreeing("b", 8)]);
    }
}
