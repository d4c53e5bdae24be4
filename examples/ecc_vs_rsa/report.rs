//! The report logic of the ECC-vs-RSA comparison, apart from any timing: which algorithms sit at
//! which security level and which libraries implement them, what the byte sizes mean (and
//! computing them from real keys), the rows of figures, the printed tables, the cost to break each
//! size, the JSON, and the README's sample block.
//!
//! Included by `examples/ecc_vs_rsa.rs`, by the C-backed `ecc_vs_rsa` binary of `benches/peers`,
//! by `benches/ecc_vs_rsa.rs` and by the tests in `tests/suite/ecc_vs_rsa_report.rs` (each with
//! `#[path = …] mod report;`), so every item here is used by at least one of them but not by all.

#![allow(dead_code)]

#[path = "cost.rs"]
pub mod cost;
#[path = "provenance.rs"]
pub mod provenance;

use cost::{Cost, Target};
use ecckit::curves::{Curve, NistP224, NistP256, NistP384, NistP521, Secp256k1};
use ecckit::ecdsa::EcdsaCurve;
use ecckit::ecdsa::SigningKey;
use ecckit::field::Field;
use provenance::Provenance;
use rsa::pkcs1::{EncodeRsaPrivateKey, EncodeRsaPublicKey};
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::PathBuf;

// ---------------------------------------------------------------------------------------------
// Security levels (NIST SP 800-57 Part 1 Rev. 5, Table 2)
// ---------------------------------------------------------------------------------------------

/// One row of NIST SP 800-57 Part 1 Rev. 5, Table 2: a security strength and the key sizes that
/// reach it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Level {
    /// Security strength in bits.
    pub bits: u32,
    /// Smallest ECC key size (`f`, the bit length of the group order `n`) at this strength.
    pub ecc_min_bits: u32,
    /// Largest ECC key size at this strength (`None`: no upper bound, `f ≥ 512`).
    pub ecc_max_bits: Option<u32>,
    /// RSA modulus size (`k`) at this strength.
    pub rsa_bits: usize,
}

/// The five strengths of SP 800-57, weakest first.
pub const LEVELS: [Level; 5] = [
    Level {
        bits: 80,
        ecc_min_bits: 160,
        ecc_max_bits: Some(223),
        rsa_bits: 1024,
    },
    Level {
        bits: 112,
        ecc_min_bits: 224,
        ecc_max_bits: Some(255),
        rsa_bits: 2048,
    },
    Level {
        bits: 128,
        ecc_min_bits: 256,
        ecc_max_bits: Some(383),
        rsa_bits: 3072,
    },
    Level {
        bits: 192,
        ecc_min_bits: 384,
        ecc_max_bits: Some(511),
        rsa_bits: 7680,
    },
    Level {
        bits: 256,
        ecc_min_bits: 512,
        ecc_max_bits: None,
        rsa_bits: 15360,
    },
];

impl Level {
    /// The ECC key-size range as text: `"256–383"`, or `"512+"`.
    pub fn ecc_range(&self) -> String {
        match self.ecc_max_bits {
            Some(max) => format!("{}–{}", self.ecc_min_bits, max),
            None => format!("{}+", self.ecc_min_bits),
        }
    }

    /// The ECC curves of this crate at this level, in display order.
    pub fn ecc_curves(&self) -> Vec<EccCurve> {
        EccCurve::ALL
            .into_iter()
            .filter(|c| c.security_bits() == Some(self.bits))
            .collect()
    }

    /// The RSA key at this level.
    pub fn rsa(&self) -> Algorithm {
        Algorithm::Rsa(self.rsa_bits)
    }

    /// Every algorithm at this level: the curves first, then RSA.
    pub fn algorithms(&self) -> Vec<Algorithm> {
        let mut all: Vec<Algorithm> = self.ecc_curves().into_iter().map(Algorithm::Ecc).collect();
        all.push(self.rsa());
        all
    }
}

/// The security strength of an elliptic curve whose group order has `order_bits` bits
/// (SP 800-57 Table 2, column "ECC": f = 160–223 → 80, 224–255 → 112, 256–383 → 128,
/// 384–511 → 192, 512+ → 256). `None` below 160 bits.
pub fn ecc_security_bits(order_bits: u32) -> Option<u32> {
    LEVELS
        .iter()
        .rev()
        .find(|l| order_bits >= l.ecc_min_bits)
        .map(|l| l.bits)
}

/// The security strength of an RSA modulus of `modulus_bits` bits (SP 800-57 Table 2, column
/// "IFC": k = 1024 → 80, 2048 → 112, 3072 → 128, 7680 → 192, 15360 → 256; a size between two
/// rows gets the lower one). `None` below 1024 bits.
pub fn rsa_security_bits(modulus_bits: usize) -> Option<u32> {
    LEVELS
        .iter()
        .rev()
        .find(|l| modulus_bits >= l.rsa_bits)
        .map(|l| l.bits)
}

/// The level with this many bits of security.
pub fn level(bits: u32) -> Option<&'static Level> {
    LEVELS.iter().find(|l| l.bits == bits)
}

// ---------------------------------------------------------------------------------------------
// Algorithms
// ---------------------------------------------------------------------------------------------

/// The curves of `ecckit`, as a value (the measuring code dispatches to the generic code).
///
/// Curve25519 is one row for two protocols, as TLS 1.3 pairs them: Ed25519 (RFC 8032) in the
/// signature columns and X25519 (RFC 7748) in the key-agreement column, both on the same curve
/// (edwards25519 and its birationally equivalent Montgomery form).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EccCurve {
    /// NIST P-224.
    P224,
    /// NIST P-256.
    P256,
    /// SEC 2 secp256k1.
    Secp256k1,
    /// Curve25519: Ed25519 signatures and X25519 key agreement.
    Curve25519,
    /// NIST P-384.
    P384,
    /// NIST P-521.
    P521,
}

impl EccCurve {
    /// All six, by security level and then as the table shows them.
    pub const ALL: [EccCurve; 6] = [
        EccCurve::P224,
        EccCurve::P256,
        EccCurve::Secp256k1,
        EccCurve::Curve25519,
        EccCurve::P384,
        EccCurve::P521,
    ];

    /// The curve's name, as `ecckit::curves::Curve::NAME` spells it; for Curve25519 the two
    /// protocols of its row.
    pub fn name(self) -> &'static str {
        match self {
            EccCurve::P224 => NistP224::NAME,
            EccCurve::P256 => NistP256::NAME,
            EccCurve::Secp256k1 => Secp256k1::NAME,
            EccCurve::Curve25519 => "Ed25519/X25519",
            EccCurve::P384 => NistP384::NAME,
            EccCurve::P521 => NistP521::NAME,
        }
    }

    /// Bit length of the (prime) group order `n` (SP 800-57's `f`). For Curve25519 this is the
    /// order `ℓ = 2^252 + …` of the prime-order subgroup (the curve has `8ℓ` points).
    pub fn order_bits(self) -> u32 {
        match self {
            EccCurve::P224 => 224,
            EccCurve::Curve25519 => 253,
            EccCurve::P256 | EccCurve::Secp256k1 => 256,
            EccCurve::P384 => 384,
            EccCurve::P521 => 521,
        }
    }

    /// The security strength in bits. From [`ecc_security_bits`] of the order's size, except
    /// Curve25519: its 253-bit `ℓ` falls in SP 800-57's 224–255 range, but NIST SP 800-186
    /// (Table 2) rates Curve25519 and Edwards25519 at 128 bits, as RFC 7748 §7 does ("just under
    /// 128 bits"); rho's `√(πℓ/4) ≈ 2^125.8` is in the cost-to-break table for the reader to see.
    pub fn security_bits(self) -> Option<u32> {
        match self {
            EccCurve::Curve25519 => Some(128),
            _ => ecc_security_bits(self.order_bits()),
        }
    }

    /// `log2 n`, from the library's scalar field (`−1 mod n = n − 1`, read as a float).
    pub fn order_log2(self) -> f64 {
        fn of<C: Curve>() -> f64 {
            let n_minus_1 = -<C::Scalar as Field>::ONE;
            n_minus_1
                .to_bytes()
                .as_ref()
                .iter()
                .fold(0.0, |acc, &b| acc * 256.0 + f64::from(b))
                .log2()
        }
        match self {
            EccCurve::P224 => of::<NistP224>(),
            EccCurve::P256 => of::<NistP256>(),
            EccCurve::Secp256k1 => of::<Secp256k1>(),
            EccCurve::Curve25519 => {
                let l_minus_1 = -ecckit::field::curve25519::Scalar::ONE;
                l_minus_1
                    .to_le_bytes()
                    .iter()
                    .rev()
                    .fold(0.0, |acc, &b| acc * 256.0 + f64::from(b))
                    .log2()
            }
            EccCurve::P384 => of::<NistP384>(),
            EccCurve::P521 => of::<NistP521>(),
        }
    }
}

/// An algorithm in the comparison: a curve, or RSA with a modulus size in bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Algorithm {
    /// ECDSA and ECDH on a curve.
    Ecc(EccCurve),
    /// RSA (PKCS#1 v1.5 signatures, OAEP key transport) with a `k`-bit modulus.
    Rsa(usize),
}

impl Algorithm {
    /// `"P-256"`, `"RSA-3072"`.
    pub fn name(self) -> String {
        match self {
            Algorithm::Ecc(c) => c.name().to_string(),
            Algorithm::Rsa(bits) => format!("RSA-{bits}"),
        }
    }

    /// `"ECC"` or `"RSA"`.
    pub fn family(self) -> &'static str {
        match self {
            Algorithm::Ecc(_) => "ECC",
            Algorithm::Rsa(_) => "RSA",
        }
    }

    /// The key size SP 800-57 is indexed by: the group order's bits, or the modulus's.
    pub fn key_bits(self) -> usize {
        match self {
            Algorithm::Ecc(c) => c.order_bits() as usize,
            Algorithm::Rsa(bits) => bits,
        }
    }

    /// The security strength in bits.
    pub fn security_bits(self) -> Option<u32> {
        match self {
            Algorithm::Ecc(c) => c.security_bits(),
            Algorithm::Rsa(bits) => rsa_security_bits(bits),
        }
    }

    /// Every algorithm of the comparison, by level.
    pub fn all() -> Vec<Algorithm> {
        LEVELS.iter().flat_map(Level::algorithms).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------

/// What the byte columns count. The same for every row of a family; see [`Sizes`].
pub const SIZE_DEFINITIONS: &str = "\
public key:  ECC = SEC1 compressed point (1 + L bytes, L = field size); Ed25519/X25519 = the 32-byte encoding of RFC 8032/7748;
             RSA = PKCS#1 RSAPublicKey DER (n, e)
private key: ECC = the scalar d (L bytes; the public key is recomputed from it); Ed25519 = the 32-byte seed;
             RSA = PKCS#1 RSAPrivateKey DER (n, e, d, p, q, dP, dQ, qInv: what signing at CRT speed needs)
signature:   ECDSA = fixed-size r || s (IEEE P1363, 2L bytes; DER adds 6 to 9); Ed25519 = R || S (64 bytes);
             RSA = one modulus-size block (k/8 bytes)
Neither key carries an algorithm identifier: SPKI / PKCS#8 wrapping adds about 20-30 bytes to every key alike.";

/// Encoded sizes in bytes of one algorithm's keys and signatures, all measured on real keys:
///
/// * **public key** — ECC: the SEC1 *compressed* point, `1 + L` bytes (`L` = field size in bytes);
///   RSA: the PKCS#1 `RSAPublicKey` DER (`n` and `e`, about `k/8 + 14` bytes). Both are the
///   algorithm's own standard key encoding, with no algorithm identifier.
/// * **private key** — ECC: the scalar `d`, `L` bytes (everything else follows from it);
///   RSA: the PKCS#1 `RSAPrivateKey` DER, i.e. what an RSA signer stores to sign at CRT speed
///   (`n, e, d, p, q, d mod (p−1), d mod (q−1), q⁻¹ mod p`, about `4.5·k/8` bytes). The bare
///   minimum (`p` and `q`, `k/8` bytes) would need a slow re-derivation at every load.
/// * **signature** — ECDSA: fixed-size `r ‖ s` (IEEE P1363), `2L` bytes; RSA PKCS#1 v1.5:
///   exactly the modulus size, `k/8` bytes.
///
/// Curve25519 has its own standard encodings, 32 bytes for either public key (RFC 8032 §5.1.2,
/// RFC 7748 §5), the 32-byte Ed25519 seed as the private key (RFC 8032 §5.1.5) and the 64-byte
/// `R ‖ S` signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    /// Public key bytes.
    pub public_key: usize,
    /// Private key bytes.
    pub private_key: usize,
    /// Signature bytes.
    pub signature: usize,
}

impl Sizes {
    /// The sizes of a freshly generated key and a signature made with it, on curve `C`.
    pub fn ecc<C: EcdsaCurve>() -> Sizes {
        let key = SigningKey::<C>::random(&mut rand::rng());
        let signature = key.sign(b"size probe");
        Sizes {
            public_key: key.verifying_key().to_sec1_bytes(true).as_ref().len(),
            private_key: key.to_bytes().as_ref().len(),
            signature: signature.to_bytes().as_ref().len(),
        }
    }

    /// The sizes of a fresh Ed25519 key and signature (an X25519 public key is 32 bytes too, and
    /// its private key, the scalar's 32 bytes, too).
    pub fn curve25519() -> Sizes {
        let key = ecckit::ed25519::SigningKey::random(&mut rand::rng());
        let signature = key.sign(b"size probe");
        Sizes {
            public_key: key.verifying_key().to_bytes().len(),
            private_key: key.to_bytes().len(),
            signature: signature.to_bytes().len(),
        }
    }

    /// [`Sizes::ecc`] (or [`Sizes::curve25519`]) for a curve given as a value.
    pub fn of_curve(curve: EccCurve) -> Sizes {
        match curve {
            EccCurve::P224 => Sizes::ecc::<NistP224>(),
            EccCurve::P256 => Sizes::ecc::<NistP256>(),
            EccCurve::Secp256k1 => Sizes::ecc::<Secp256k1>(),
            EccCurve::Curve25519 => Sizes::curve25519(),
            EccCurve::P384 => Sizes::ecc::<NistP384>(),
            EccCurve::P521 => Sizes::ecc::<NistP521>(),
        }
    }

    /// The sizes of an RSA key. The signature size is the modulus size in bytes (RFC 8017
    /// §8.2.1: a PKCS#1 v1.5 signature is exactly `k` octets), which saves signing with a
    /// 15360-bit key only to count bytes; the tests check it against real signatures.
    pub fn rsa(key: &rsa::PrivateKey) -> Sizes {
        let public = key
            .to_public_key()
            .to_pkcs1_der()
            .expect("PKCS#1 public key encoding");
        let private = key.to_pkcs1_der().expect("PKCS#1 private key encoding");
        Sizes {
            public_key: public.as_bytes().len(),
            private_key: private.as_bytes().len(),
            signature: key.size(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Libraries and the rows of the report
// ---------------------------------------------------------------------------------------------

/// A library that implements some of the algorithms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Library {
    /// This crate (ECC).
    Ecckit,
    /// The pure-Rust `rsa` crate (RSA).
    RsaCrate,
    /// AWS-LC, C and assembly (ECC and RSA), through its EVP interface; needs a C compiler, so
    /// its rows come only from the `ecc_vs_rsa` binary of `benches/peers`.
    AwsLc,
}

impl Library {
    /// `"ecckit"`, `"rsa crate"`, `"AWS-LC"`.
    pub fn name(self) -> &'static str {
        match self {
            Library::Ecckit => "ecckit",
            Library::RsaCrate => "rsa crate",
            Library::AwsLc => "AWS-LC",
        }
    }

    /// The libraries of the default, pure-Rust run.
    pub const RUST: [Library; 2] = [Library::Ecckit, Library::RsaCrate];
}

/// One row of the report: an algorithm as one library implements it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Contender {
    /// The algorithm.
    pub algorithm: Algorithm,
    /// Who implements it.
    pub library: Library,
}

impl Contender {
    const fn new(algorithm: Algorithm, library: Library) -> Contender {
        Contender { algorithm, library }
    }

    /// `"P-256 (ecckit)"`.
    pub fn name(self) -> String {
        format!("{} ({})", self.algorithm.name(), self.library.name())
    }
}

/// Every row the report can hold, in display order: by security level (as [`Algorithm::all`]),
/// within a level the curves before RSA, each algorithm's pure-Rust library before AWS-LC. A run
/// measures the rows of the libraries it has. A new row is one more line here, an [`Algorithm`]
/// for it and a measurement; the tables, the ratios, the JSON and the chart follow from this list.
pub const CONTENDERS: [Contender; 21] = {
    use Algorithm::{Ecc, Rsa};
    use EccCurve::*;
    use Library::*;
    [
        Contender::new(Rsa(1024), RsaCrate),
        Contender::new(Rsa(1024), AwsLc),
        Contender::new(Ecc(P224), Ecckit),
        Contender::new(Ecc(P224), AwsLc),
        Contender::new(Rsa(2048), RsaCrate),
        Contender::new(Rsa(2048), AwsLc),
        Contender::new(Ecc(P256), Ecckit),
        Contender::new(Ecc(P256), AwsLc),
        Contender::new(Ecc(Secp256k1), Ecckit),
        Contender::new(Ecc(Curve25519), Ecckit),
        Contender::new(Ecc(Curve25519), AwsLc),
        Contender::new(Rsa(3072), RsaCrate),
        Contender::new(Rsa(3072), AwsLc),
        Contender::new(Ecc(P384), Ecckit),
        Contender::new(Ecc(P384), AwsLc),
        Contender::new(Rsa(7680), RsaCrate),
        Contender::new(Rsa(7680), AwsLc),
        Contender::new(Ecc(P521), Ecckit),
        Contender::new(Ecc(P521), AwsLc),
        Contender::new(Rsa(15360), RsaCrate),
        Contender::new(Rsa(15360), AwsLc),
    ]
};

/// The rows of [`CONTENDERS`] whose library is in `libraries`, in display order.
pub fn contenders(libraries: &[Library]) -> Vec<Contender> {
    CONTENDERS
        .into_iter()
        .filter(|c| libraries.contains(&c.library))
        .collect()
}

/// The position of a row in [`CONTENDERS`] (unknown rows last), for sorting.
pub fn display_position(contender: Contender) -> usize {
    CONTENDERS
        .iter()
        .position(|c| *c == contender)
        .unwrap_or(usize::MAX)
}

/// The directory of the checkout (the one holding `vectors/rsa/`), found upward from the
/// including package's manifest, so that the example and the `benches/peers` binary agree.
pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .find(|dir| dir.join("vectors").join("rsa").is_dir())
        .unwrap_or(&manifest)
        .to_path_buf()
}

// ---------------------------------------------------------------------------------------------
// RSA fixtures
// ---------------------------------------------------------------------------------------------

/// RSA sizes shipped as fixtures (PKCS#8 PEM in `vectors/rsa/`) because generating them takes
/// minutes.
pub const RSA_FIXTURE_BITS: [usize; 2] = [7680, 15360];

/// Whether RSA keys of this size come from a fixture rather than from run-time generation.
pub fn rsa_uses_fixture(bits: usize) -> bool {
    RSA_FIXTURE_BITS.contains(&bits)
}

/// `vectors/rsa/rsa-<bits>.pem` in the checkout.
pub fn rsa_fixture_path(bits: usize) -> PathBuf {
    repo_root()
        .join("vectors")
        .join("rsa")
        .join(format!("rsa-{bits}.pem"))
}

/// Loads `vectors/rsa/rsa-<bits>.pem` with the `rsa` crate's PKCS#8 decoder and checks its size.
pub fn load_rsa_fixture(bits: usize) -> Result<rsa::PrivateKey, String> {
    let path = rsa_fixture_path(bits);
    let pem =
        std::fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let key = rsa::PrivateKey::from_pkcs8_pem(&pem)
        .map_err(|e| format!("decoding {}: {e}", path.display()))?;
    let got = key.n().bit_width_vartime() as usize;
    if got != bits {
        return Err(format!(
            "{}: modulus has {got} bits, expected {bits}",
            path.display()
        ));
    }
    Ok(key)
}

// ---------------------------------------------------------------------------------------------
// Figures and rows
// ---------------------------------------------------------------------------------------------

/// A timed figure: the median time of one operation over `runs` timed runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    /// Median nanoseconds per operation.
    pub median_ns: f64,
    /// Number of timed runs the median is taken over.
    pub runs: usize,
    /// Operations per run (fast operations are batched so that one run lasts long enough to
    /// time; the run's time is divided by this).
    pub batch: usize,
}

impl Timing {
    /// Microseconds per operation.
    pub fn micros(&self) -> f64 {
        self.median_ns / 1e3
    }

    /// Operations per second.
    pub fn ops_per_sec(&self) -> f64 {
        1e9 / self.median_ns
    }
}

/// One cell of timing: measured, deliberately not timed, or meaningless for the algorithm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Figure {
    /// Measured.
    Timed(Timing),
    /// Could be measured but was not in this mode (RSA-7680/15360 key generation without `--full`).
    NotTimed,
    /// The operation does not exist for this row (ECDH for RSA, OAEP for ECC, the point addition
    /// outside ecckit).
    NotApplicable,
}

impl Figure {
    /// The timing, if measured.
    pub fn timing(&self) -> Option<Timing> {
        match self {
            Figure::Timed(t) => Some(*t),
            _ => None,
        }
    }
}

/// One row of the report: an algorithm in one library.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The algorithm.
    pub algorithm: Algorithm,
    /// The library that ran it.
    pub library: Library,
    /// Its sizes (the algorithm's standard encodings: the same in every library).
    pub sizes: Sizes,
    /// Key generation: ECC a random scalar and its public point (Ed25519: a random seed, its
    /// SHA-512 and the public point); RSA two primes and the CRT values.
    pub keygen: Figure,
    /// Signing one short message, hashing included (ECDSA with the curve's hash; Ed25519 with
    /// SHA-512; RSA PKCS#1 v1.5 with SHA-256, blinded).
    pub sign: Figure,
    /// Verifying that signature, hashing included.
    pub verify: Figure,
    /// ECC only: ECDH, i.e. decoding and validating the peer's (uncompressed) public key and
    /// computing `x(d·Q)`; on Curve25519 X25519, i.e. decoding the peer's 32-byte `u` and the
    /// Montgomery ladder (with the all-zero check of RFC 7748 §6.1).
    pub agree: Figure,
    /// RSA only: OAEP-SHA-256 encryption of a 32-byte key (the sender's side of key transport).
    pub encrypt: Figure,
    /// RSA only: OAEP-SHA-256 decryption of it, blinded (the receiver's side).
    pub decrypt: Figure,
    /// ecckit only: one point addition (projective + affine, complete formulas; on Curve25519
    /// extended Edwards coordinates + an affine Niels point), the unit of the cost-to-break
    /// estimate for Pollard rho.
    pub point_add: Figure,
}

impl Row {
    /// A row with sizes and nothing timed yet (operations that do not apply are marked so).
    pub fn new(contender: Contender, sizes: Sizes) -> Row {
        let (agree, transport) = match contender.algorithm {
            Algorithm::Ecc(_) => (Figure::NotTimed, Figure::NotApplicable),
            Algorithm::Rsa(_) => (Figure::NotApplicable, Figure::NotTimed),
        };
        let point_add = match contender {
            Contender {
                algorithm: Algorithm::Ecc(_),
                library: Library::Ecckit,
            } => Figure::NotTimed,
            _ => Figure::NotApplicable,
        };
        Row {
            algorithm: contender.algorithm,
            library: contender.library,
            sizes,
            keygen: Figure::NotTimed,
            sign: Figure::NotTimed,
            verify: Figure::NotTimed,
            agree,
            encrypt: transport,
            decrypt: transport,
            point_add,
        }
    }

    /// The row's algorithm and library.
    pub fn contender(&self) -> Contender {
        Contender {
            algorithm: self.algorithm,
            library: self.library,
        }
    }

    /// The figure of the sender's side of key establishment: ECDH, or OAEP encryption.
    pub fn sender(&self) -> Figure {
        match self.algorithm {
            Algorithm::Ecc(_) => self.agree,
            Algorithm::Rsa(_) => self.encrypt,
        }
    }

    /// The figure of the receiver's side: ECDH, or OAEP decryption.
    pub fn receiver(&self) -> Figure {
        match self.algorithm {
            Algorithm::Ecc(_) => self.agree,
            Algorithm::Rsa(_) => self.decrypt,
        }
    }

    /// The five timed operations, in table order, with their names.
    pub fn operations(&self) -> [(&'static str, Figure); 5] {
        [
            ("keygen", self.keygen),
            ("sign", self.sign),
            ("verify", self.verify),
            ("sender", self.sender()),
            ("receiver", self.receiver()),
        ]
    }
}

/// The rows of `rows` at `level`, in display order.
pub fn level_rows<'a>(level: &Level, rows: &'a [Row]) -> Vec<&'a Row> {
    let mut at: Vec<&Row> = rows
        .iter()
        .filter(|r| r.algorithm.security_bits() == Some(level.bits))
        .collect();
    at.sort_by_key(|r| display_position(r.contender()));
    at
}

/// An RSA row divided by a curve's row at the same level.
#[derive(Clone, Copy, Debug)]
pub struct Pair<'a> {
    /// The numerator.
    pub rsa: &'a Row,
    /// The denominator.
    pub ecc: &'a Row,
}

/// The ratios shown at `level`: every RSA row over every ecckit curve, and over the same
/// library's curve (AWS-LC RSA over AWS-LC ECC). Grouped by curve.
pub fn level_pairs<'a>(level: &Level, rows: &'a [Row]) -> Vec<Pair<'a>> {
    let at = level_rows(level, rows);
    let (ecc, rsa): (Vec<&Row>, Vec<&Row>) = at
        .iter()
        .partition(|r| matches!(r.algorithm, Algorithm::Ecc(_)));
    let mut pairs = Vec::new();
    for e in &ecc {
        for r in &rsa {
            if e.library == Library::Ecckit || e.library == r.library {
                pairs.push(Pair { rsa: r, ecc: e });
            }
        }
    }
    pairs
}

/// What the figures are, printed under the tables.
pub const NOTES: &str = "\
Each time is the median over n timed runs (fast operations batched within a run). A ratio row
divides the first row's figure by the second's (above 1: RSA is bigger or slower).
Key establishment: with ECDH each side validates the peer's (uncompressed) public key and computes
one x(d·Q) (plus, when ephemeral, one key generation); with RSA key transport the sender
OAEP-encrypts a 32-byte key with the receiver's public key and the receiver decrypts it. So
\"ECDH | OAEP encrypt\" is the sender's cost and \"ECDH | OAEP decrypt\" the receiver's.
The Ed25519/X25519 row signs with Ed25519 and agrees with X25519 (the peer's 32-byte u needs no
validation; an all-zero result, from a low-order u, is refused).
";

/// The median of `samples` (the mean of the middle two for an even count). Panics if empty.
pub fn median(samples: &[f64]) -> f64 {
    assert!(!samples.is_empty(), "median of nothing");
    let mut v = samples.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    }
}

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/// A duration in nanoseconds with three significant digits and a unit: `"812 ns"`, `"25.1 µs"`,
/// `"1.23 ms"`, `"4.56 s"`.
pub fn fmt_duration(ns: f64) -> String {
    let (value, unit) = if ns < 1e3 {
        (ns, "ns")
    } else if ns < 1e6 {
        (ns / 1e3, "µs")
    } else if ns < 1e9 {
        (ns / 1e6, "ms")
    } else {
        (ns / 1e9, "s")
    };
    format!("{} {unit}", three_digits(value))
}

/// Operations per second with three significant digits: `"39.8k/s"`, `"812/s"`, `"0.22/s"`.
pub fn fmt_rate(ops_per_sec: f64) -> String {
    if ops_per_sec >= 1e6 {
        format!("{}M/s", three_digits(ops_per_sec / 1e6))
    } else if ops_per_sec >= 1e3 {
        format!("{}k/s", three_digits(ops_per_sec / 1e3))
    } else {
        format!("{}/s", three_digits(ops_per_sec))
    }
}

/// A ratio: `"12.1×"`, `"1234×"`, `"0.52×"`.
pub fn fmt_ratio(ratio: f64) -> String {
    format!("{}×", three_digits(ratio))
}

/// Three significant digits, no exponent (whole numbers from 1000 up).
fn three_digits(x: f64) -> String {
    if x >= 99.95 {
        format!("{x:.0}")
    } else if x >= 9.995 {
        format!("{x:.1}")
    } else if x >= 0.9995 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

/// A timing cell: `"25.1 µs (n=201)"`, or the reason there is none.
pub fn fmt_figure(figure: &Figure) -> String {
    match figure {
        Figure::Timed(t) => format!("{} (n={})", fmt_duration(t.median_ns), t.runs),
        Figure::NotTimed => "not timed".to_string(),
        Figure::NotApplicable => "—".to_string(),
    }
}

/// A ratio cell for `rsa / ecc`, or `"—"` unless both were measured.
pub fn fmt_time_ratio(rsa: &Figure, ecc: &Figure) -> String {
    time_ratio(rsa, ecc).map_or("—".to_string(), fmt_ratio)
}

/// `rsa / ecc` if both were measured.
pub fn time_ratio(rsa: &Figure, ecc: &Figure) -> Option<f64> {
    match (rsa.timing(), ecc.timing()) {
        (Some(r), Some(e)) => Some(r.median_ns / e.median_ns),
        _ => None,
    }
}

/// A power of two with one decimal: `"2^127.8"`.
pub fn fmt_log2(log2: f64) -> String {
    format!("2^{log2:.1}")
}

/// A count given by its `log2`, in plain digits below 10,000 and otherwise with an exponent:
/// `"2700"`, `"4.1e25"`.
pub fn fmt_count(log2: f64) -> String {
    let value = log2.exp2();
    if value < 1e4 {
        format!("{value:.0}")
    } else {
        format!("{value:.1e}")
    }
}

/// Column alignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Pad on the right.
    Left,
    /// Pad on the left.
    Right,
}

/// A plain-text table: a header line, a rule, then rows; columns separated by two spaces.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Column headers.
    pub header: Vec<String>,
    /// Alignment of each column.
    pub align: Vec<Align>,
    /// Cells, row by row.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// Renders the table; widths count characters, not bytes (`µ`, `×`, `—` are one each).
    pub fn render(&self) -> String {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            assert_eq!(row.len(), columns, "row width differs from the header");
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| -> String {
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let pad = widths[i] - cell.chars().count();
                if i > 0 {
                    out.push_str("  ");
                }
                match self.align.get(i).copied().unwrap_or(Align::Left) {
                    Align::Left => {
                        out.push_str(cell);
                        out.extend(std::iter::repeat_n(' ', pad));
                    }
                    Align::Right => {
                        out.extend(std::iter::repeat_n(' ', pad));
                        out.push_str(cell);
                    }
                }
            }
            out.trim_end().to_string()
        };
        let mut out = line(&self.header);
        out.push('\n');
        let total: usize = widths.iter().sum::<usize>() + 2 * columns.saturating_sub(1);
        out.extend(std::iter::repeat_n('─', total));
        out.push('\n');
        for row in &self.rows {
            out.push_str(&line(row));
            out.push('\n');
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

/// The heading of a level's block.
pub fn level_heading(level: &Level) -> String {
    format!(
        "{}-bit security — SP 800-57: ECC {}-bit curves, RSA-{}",
        level.bits,
        level.ecc_range(),
        level.rsa_bits
    )
}

/// The line under a level's block where this crate has no curve (80 bits).
pub fn no_curve_note(level: &Level) -> String {
    format!(
        "ECC: no curve in ecckit at {} bits (it would be a {}-bit curve; the smallest here is P-224, at 112 bits).",
        level.bits,
        level.ecc_range()
    )
}

/// `"RSA-3072 ÷ P-256"`: the label of a ratio row.
pub fn pair_label(pair: &Pair<'_>) -> String {
    format!(
        "{} ÷ {}",
        pair.rsa.algorithm.name(),
        pair.ecc.algorithm.name()
    )
}

/// `"AWS-LC ÷ ecckit"`: the libraries of a ratio row.
pub fn pair_libraries(pair: &Pair<'_>) -> String {
    format!("{} ÷ {}", pair.rsa.library.name(), pair.ecc.library.name())
}

/// The headers of the timed columns, in [`Row::operations`] order.
pub const OPERATION_HEADERS: [&str; 5] = [
    "key generation",
    "sign",
    "verify",
    "ECDH | OAEP encrypt",
    "ECDH | OAEP decrypt",
];

/// The time block of one level: a row per measured algorithm and library (curves first), then a
/// ratio row per [`level_pairs`] pair.
pub fn level_table(level: &Level, rows: &[Row]) -> Table {
    let mut header = vec![String::new(), "library".to_string()];
    header.extend(OPERATION_HEADERS.iter().map(|h| h.to_string()));
    let mut align = vec![Align::Left, Align::Left];
    align.extend(std::iter::repeat_n(Align::Right, OPERATION_HEADERS.len()));

    let mut table_rows = Vec::new();
    for row in level_rows(level, rows) {
        let mut line = vec![row.algorithm.name(), row.library.name().to_string()];
        line.extend(row.operations().iter().map(|(_, f)| fmt_figure(f)));
        table_rows.push(line);
    }
    for pair in level_pairs(level, rows) {
        let mut line = vec![pair_label(&pair), pair_libraries(&pair)];
        line.extend(
            pair.rsa
                .operations()
                .iter()
                .zip(pair.ecc.operations())
                .map(|((_, r), (_, e))| fmt_time_ratio(r, &e)),
        );
        table_rows.push(line);
    }
    Table {
        header,
        align,
        rows: table_rows,
    }
}

/// The sizes of the algorithms at `levels`: a row per algorithm (from its first row in `rows`),
/// then `RSA ÷ curve` per curve.
pub fn sizes_table(levels: &[Level], rows: &[Row]) -> Table {
    let header = [
        "security",
        "algorithm",
        "public key",
        "private key",
        "signature",
    ]
    .map(String::from)
    .to_vec();
    let align = vec![
        Align::Right,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
    ];
    let mut table_rows = Vec::new();
    for level in levels {
        let mut seen: Vec<&Row> = Vec::new();
        for row in level_rows(level, rows) {
            if !seen.iter().any(|s| s.algorithm == row.algorithm) {
                seen.push(row);
            }
        }
        let sizes = |s: &Sizes| [s.public_key, s.private_key, s.signature];
        for row in &seen {
            let mut line = vec![level.bits.to_string(), row.algorithm.name()];
            line.extend(sizes(&row.sizes).iter().map(|b| b.to_string()));
            table_rows.push(line);
        }
        let rsa = seen
            .iter()
            .find(|r| matches!(r.algorithm, Algorithm::Rsa(_)));
        for ecc in seen
            .iter()
            .filter(|r| matches!(r.algorithm, Algorithm::Ecc(_)))
        {
            let Some(rsa) = rsa else { continue };
            let mut line = vec![
                String::new(),
                format!("{} ÷ {}", rsa.algorithm.name(), ecc.algorithm.name()),
            ];
            line.extend(
                sizes(&rsa.sizes)
                    .iter()
                    .zip(sizes(&ecc.sizes))
                    .map(|(r, e)| fmt_ratio(*r as f64 / e as f64)),
            );
            table_rows.push(line);
        }
    }
    Table {
        header,
        align,
        rows: table_rows,
    }
}

// ---------------------------------------------------------------------------------------------
// Cost to break
// ---------------------------------------------------------------------------------------------

/// The targets of the cost-to-break table, by level: ecckit's curves (each with the point
/// addition measured in `rows`, if any) or, where ecckit has none (80 bits), a curve of the
/// level's smallest size; then the level's RSA modulus.
pub fn costs(rows: &[Row]) -> Vec<Cost> {
    let mut out = Vec::new();
    for level in &LEVELS {
        let curves = level.ecc_curves();
        if curves.is_empty() {
            out.push(Cost {
                security_bits: level.bits,
                target: Target::Curve {
                    name: format!("{}-bit curve", level.ecc_min_bits),
                    order_log2: f64::from(level.ecc_min_bits),
                    ns_per_addition: None,
                },
            });
        }
        for curve in curves {
            let ns_per_addition = rows
                .iter()
                .find(|r| r.algorithm == Algorithm::Ecc(curve) && r.library == Library::Ecckit)
                .and_then(|r| r.point_add.timing())
                .map(|t| t.median_ns);
            out.push(Cost {
                security_bits: level.bits,
                target: Target::Curve {
                    name: curve.name().to_string(),
                    order_log2: curve.order_log2(),
                    ns_per_addition,
                },
            });
        }
        out.push(Cost {
            security_bits: level.bits,
            target: Target::Rsa {
                bits: level.rsa_bits as u32,
            },
        });
    }
    out
}

/// The cost-to-break table.
pub fn cost_table(costs: &[Cost]) -> Table {
    let header = [
        "security",
        "algorithm",
        "best attack",
        "formula, o(1) dropped",
        "× the record",
        "core-years",
    ]
    .map(String::from)
    .to_vec();
    let align = vec![
        Align::Right,
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Left,
    ];
    let rows = costs
        .iter()
        .map(|c| {
            let formula = match c.target {
                Target::Curve { .. } => format!("√(πn/4) = {}", fmt_log2(c.formula_log2())),
                Target::Rsa { .. } => format!("L_n = {}", fmt_log2(c.formula_log2())),
            };
            let core_years = match (&c.target, c.core_years_log2()) {
                (
                    Target::Curve {
                        ns_per_addition: Some(ns),
                        ..
                    },
                    Some(y),
                ) => format!("{} at {} per addition", fmt_count(y), fmt_duration(*ns)),
                (Target::Curve { .. }, _) => "— (no curve timed)".to_string(),
                (Target::Rsa { .. }, Some(y)) => fmt_count(y),
                (Target::Rsa { .. }, None) => "—".to_string(),
            };
            vec![
                c.security_bits.to_string(),
                c.name(),
                c.attack().to_string(),
                formula,
                format!("{} × {}", fmt_log2(c.record_multiple_log2()), c.record()),
                core_years,
            ]
        })
        .collect();
    Table {
        header,
        align,
        rows,
    }
}

/// The heading of the cost-to-break table.
pub const COST_HEADING: &str =
    "Cost to break — the best known attack on each size, anchored to the largest public breaks";

/// How the cost-to-break figures are made, printed under the table.
pub const COST_NOTES: &str = "\
ECC: Pollard rho needs about √(πn/4) point additions on a group of prime order n. Anchored to
  the secp112r1 record (2009: about 8.5·10^16 additions, n ≈ 2^111.8, 1.44 times the formula) by
  the formula's √n growth: 8.5·10^16 · √(n / n_secp112r1) additions. Core-years at ecckit's point
  addition (complete formulas, projective + affine) measured in this run; a tuned rho walk adds
  in affine coordinates with batched inversions, about twice as fast. `cargo run --release
  --example ecdlp` measures rho's √n growth on toy curves.
RSA: the general number field sieve costs L_n[1/3, (64/9)^(1/3)] =
  exp(1.923 · (ln n)^(1/3) · (ln ln n)^(2/3)) with the o(1) in the exponent dropped, so only its
  ratios between sizes mean something. Anchored to RSA-250 (829 bits, factored in 2020 in about
  2,700 core-years): 2,700 · L(2^k) / L(2^829) core-years for a k-bit modulus.
";

// ---------------------------------------------------------------------------------------------
// The whole report
// ---------------------------------------------------------------------------------------------

/// The figures of one run with their provenance.
#[derive(Clone, Debug)]
pub struct Report {
    /// Where and when.
    pub provenance: Provenance,
    /// The measured rows.
    pub rows: Vec<Row>,
}

/// The report's first line: what is compared, with which libraries.
pub fn title(provenance: &Provenance) -> String {
    format!(
        "ECC vs RSA at equal security (NIST SP 800-57): {}",
        provenance.libraries_text()
    )
}

/// The level whose block the README shows (128 bits: P-256, secp256k1, RSA-3072).
pub const SAMPLE_LEVEL: usize = 2;

/// The README's sample: title, provenance, the 128-bit sizes and times, the cost to break. Every
/// part is rendered by the same function as in [`render_report`].
pub fn render_sample(report: &Report) -> String {
    let level = &LEVELS[SAMPLE_LEVEL];
    let mut out = String::new();
    let _ = writeln!(out, "{}", title(&report.provenance));
    let _ = writeln!(out, "{}\n", report.provenance.line());
    let _ = writeln!(out, "{}", level_heading(level));
    out.push_str(&sizes_table(std::slice::from_ref(level), &report.rows).render());
    out.push('\n');
    out.push_str(&level_table(level, &report.rows).render());
    out.push('\n');
    let _ = writeln!(out, "{COST_HEADING}");
    out.push_str(&cost_table(&costs(&report.rows)).render());
    out
}

/// The whole printed report; `intro` (what was measured how, from the caller) goes under the
/// provenance.
pub fn render_report(report: &Report, intro: &str) -> String {
    let rows = &report.rows;
    let mut out = String::new();
    let _ = writeln!(out, "{}", title(&report.provenance));
    let _ = writeln!(out, "{}\n", report.provenance.line());
    out.push_str(intro);
    out.push('\n');
    let _ = writeln!(
        out,
        "Sizes in bytes (standard encodings: the same in every library)"
    );
    out.push_str(&sizes_table(&LEVELS, rows).render());
    out.push('\n');
    for level in &LEVELS {
        let _ = writeln!(out, "{}", level_heading(level));
        out.push_str(&level_table(level, rows).render());
        if level.ecc_curves().is_empty() {
            let _ = writeln!(out, "{}", no_curve_note(level));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{COST_HEADING}");
    out.push_str(&cost_table(&costs(rows)).render());
    out.push_str(COST_NOTES);
    out.push('\n');
    out.push_str(NOTES);
    out.push_str("Sizes in bytes:\n");
    for line in SIZE_DEFINITIONS.lines() {
        let _ = writeln!(out, "  {line}");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

/// Microseconds of a figure (to the nanosecond), or JSON `null`.
fn micros(figure: &Figure) -> Value {
    figure
        .timing()
        .map_or(Value::Null, |t| json!((t.micros() * 1e3).round() / 1e3))
}

/// Runs behind a figure, or JSON `null`.
fn runs(figure: &Figure) -> Value {
    figure.timing().map_or(Value::Null, |t| json!(t.runs))
}

/// A float rounded to `digits` decimals, or `null`.
fn rounded(x: Option<f64>, digits: i32) -> Value {
    let scale = 10f64.powi(digits);
    x.map_or(Value::Null, |x| json!((x * scale).round() / scale))
}

/// One row as a JSON object. Times are medians in microseconds per operation, `null` where not
/// measured; `agree_us` is ECDH (null for RSA), `encrypt_us` / `decrypt_us` are RSA-OAEP (null
/// for ECC), `point_add_us` one ecckit point addition (the cost-to-break unit); each `*_runs` is
/// the number of timed runs behind the median.
pub fn row_json(row: &Row) -> Value {
    let a = row.algorithm;
    json!({
        "algorithm": a.name(),
        "library": row.library.name(),
        "family": a.family(),
        "key_bits": a.key_bits(),
        "security_bits": a.security_bits(),
        "public_key_bytes": row.sizes.public_key,
        "private_key_bytes": row.sizes.private_key,
        "signature_bytes": row.sizes.signature,
        "keygen_us": micros(&row.keygen),
        "sign_us": micros(&row.sign),
        "verify_us": micros(&row.verify),
        "agree_us": micros(&row.agree),
        "encrypt_us": micros(&row.encrypt),
        "decrypt_us": micros(&row.decrypt),
        "point_add_us": micros(&row.point_add),
        "keygen_runs": runs(&row.keygen),
        "sign_runs": runs(&row.sign),
        "verify_runs": runs(&row.verify),
        "agree_runs": runs(&row.agree),
        "encrypt_runs": runs(&row.encrypt),
        "decrypt_runs": runs(&row.decrypt),
        "point_add_runs": runs(&row.point_add),
    })
}

/// One ratio row: RSA's figure over the curve's, per operation (`sender` is ECDH over OAEP
/// encryption, `receiver` ECDH over OAEP decryption), `null` unless both were measured.
pub fn pair_json(pair: &Pair<'_>) -> Value {
    let mut object = serde_json::Map::new();
    object.insert("rsa".into(), json!(pair.rsa.algorithm.name()));
    object.insert("rsa_library".into(), json!(pair.rsa.library.name()));
    object.insert("ecc".into(), json!(pair.ecc.algorithm.name()));
    object.insert("ecc_library".into(), json!(pair.ecc.library.name()));
    for ((name, r), (_, e)) in pair.rsa.operations().iter().zip(pair.ecc.operations()) {
        object.insert(name.to_string(), rounded(time_ratio(r, &e), 3));
    }
    Value::Object(object)
}

/// One cost-to-break line: `log2` of the formula's count, of the multiple of the record and of
/// the anchored core-years (`null` for a curve without a timed addition).
pub fn cost_json(cost: &Cost) -> Value {
    let ns = match cost.target {
        Target::Curve {
            ns_per_addition, ..
        } => ns_per_addition,
        Target::Rsa { .. } => None,
    };
    json!({
        "security_bits": cost.security_bits,
        "algorithm": cost.name(),
        "attack": cost.attack(),
        "formula_log2": rounded(Some(cost.formula_log2()), 2),
        "record": cost.record(),
        "record_multiple_log2": rounded(Some(cost.record_multiple_log2()), 2),
        "anchored_additions_log2": rounded(cost.anchored_additions_log2(), 2),
        "ns_per_addition": rounded(ns, 1),
        "core_years_log2": rounded(cost.core_years_log2(), 2),
        "core_years": cost.core_years_log2().map_or(Value::Null, |y| json!(y.exp2())),
    })
}

/// The provenance as a JSON object.
pub fn provenance_json(p: &Provenance) -> Value {
    let libraries: serde_json::Map<String, Value> = p
        .libraries
        .iter()
        .map(|(name, version)| (name.clone(), json!(version)))
        .collect();
    json!({
        "commit": p.commit,
        "date_utc": p.date_utc,
        "cpu": p.cpu,
        "cores": p.cores,
        "rustc": p.rustc,
        "mode": p.mode,
        "libraries": libraries,
    })
}

/// The whole report as pretty-printed JSON: `provenance`, `rows`, `ratios` (every ratio row of
/// every level) and `cost_to_break`.
pub fn report_json(report: &Report) -> String {
    let rows: Vec<Value> = report.rows.iter().map(row_json).collect();
    let ratios: Vec<Value> = LEVELS
        .iter()
        .flat_map(|l| level_pairs(l, &report.rows))
        .map(|p| pair_json(&p))
        .collect();
    let cost: Vec<Value> = costs(&report.rows).iter().map(cost_json).collect();
    let document = json!({
        "provenance": provenance_json(&report.provenance),
        "rows": rows,
        "ratios": ratios,
        "cost_to_break": cost,
    });
    serde_json::to_string_pretty(&document).expect("JSON of plain values")
}

// ---------------------------------------------------------------------------------------------
// The README's sample block
// ---------------------------------------------------------------------------------------------

/// The line before the README's sample block.
pub const SAMPLE_BEGIN: &str = "<!-- ecc_vs_rsa sample: begin (written by --update-docs) -->";
/// The line after it.
pub const SAMPLE_END: &str = "<!-- ecc_vs_rsa sample: end -->";

/// The text of the README's sample block (inside its ```` ```text ```` fence), if the markers and
/// the fence are there.
pub fn readme_sample(readme: &str) -> Option<&str> {
    let start = readme.find(SAMPLE_BEGIN)? + SAMPLE_BEGIN.len();
    let end = start + readme[start..].find(SAMPLE_END)?;
    let block = &readme[start..end];
    let open = "```text\n";
    let body_start = block.find(open)? + open.len();
    let body_end = block.rfind("```")?;
    (body_end >= body_start).then(|| &block[body_start..body_end])
}

/// `readme` with its sample block replaced by `sample`.
pub fn replace_readme_sample(readme: &str, sample: &str) -> Result<String, String> {
    let start = readme
        .find(SAMPLE_BEGIN)
        .ok_or(format!("README.md has no line {SAMPLE_BEGIN:?}"))?
        + SAMPLE_BEGIN.len();
    let end = start
        + readme[start..]
            .find(SAMPLE_END)
            .ok_or(format!("README.md has no line {SAMPLE_END:?}"))?;
    let mut sample = sample.to_string();
    if !sample.ends_with('\n') {
        sample.push('\n');
    }
    Ok(format!(
        "{}\n```text\n{sample}```\n{}",
        &readme[..start],
        &readme[end..]
    ))
}
