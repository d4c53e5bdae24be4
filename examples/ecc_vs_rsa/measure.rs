//! Timing: each figure is the median of repeated timed runs.
//!
//! A *run* times a batch of back-to-back operations (one operation for anything slower than the
//! plan's `run_target`, e.g. every RSA key generation) and divides by the batch size; the
//! figure is the median over the runs. Runs continue until `max_runs`, or until both `min_runs`
//! and `time` are reached, whichever comes first.
//!
//! Runs are timed by the thread's CPU-time clock (`CLOCK_THREAD_CPUTIME_ID`) on Unix: on a shared
//! machine with more runnable jobs than cores, wall time also counts the slices in which the
//! measuring thread was not running at all, and these come and go during a run, so that two rows
//! measured a minute apart would see different loads. CPU time counts only the thread's own
//! slices. (What other jobs do to the caches, and a busy sibling hyper-thread, still count.)
//! `--wall-clock` times by wall time instead, as do non-Unix systems. The time budgets of the
//! plans are wall time either way.

use crate::report::{
    Algorithm, Contender, EccCurve, Figure, Library, Row, Sizes, Timing, load_rsa_fixture, median,
    rsa_uses_fixture,
};
use ecckit::curves::{NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdh::diffie_hellman;
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::SigningKey;
use ecckit::field::Field;
use ecckit::keys::{PublicKey, SecretKey};
use ecckit::point::ProjectivePoint;
use indicatif::ProgressBar;
use rsa::sha2::Sha256;
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Time runs by wall time instead of the thread's CPU time (`--wall-clock`).
pub static WALL_CLOCK: AtomicBool = AtomicBool::new(false);

/// The name of the clock in use, for the report.
pub fn clock_name() -> &'static str {
    if WALL_CLOCK.load(Ordering::Relaxed) || !cfg!(unix) {
        "wall time"
    } else {
        "the thread's CPU time"
    }
}

/// Nanoseconds on the run clock, from an arbitrary origin fixed for the thread; `origin` is
/// the wall-clock origin.
fn now_ns(origin: Instant) -> u128 {
    #[cfg(unix)]
    if !WALL_CLOCK.load(Ordering::Relaxed) {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable `timespec`; the clock id is a constant of the platform.
        let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return ts.tv_sec as u128 * 1_000_000_000 + ts.tv_nsec as u128;
    }
    origin.elapsed().as_nanos()
}

/// The message signed and verified (hashing is part of every sign and verify figure).
pub const MESSAGE: &[u8] = b"ecckit: ECC vs RSA at equal security";

/// How long and how often to time one operation.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Runs always made (unless `max_runs` is lower).
    pub min_runs: usize,
    /// Runs never exceeded.
    pub max_runs: usize,
    /// Time after which no run starts once `min_runs` are done.
    pub time: Duration,
    /// Batch operations until one run lasts about this long.
    pub run_target: Duration,
    /// Make one untimed call first (skipped for key generation, where a call is expensive and
    /// there is nothing to warm up).
    pub warm_up: bool,
}

/// How long the whole comparison may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Under a minute on two cores.
    Quick,
    /// A few minutes.
    Default,
    /// Default plus RSA-7680 and RSA-15360 key generation (many minutes).
    Full,
}

impl Mode {
    /// The name shown in the report.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Quick => "--quick",
            Mode::Default => "default",
            Mode::Full => "--full",
        }
    }

    /// The plan for signing, verifying, ECDH, OAEP and ECC key generation.
    pub fn op_plan(self) -> Plan {
        match self {
            Mode::Quick => Plan {
                min_runs: 3,
                max_runs: 101,
                time: Duration::from_millis(150),
                run_target: Duration::from_millis(1),
                warm_up: true,
            },
            Mode::Default | Mode::Full => Plan {
                min_runs: 11,
                max_runs: 301,
                time: Duration::from_millis(1500),
                run_target: Duration::from_millis(5),
                warm_up: true,
            },
        }
    }

    /// The plan for RSA key generation at `bits`, or `None` if it is not timed in this mode.
    /// Prime generation is slow and its time varies widely from key to key (it depends on how
    /// far the first prime lies from a random start), so these counts are small and shown.
    pub fn rsa_keygen_plan(self, bits: usize) -> Option<Plan> {
        let (min_runs, max_runs, secs) = match (self, bits) {
            (_, b) if rsa_uses_fixture(b) && self != Mode::Full => return None,
            (Mode::Quick, 1024) => (5, 21, 2),
            (Mode::Quick, 2048) => (3, 11, 4),
            (Mode::Quick, _) => (1, 3, 6),
            (_, 1024) => (21, 101, 10),
            (_, 2048) => (11, 51, 20),
            (_, 3072) => (7, 21, 40),
            (_, 7680) => (3, 3, 0),
            (_, _) => (1, 1, 0),
        };
        Some(Plan {
            min_runs,
            max_runs,
            time: Duration::from_secs(secs),
            run_target: Duration::ZERO,
            warm_up: false,
        })
    }
}

/// An operation at least this long is timed one call per run, its first call included.
const SLOW: Duration = Duration::from_millis(50);

/// Times `op` according to `plan`, showing the run count on `progress`; returns the figure and
/// the last value `op` returned.
pub fn time<T>(
    plan: &Plan,
    progress: &ProgressBar,
    label: &str,
    mut op: impl FnMut() -> T,
) -> (Timing, T) {
    progress.set_message(format!("{label}: calibrating"));
    let mut last = None;
    let mut samples = Vec::with_capacity(plan.min_runs);
    let origin = Instant::now();
    let batch = if plan.warm_up {
        let start = now_ns(origin);
        last = Some(black_box(op()));
        let once = now_ns(origin) - start;
        if once >= SLOW.as_nanos() {
            // Nothing to warm up in an operation this long: keep the call as the first run.
            samples.push(once as f64);
        }
        (plan.run_target.as_nanos() / once.max(1)).clamp(1, 100_000) as usize
    } else {
        1
    };
    let begin = Instant::now();
    while samples.len() < plan.max_runs
        && (samples.len() < plan.min_runs || begin.elapsed() < plan.time)
    {
        progress.set_message(format!("{label}: run {}", samples.len() + 1));
        let start = now_ns(origin);
        for _ in 0..batch {
            last = Some(black_box(op()));
        }
        samples.push((now_ns(origin) - start) as f64 / batch as f64);
    }
    let timing = Timing {
        median_ns: median(&samples),
        runs: samples.len(),
        batch,
    };
    (timing, last.expect("at least one run"))
}

/// Measurements per ecckit curve: key generation, sign, verify, ECDH, point addition.
pub const ECC_STEPS: u64 = 5;
/// Measurements per RSA size: key generation (or loading), sign, verify, encrypt, decrypt.
pub const RSA_STEPS: u64 = 5;

/// Times one curve.
pub fn measure_curve(curve: EccCurve, mode: Mode, progress: &ProgressBar) -> Row {
    match curve {
        EccCurve::P224 => measure_ecc::<NistP224>(curve, mode, progress),
        EccCurve::P256 => measure_ecc::<NistP256>(curve, mode, progress),
        EccCurve::Secp256k1 => measure_ecc::<Secp256k1>(curve, mode, progress),
        EccCurve::Curve25519 => measure_curve25519(mode, progress),
        EccCurve::P384 => measure_ecc::<NistP384>(curve, mode, progress),
        EccCurve::P521 => measure_ecc::<NistP521>(curve, mode, progress),
    }
}

fn measure_ecc<C: EcdsaCurve>(curve: EccCurve, mode: Mode, progress: &ProgressBar) -> Row {
    let name = C::NAME;
    let plan = mode.op_plan();
    let mut rng = rand::rng();
    let contender = Contender {
        algorithm: Algorithm::Ecc(curve),
        library: Library::Ecckit,
    };
    let mut row = Row::new(contender, Sizes::ecc::<C>());

    let (t, key) = time(&plan, progress, &format!("{name} key generation"), || {
        SigningKey::<C>::random(&mut rng)
    });
    row.keygen = Figure::Timed(t);
    progress.inc(1);

    let (t, signature) = time(&plan, progress, &format!("{name} sign"), || {
        key.sign(MESSAGE)
    });
    row.sign = Figure::Timed(t);
    progress.inc(1);

    let verifying_key = key.verifying_key();
    let (t, ok) = time(&plan, progress, &format!("{name} verify"), || {
        verifying_key.verify(MESSAGE, &signature).is_ok()
    });
    assert!(ok, "{name}: signature does not verify");
    row.verify = Figure::Timed(t);
    progress.inc(1);

    // ECDH as a receiver does it: decode the peer's uncompressed point (checking that it is on the
    // curve), then x(d·Q). Uncompressed, as TLS 1.3 sends it: a compressed point would add a square
    // root, which is costly on P-224 (p ≡ 1 mod 4, so Tonelli–Shanks).
    let secret = SecretKey::<C>::random(&mut rng);
    let peer_secret = SecretKey::<C>::random(&mut rng);
    let peer = peer_secret.public_key().to_sec1_bytes(false);
    let (t, shared) = time(&plan, progress, &format!("{name} ECDH"), || {
        let public = PublicKey::<C>::from_sec1_bytes(peer.as_ref()).expect("valid point");
        diffie_hellman(&secret, &public)
    });
    let expected = diffie_hellman(&peer_secret, &secret.public_key());
    assert_eq!(shared.raw_secret_bytes(), expected.raw_secret_bytes());
    row.agree = Figure::Timed(t);
    progress.inc(1);

    // The step of a Pollard rho walk, for the cost-to-break table: a running sum plus a fixed
    // affine point, each result fed into the next addition.
    let step = ProjectivePoint::<C>::mul_base(&C::Scalar::from_u64(0x5eed)).to_affine();
    let mut walk = ProjectivePoint::<C>::mul_base(&C::Scalar::from_u64(7));
    let (t, _) = time(&plan, progress, &format!("{name} point addition"), || {
        walk = walk.add_mixed(&step);
        walk
    });
    row.point_add = Figure::Timed(t);
    progress.inc(1);
    row
}

/// Times Ed25519 (key generation, sign, verify), X25519 (the ECDH column) and an edwards25519
/// point addition: the same five measurements as [`measure_ecc`].
fn measure_curve25519(mode: Mode, progress: &ProgressBar) -> Row {
    use ecckit::edwards::EdwardsPoint;
    use ecckit::field::curve25519::Scalar;
    use ecckit::{ed25519, x25519};

    let name = EccCurve::Curve25519.name();
    let plan = mode.op_plan();
    let mut rng = rand::rng();
    let contender = Contender {
        algorithm: Algorithm::Ecc(EccCurve::Curve25519),
        library: Library::Ecckit,
    };
    let mut row = Row::new(contender, Sizes::curve25519());

    let (t, key) = time(&plan, progress, "Ed25519 key generation", || {
        ed25519::SigningKey::random(&mut rng)
    });
    row.keygen = Figure::Timed(t);
    progress.inc(1);

    let (t, signature) = time(&plan, progress, "Ed25519 sign", || key.sign(MESSAGE));
    row.sign = Figure::Timed(t);
    progress.inc(1);

    let verifying_key = key.verifying_key();
    let (t, ok) = time(&plan, progress, "Ed25519 verify", || {
        verifying_key.verify(MESSAGE, &signature).is_ok()
    });
    assert!(ok, "{name}: signature does not verify");
    row.verify = Figure::Timed(t);
    progress.inc(1);

    // X25519 as a receiver does it: decode the peer's 32 bytes, then the ladder.
    let secret = x25519::SecretKey::random(&mut rng);
    let peer_secret = x25519::SecretKey::random(&mut rng);
    let peer = peer_secret.public_key().to_bytes();
    let (t, shared) = time(&plan, progress, "X25519", || {
        let public = x25519::PublicKey::from_bytes(&peer).expect("32 bytes");
        x25519::diffie_hellman(&secret, &public).expect("not a low-order point")
    });
    let expected =
        x25519::diffie_hellman(&peer_secret, &secret.public_key()).expect("not a low-order point");
    assert_eq!(shared.raw_secret_bytes(), expected.raw_secret_bytes());
    row.agree = Figure::Timed(t);
    progress.inc(1);

    // The step of a rho walk, as on the other curves: a running sum plus a fixed affine point.
    let step = EdwardsPoint::mul_base(&Scalar::from_u64(0x5eed)).to_affine_niels();
    let mut walk = EdwardsPoint::mul_base(&Scalar::from_u64(7));
    let (t, _) = time(&plan, progress, "edwards25519 point addition", || {
        walk = walk.add_affine_niels(&step);
        walk
    });
    row.point_add = Figure::Timed(t);
    progress.inc(1);
    row
}

/// Times one RSA size. Keys at the fixture sizes are loaded from `vectors/rsa/`; their
/// generation is timed only in [`Mode::Full`].
pub fn measure_rsa(bits: usize, mode: Mode, progress: &ProgressBar) -> Result<Row, String> {
    let name = format!("RSA-{bits}");
    let plan = mode.op_plan();
    let mut rng = rand::rng();

    let generate = |rng: &mut rand::rngs::ThreadRng| {
        rsa::PrivateKey::new(rng, bits).expect("RSA key generation")
    };
    let (keygen, generated) = match mode.rsa_keygen_plan(bits) {
        Some(keygen_plan) => {
            let (t, key) = time(
                &keygen_plan,
                progress,
                &format!("{name} key generation"),
                || generate(&mut rng),
            );
            (Figure::Timed(t), Some(key))
        }
        None => (Figure::NotTimed, None),
    };
    let key = if rsa_uses_fixture(bits) {
        progress.set_message(format!("{name}: loading vectors/rsa/rsa-{bits}.pem"));
        load_rsa_fixture(bits)?
    } else {
        generated.expect("generated when not a fixture")
    };
    progress.inc(1);

    let contender = Contender {
        algorithm: Algorithm::Rsa(bits),
        library: Library::RsaCrate,
    };
    let mut row = Row::new(contender, Sizes::rsa(&key));
    row.keygen = keygen;
    let public = key.to_public_key();

    let (t, signature) = time(&plan, progress, &format!("{name} sign"), || {
        key.pkcs1v15_sign_with_rng::<Sha256, _>(&mut rng, MESSAGE)
            .expect("RSA signing")
    });
    row.sign = Figure::Timed(t);
    progress.inc(1);

    let (t, ok) = time(&plan, progress, &format!("{name} verify"), || {
        public
            .pkcs1v15_verify::<Sha256>(MESSAGE, &signature)
            .is_ok()
    });
    assert!(ok, "{name}: signature does not verify");
    row.verify = Figure::Timed(t);
    progress.inc(1);

    // Key transport of a 32-byte (AES-256) key.
    let session_key = [0x5a_u8; 32];
    let (t, ciphertext) = time(&plan, progress, &format!("{name} OAEP encrypt"), || {
        public
            .oaep_encrypt_with_rng::<Sha256, _>(&mut rng, &session_key)
            .expect("OAEP encryption")
    });
    row.encrypt = Figure::Timed(t);
    progress.inc(1);

    let (t, plain) = time(&plan, progress, &format!("{name} OAEP decrypt"), || {
        key.oaep_decrypt_with_rng::<Sha256, _>(&mut rng, &ciphertext)
            .expect("OAEP decryption")
    });
    assert_eq!(plain, session_key);
    row.decrypt = Figure::Timed(t);
    progress.inc(1);
    Ok(row)
}
