//! Per-curve, per-layer figures: field multiplication, squaring and inversion; constant-time
//! variable-base and fixed-base scalar multiplication; ECDSA sign and verify; ECDH.
//!
//! `cargo bench --bench curves` for all five curves (add e.g. `-- P-384/` to run one).

use criterion::{Criterion, criterion_group, criterion_main};
use ecckit::curves::{NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::SigningKey;
use ecckit::field::{ByteArray, Field};
use ecckit::keys::{PublicKey, SecretKey};
use ecckit::point::ProjectivePoint;
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

fn bench_curve<C: EcdsaCurve>(c: &mut Criterion) {
    let name = C::NAME;
    let (x, y) = (element::<C::Base>(1), element::<C::Base>(2));
    c.bench_function(&format!("{name}/field/mul"), |b| {
        b.iter(|| black_box(x) * black_box(y))
    });
    c.bench_function(&format!("{name}/field/square"), |b| {
        b.iter(|| black_box(x).square())
    });
    c.bench_function(&format!("{name}/field/invert"), |b| {
        b.iter(|| black_box(x).invert())
    });
    let k = element::<C::Scalar>(3);
    let p = ProjectivePoint::<C>::mul_base(&element::<C::Scalar>(4));
    c.bench_function(&format!("{name}/mul/variable_base"), |b| {
        b.iter(|| black_box(p).mul(black_box(&k)))
    });
    c.bench_function(&format!("{name}/mul/fixed_base"), |b| {
        b.iter(|| ProjectivePoint::<C>::mul_base(black_box(&k)))
    });
    let mut rng = rand::rng();
    let sk = SigningKey::<C>::random(&mut rng);
    let sig = sk.sign(b"benchmark message");
    c.bench_function(&format!("{name}/ecdsa/sign"), |b| {
        b.iter(|| sk.sign(black_box(b"benchmark message")))
    });
    c.bench_function(&format!("{name}/ecdsa/verify"), |b| {
        b.iter(|| {
            sk.verifying_key()
                .verify(black_box(b"benchmark message"), &sig)
        })
    });
    let secret = SecretKey::<C>::random(&mut rng);
    let peer = SecretKey::<C>::random(&mut rng)
        .public_key()
        .to_sec1_bytes(false);
    c.bench_function(&format!("{name}/ecdh/agree_with_decode"), |b| {
        b.iter(|| {
            let public = PublicKey::<C>::from_sec1_bytes(black_box(&peer)).unwrap();
            diffie_hellman(&secret, &public)
        })
    });
    c.bench_function(&format!("{name}/keygen/public_key"), |b| {
        b.iter(|| black_box(&secret).public_key())
    });
}

fn benches(c: &mut Criterion) {
    bench_curve::<NistP224>(c);
    bench_curve::<NistP256>(c);
    bench_curve::<Secp256k1>(c);
    bench_curve::<NistP384>(c);
    bench_curve::<NistP521>(c);
}

criterion_group!(curves, benches);
criterion_main!(curves);
