//! ECC vs RSA at equal security, under criterion: the pairs of the `ecc_vs_rsa` example
//! (P-224 / RSA-2048, P-256, secp256k1 and Ed25519/X25519 / RSA-3072, P-384 / RSA-7680,
//! P-521 / RSA-15360, and RSA-1024 alone at 80 bits), grouped as `<level>/<operation>/<algorithm>` so that criterion's
//! report puts ECC beside RSA.
//!
//! `cargo bench --bench ecc_vs_rsa` (add e.g. `-- 128-bit` to run one level). Measurement times
//! are short and sample counts the minimum (10): RSA-15360 private-key operations take about a
//! second each. RSA key generation is benched at 1024 and 2048 bits only; the example times the
//! larger sizes (`--full`).

#[path = "../examples/ecc_vs_rsa/report.rs"]
mod report;

use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use ecckit::curves::{NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::SigningKey;
use ecckit::keys::{PublicKey, SecretKey};
use report::{EccCurve, LEVELS, Level, load_rsa_fixture, rsa_uses_fixture};
use rsa::sha2::Sha256;
use std::hint::black_box;
use std::time::Duration;

const MESSAGE: &[u8] = b"ecckit: ECC vs RSA at equal security";

/// Short measurements: criterion's minimum of 10 samples.
fn short(group: &mut BenchmarkGroup<'_, WallTime>) {
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
}

/// Ed25519 in the signature groups, X25519 in key establishment (as the example's row).
fn bench_curve25519(c: &mut Criterion, level: &Level) {
    use ecckit::{ed25519, x25519};
    let prefix = format!("{}-bit", level.bits);
    let mut rng = rand::rng();
    let key = ed25519::SigningKey::random(&mut rng);
    let verifying_key = key.verifying_key();
    let signature = key.sign(MESSAGE);
    let secret = x25519::SecretKey::random(&mut rng);
    let peer = x25519::SecretKey::random(&mut rng).public_key().to_bytes();

    let mut group = c.benchmark_group(format!("{prefix}/keygen"));
    short(&mut group);
    group.bench_function("Ed25519", |b| {
        b.iter(|| ed25519::SigningKey::random(&mut rng))
    });
    group.finish();

    let mut group = c.benchmark_group(format!("{prefix}/sign"));
    short(&mut group);
    group.bench_function("Ed25519", |b| b.iter(|| key.sign(black_box(MESSAGE))));
    group.finish();

    let mut group = c.benchmark_group(format!("{prefix}/verify"));
    short(&mut group);
    group.bench_function("Ed25519", |b| {
        b.iter(|| verifying_key.verify(black_box(MESSAGE), &signature))
    });
    group.finish();

    let mut group = c.benchmark_group(format!("{prefix}/key_establishment"));
    short(&mut group);
    group.bench_function("X25519", |b| {
        b.iter(|| {
            let public = x25519::PublicKey::from_bytes(black_box(&peer)).unwrap();
            x25519::diffie_hellman(&secret, &public)
        })
    });
    group.finish();
}

fn bench_ecc<C: EcdsaCurve>(c: &mut Criterion, level: &Level) {
    let name = C::NAME;
    let prefix = format!("{}-bit", level.bits);
    let mut rng = rand::rng();
    let key = SigningKey::<C>::random(&mut rng);
    let signature = key.sign(MESSAGE);
    let secret = SecretKey::<C>::random(&mut rng);
    let peer = SecretKey::<C>::random(&mut rng)
        .public_key()
        .to_sec1_bytes(false);

    let mut group = c.benchmark_group(format!("{prefix}/keygen"));
    short(&mut group);
    group.bench_function(name, |b| b.iter(|| SigningKey::<C>::random(&mut rng)));
    group.finish();

    let mut group = c.benchmark_group(format!("{prefix}/sign"));
    short(&mut group);
    group.bench_function(name, |b| b.iter(|| key.sign(black_box(MESSAGE))));
    group.finish();

    let mut group = c.benchmark_group(format!("{prefix}/verify"));
    short(&mut group);
    group.bench_function(name, |b| {
        b.iter(|| key.verifying_key().verify(black_box(MESSAGE), &signature))
    });
    group.finish();

    let mut group = c.benchmark_group(format!("{prefix}/key_establishment"));
    short(&mut group);
    group.bench_function(format!("{name} ECDH"), |b| {
        b.iter(|| {
            let public = PublicKey::<C>::from_sec1_bytes(black_box(peer.as_ref())).unwrap();
            diffie_hellman(&secret, &public)
        })
    });
    group.finish();
}

fn bench_rsa(c: &mut Criterion, level: &Level) {
    let bits = level.rsa_bits;
    let name = format!("RSA-{bits}");
    let prefix = format!("{}-bit", level.bits);
    let mut rng = rand::rng();
    let key = if rsa_uses_fixture(bits) {
        load_rsa_fixture(bits).expect("RSA fixture in vectors/rsa")
    } else {
        rsa::PrivateKey::new(&mut rng, bits).expect("RSA key generation")
    };
    let public = key.to_public_key();
    let signature = key
        .pkcs1v15_sign_with_rng::<Sha256, _>(&mut rng, MESSAGE)
        .unwrap();
    let session_key = [0x5a_u8; 32];
    let ciphertext = public
        .oaep_encrypt_with_rng::<Sha256, _>(&mut rng, &session_key)
        .unwrap();

    if bits <= 2048 {
        let mut group = c.benchmark_group(format!("{prefix}/keygen"));
        short(&mut group);
        group.measurement_time(Duration::from_secs(5));
        group.bench_function(&name, |b| {
            b.iter(|| rsa::PrivateKey::new(&mut rng, bits).unwrap())
        });
        group.finish();
    }

    let mut group = c.benchmark_group(format!("{prefix}/sign"));
    short(&mut group);
    group.bench_function(&name, |b| {
        b.iter(|| key.pkcs1v15_sign_with_rng::<Sha256, _>(&mut rng, black_box(MESSAGE)))
    });
    group.finish();

    let mut group = c.benchmark_group(format!("{prefix}/verify"));
    short(&mut group);
    group.bench_function(&name, |b| {
        b.iter(|| public.pkcs1v15_verify::<Sha256>(black_box(MESSAGE), &signature))
    });
    group.finish();

    let mut group = c.benchmark_group(format!("{prefix}/key_establishment"));
    short(&mut group);
    group.bench_function(format!("{name} OAEP encrypt"), |b| {
        b.iter(|| public.oaep_encrypt_with_rng::<Sha256, _>(&mut rng, black_box(&session_key)))
    });
    group.bench_function(format!("{name} OAEP decrypt"), |b| {
        b.iter(|| key.oaep_decrypt_with_rng::<Sha256, _>(&mut rng, black_box(&ciphertext)))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    for level in &LEVELS {
        for curve in level.ecc_curves() {
            match curve {
                EccCurve::P224 => bench_ecc::<NistP224>(c, level),
                EccCurve::P256 => bench_ecc::<NistP256>(c, level),
                EccCurve::Secp256k1 => bench_ecc::<Secp256k1>(c, level),
                EccCurve::Curve25519 => bench_curve25519(c, level),
                EccCurve::P384 => bench_ecc::<NistP384>(c, level),
                EccCurve::P521 => bench_ecc::<NistP521>(c, level),
            }
        }
        bench_rsa(c, level);
    }
}

criterion_group!(ecc_vs_rsa, benches);
criterion_main!(ecc_vs_rsa);
