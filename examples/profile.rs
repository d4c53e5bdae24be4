//! Runs one operation many times, for profilers: `valgrind --tool=callgrind` gives repeatable
//! instruction counts even on a busy machine.
//!
//! `cargo build --release --example profile && valgrind --tool=callgrind
//! target/release/examples/profile P-256 sign 100`
//!
//! Operations: `mul`, `square`, `invert` (base field), `mul_var`, `mul_base`, `sign`,
//! `sign_checked`, `verify`, `ecdh`, `keygen`.
//!
//! Curve25519 (`… X25519 OP n`, `… Ed25519 OP n`): `mul`, `square`, `invert`, `invert_fermat`
//! (base field), `mul_var` (`k·P` on Edwards), `mul_base`, `double_base` (the verification's
//! `a·A + b·B`), `keygen`, and `ecdh` (X25519) or `sign`, `verify` (Ed25519).

use ecckit::curves::{NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::SigningKey;
use ecckit::edwards::EdwardsPoint;
use ecckit::edwards::mul::mul_double_base_vartime;
use ecckit::field::{ByteArray, Field};
use ecckit::keys::{PublicKey, SecretKey};
use ecckit::point::ProjectivePoint;
use ecckit::{ed25519, x25519};
use std::hint::black_box;

fn element<F: Field>(seed: u8) -> F {
    let mut b = F::Bytes::zeroed();
    for (i, x) in b.as_mut().iter_mut().enumerate() {
        *x = seed
            .wrapping_mul(31)
            .wrapping_add(i as u8)
            .wrapping_mul(167);
    }
    F::from_bytes_reduced(&b)
}

fn run<C: EcdsaCurve>(op: &str, n: usize) {
    let x = element::<C::Base>(1);
    let k = element::<C::Scalar>(3);
    let secret = SecretKey::<C>::from_scalar(k).unwrap();
    let sk = SigningKey::<C>::from(secret.clone());
    let msg = b"profile message";
    let sig = sk.sign(msg);
    let peer = SecretKey::<C>::from_scalar(element::<C::Scalar>(4))
        .unwrap()
        .public_key()
        .to_sec1_bytes(false);
    let p = ProjectivePoint::<C>::mul_base(&element::<C::Scalar>(5));
    for _ in 0..n {
        match op {
            "mul" => _ = black_box(black_box(x) * black_box(x)),
            "square" => _ = black_box(black_box(x).square()),
            "invert" => _ = black_box(black_box(x).invert()),
            "mul_var" => _ = black_box(black_box(p).mul(black_box(&k))),
            "mul_base" => _ = black_box(ProjectivePoint::<C>::mul_base(black_box(&k))),
            "sign" => _ = black_box(sk.sign(black_box(msg))),
            "sign_checked" => _ = black_box(sk.sign_checked(black_box(msg))),
            "verify" => _ = black_box(sk.verifying_key().verify(msg, black_box(&sig))),
            "ecdh" => {
                let public = PublicKey::<C>::from_sec1_bytes(black_box(&peer)).unwrap();
                _ = black_box(diffie_hellman(&secret, &public));
            }
            "keygen" => _ = black_box(black_box(&secret).public_key()),
            _ => panic!("unknown operation {op}"),
        }
    }
}

/// The Curve25519 operations (X25519 and Ed25519 share the field and the Edwards code).
fn run_25519(curve: &str, op: &str, n: usize) {
    use ecckit::field::curve25519::{FieldElement, Scalar};
    let bytes = |seed: u8| -> [u8; 32] {
        core::array::from_fn(|i| {
            seed.wrapping_mul(31)
                .wrapping_add(i as u8)
                .wrapping_mul(167)
        })
    };
    let x = FieldElement::from_le_bytes_masked(&bytes(1));
    let k = Scalar::from_le_bytes_reduced(&bytes(3));
    let p = EdwardsPoint::mul_base(&Scalar::from_le_bytes_reduced(&bytes(5)));
    let xsk = x25519::SecretKey::from_bytes(&bytes(3)).unwrap();
    let xpeer = x25519::SecretKey::from_bytes(&bytes(4))
        .unwrap()
        .public_key();
    let esk = ed25519::SigningKey::from_bytes(&bytes(3)).unwrap();
    let evk = esk.verifying_key();
    let msg = b"profile message";
    let sig = esk.sign(msg);
    for _ in 0..n {
        match (curve, op) {
            (_, "mul") => _ = black_box(black_box(x) * black_box(x)),
            (_, "square") => _ = black_box(black_box(x).square()),
            (_, "invert") => _ = black_box(black_box(x).invert()),
            (_, "invert_fermat") => _ = black_box(black_box(x).invert_fermat()),
            (_, "mul_var") => _ = black_box(&black_box(p) * black_box(&k)),
            (_, "mul_base") => _ = black_box(EdwardsPoint::mul_base(black_box(&k))),
            (_, "double_base") => {
                _ = black_box(mul_double_base_vartime(black_box(&k), &p, black_box(&k)))
            }
            ("X25519", "keygen") => _ = black_box(black_box(&xsk).public_key()),
            ("X25519", "ecdh") => _ = black_box(x25519::diffie_hellman(&xsk, black_box(&xpeer))),
            ("Ed25519", "keygen") => {
                _ = black_box(ed25519::SigningKey::from_bytes(black_box(&bytes(3))))
            }
            ("Ed25519", "sign") => _ = black_box(esk.sign(black_box(msg))),
            ("Ed25519", "verify") => _ = black_box(evk.verify(black_box(msg), black_box(&sig))),
            _ => panic!("unknown operation {curve} {op}"),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 4 {
        // Instantiate the non-inlined wrappers below, so that their machine code is in the binary.
        disassembly(element::<ecckit::p256::FieldElement>(9));
        disassembly(element::<ecckit::secp256k1::FieldElement>(9));
        disassembly(element::<ecckit::p384::FieldElement>(9));
    }
    let (curve, op) = (
        args.get(1).map_or("P-256", |s| s),
        args.get(2).map_or("sign", |s| s),
    );
    let n = args.get(3).map_or(100, |s| s.parse().expect("a count"));
    match curve {
        "P-224" => run::<NistP224>(op, n),
        "P-256" => run::<NistP256>(op, n),
        "P-384" => run::<NistP384>(op, n),
        "P-521" => run::<NistP521>(op, n),
        "secp256k1" => run::<Secp256k1>(op, n),
        "X25519" | "Ed25519" => run_25519(curve, op, n),
        _ => panic!("unknown curve {curve}"),
    }
}

/// Calls each `*_for_disassembly` wrapper for the field of `x`.
fn disassembly<F: Field>(x: F) {
    println!("{:?}", mul_for_disassembly(x, x));
    println!("{:?}", add_for_disassembly(x, x));
    println!("{:?}", sub_for_disassembly(x, x));
    println!("{:?}", neg_for_disassembly(x));
    println!("{:?}", double_for_disassembly(x));
}

// Non-inlined field operations, one symbol per field, to read their machine code
// (`objdump -d --no-show-raw-insn target/release/examples/profile`, search for the name).

#[inline(never)]
pub fn mul_for_disassembly<F: Field>(a: F, b: F) -> F {
    a * b
}

#[inline(never)]
pub fn add_for_disassembly<F: Field>(a: F, b: F) -> F {
    a + b
}

#[inline(never)]
pub fn sub_for_disassembly<F: Field>(a: F, b: F) -> F {
    a - b
}

#[inline(never)]
pub fn neg_for_disassembly<F: Field>(a: F) -> F {
    -a
}

#[inline(never)]
pub fn double_for_disassembly<F: Field>(a: F) -> F {
    a.double()
}
