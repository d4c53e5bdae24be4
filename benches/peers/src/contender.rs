//! One library on one curve: its four timed operations, and what it computed on the shared inputs
//! so that the libraries can be checked against each other before any timing.

/// The operations, in table order.
pub const OPERATIONS: [&str; 4] = ["public key", "sign", "verify", "ecdh"];

/// The inputs every library of a curve gets.
pub struct Inputs {
    /// Curve name as printed.
    pub curve: &'static str,
    /// The private key, big-endian, exactly the scalar's byte length.
    pub secret: Vec<u8>,
    /// The peer's public key for ECDH: SEC1, uncompressed.
    pub peer_public: Vec<u8>,
    /// The message to sign.
    pub msg: &'static [u8],
    /// A signature on `msg` by `secret`, fixed-size `r ‖ s` (the one every library verifies in
    /// the timed verify; made by ecckit, checked against every peer).
    pub signature: Vec<u8>,
}

/// A timed operation: one call does the whole operation on the shared inputs.
pub type Op = Box<dyn FnMut()>;

/// A verifier for the check: does the library accept this fixed-size `r ‖ s` signature?
pub type Accepts = Box<dyn Fn(&[u8]) -> bool>;

/// A library set up for one curve.
pub struct Contender {
    /// Library name as printed.
    pub name: &'static str,
    /// Whether its default ECDSA signing is deterministic (RFC 6979), so that its signature
    /// must equal every other deterministic library's.
    pub deterministic: bool,
    /// `secret` → public key, SEC1 uncompressed (from the same calls as the timed operation).
    pub public_key: Vec<u8>,
    /// Its signature on `msg`, fixed-size `r ‖ s`.
    pub signature: Vec<u8>,
    /// Does this library accept a fixed-size `r ‖ s` signature on `msg` under the public key?
    pub accepts: Accepts,
    /// The raw ECDH secret with `peer_public`: the x-coordinate, field-size bytes.
    pub shared_secret: Vec<u8>,
    /// Timed operations, in the order of [`OPERATIONS`].
    pub ops: [Op; 4],
}

/// Checks that all contenders computed the same things, so that the timings compare the same work.
/// The first contender (ecckit) is the reference. Panics with a description of the first
/// disagreement.
pub fn check(inputs: &Inputs, contenders: &[Contender]) {
    let curve = inputs.curve;
    let reference = &contenders[0];
    for c in contenders {
        assert!(
            c.public_key == reference.public_key,
            "{curve}: {} derives public key {} but {} derives {}",
            c.name,
            hex(&c.public_key),
            reference.name,
            hex(&reference.public_key),
        );
        assert!(
            c.shared_secret == reference.shared_secret,
            "{curve}: {} computes ECDH secret {} but {} computes {}",
            c.name,
            hex(&c.shared_secret),
            reference.name,
            hex(&reference.shared_secret),
        );
        assert!(
            (c.accepts)(&inputs.signature),
            "{curve}: {} rejects the signature that every library verifies in the timed runs: {}",
            c.name,
            hex(&inputs.signature),
        );
        for signer in contenders {
            assert!(
                (c.accepts)(&signer.signature),
                "{curve}: {} rejects {}'s signature {}",
                c.name,
                signer.name,
                hex(&signer.signature),
            );
            assert!(
                !(c.deterministic && signer.deterministic) || c.signature == signer.signature,
                "{curve}: {} and {} both sign with RFC 6979 but differ: {} vs {}",
                c.name,
                signer.name,
                hex(&c.signature),
                hex(&signer.signature),
            );
        }
        let mut tampered = inputs.signature.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert!(
            !(c.accepts)(&tampered),
            "{curve}: {} accepts a tampered signature",
            c.name,
        );
    }
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
            deterministic: true,
            public_key: vec![public_key],
            signature: vec![signature, signature],
            accepts: Box::new(move |sig| good.iter().any(|g| g == sig)),
            shared_secret: vec![9],
            ops: [
                Box::new(|| ()),
                Box::new(|| ()),
                Box::new(|| ()),
                Box::new(|| ()),
            ],
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
        b.deterministic = false;
        check(&inputs(), &[toy("a", 1, 7, vec![vec![7, 7]]), b]);
    }

    #[test]
    #[should_panic(expected = "both sign with RFC 6979 but differ")]
    fn differing_deterministic_signatures_panic() {
        let good = vec![vec![7, 7], vec![8, 8]];
        check(
            &inputs(),
            &[toy("a", 1, 7, good.clone()), toy("b", 1, 8, good)],
        );
    }
}
