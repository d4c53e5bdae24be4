//! The published constants of each curve as hex strings: the one place they are written.
//!
//! Layer: **curves**. Plain data, used both by the curve modules and by `build.rs` (which includes
//! this file to compute the tables of multiples of `G` before the crate is compiled).

/// A short Weierstrass curve's constants, big-endian hex.
pub struct CurveHex {
    /// The field prime `p`.
    pub p: &'static str,
    /// The coefficient `a`.
    pub a: &'static str,
    /// The coefficient `b`.
    pub b: &'static str,
    /// The generator's `x`.
    pub gx: &'static str,
    /// The generator's `y`.
    pub gy: &'static str,
}

/// NIST P-224, SP 800-186 §3.2.1.2.
pub const P224: CurveHex = CurveHex {
    p: "ffffffffffffffffffffffffffffffff000000000000000000000001",
    a: "fffffffffffffffffffffffffffffffefffffffffffffffffffffffe",
    b: "b4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4",
    gx: "b70e0cbd6bb4bf7f321390b94a03c1d356c21122343280d6115c1d21",
    gy: "bd376388b5f723fb4c22dfe6cd4375a05a07476444d5819985007e34",
};

/// NIST P-256, SP 800-186 §3.2.1.3.
pub const P256: CurveHex = CurveHex {
    p: "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
    a: "ffffffff00000001000000000000000000000000fffffffffffffffffffffffc",
    b: "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
    gx: "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
    gy: "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
};

/// NIST P-384, SP 800-186 §3.2.1.4.
pub const P384: CurveHex = CurveHex {
    p: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
    a: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffc",
    b: "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
    gx: "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7",
    gy: "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f",
};

/// NIST P-521, SP 800-186 §3.2.1.5.
pub const P521: CurveHex = CurveHex {
    p: "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
    a: "01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc",
    b: "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00",
    gx: "00c6858e06b70404e9cd9e3ecb662395b4429c648139053fb521f828af606b4d3dbaa14b5e77efe75928fe1dc127a2ffa8de3348b3c1856a429bf97e7e31c2e5bd66",
    gy: "011839296a789a3bc0045c8a5fb42c7d1bd998f54449579b446817afbd17273e662c97ee72995ef42640c550b9013fad0761353c7086a272c24088be94769fd16650",
};

/// secp256k1, SEC 2 v2.0 §2.4.1.
pub const SECP256K1: CurveHex = CurveHex {
    p: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
    a: "0",
    b: "7",
    gx: "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
    gy: "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
};

/// The constants of a GLV endomorphism (Gallant, Lambert and Vanstone, "Faster point
/// multiplication on elliptic curves with efficient endomorphisms", CRYPTO 2001), big-endian hex.
///
/// `φ(x, y) = (β·x, y)` equals `λ·(x, y)` on the whole group. `(a1, b1)` and `(a2, b2)` span
/// a lattice of short vectors with `a + b·λ ≡ 0 (mod n)`; `g1`, `g2` are the rounding constants
/// of the decomposition `k = k1 + k2·λ` (see `point::glv`).
pub struct GlvHex {
    /// `β`, a primitive cube root of unity modulo `p`.
    pub beta: &'static str,
    /// `λ`, the primitive cube root of unity modulo `n` with `φ(P) = λ·P`.
    pub lambda: &'static str,
    /// `a1 > 0`.
    pub a1: &'static str,
    /// `−b1` (`b1` is negative).
    pub minus_b1: &'static str,
    /// `a2 > 0`.
    pub a2: &'static str,
    /// `b2 > 0`.
    pub b2: &'static str,
    /// `g1 = round(2^384·b2 / n)`.
    pub g1: &'static str,
    /// `g2 = round(2^384·(−b1) / n)`.
    pub g2: &'static str,
}

/// secp256k1's endomorphism (`a = 0` and `p ≡ n ≡ 1 (mod 3)`, so cube roots of unity exist in both
/// fields). Of the two non-trivial roots in each field, this `β` and this `λ` correspond. The
/// basis is the one the extended Euclidean algorithm on `(n, λ)` yields (GLV 2001); `g1`, `g2`
/// are the rounding constants of Bos, Costello, Hisil and Lauter ("High-performance scalar
/// multiplication using 8-dimensional GLV/GLS decomposition", CHES 2013). These are the widely
/// published values (libsecp256k1 uses the same); the tests recheck `β³ = 1`, `λ³ = 1`,
/// `φ(G) = λ·G`, `a_i + b_i·λ ≡ 0` and the roundings.
pub const SECP256K1_GLV: GlvHex = GlvHex {
    beta: "7ae96a2b657c07106e64479eac3434e99cf0497512f58995c1396c28719501ee",
    lambda: "5363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72",
    a1: "3086d221a7d46bcde86c90e49284eb15",
    minus_b1: "e4437ed6010e88286f547fa90abfe4c3",
    a2: "114ca50f7a8e2f3f657c1108d9d44cfd8",
    b2: "3086d221a7d46bcde86c90e49284eb15",
    g1: "3086d221a7d46bcde86c90e49284eb153daa8a1471e8ca7fe893209a45dbb031",
    g2: "e4437ed6010e88286f547fa90abfe4c4221208ac9df506c61571b4ae8ac47f71",
};

/// A twisted Edwards curve `a·x² + y² = 1 + d·x²·y²` with `a = −1`, big-endian hex.
pub struct EdwardsHex {
    /// The field prime `p`.
    pub p: &'static str,
    /// The coefficient `d`.
    pub d: &'static str,
    /// The base point's `x`.
    pub bx: &'static str,
    /// The base point's `y`.
    pub by: &'static str,
    /// The base point's `t = x·y` (the extended coordinate).
    pub bt: &'static str,
}

/// edwards25519, the Ed25519 curve: RFC 8032 §5.1 (`d = −121665/121666`, `B = (x, 4/5)` with `x`
/// even), birationally equivalent to Curve25519 (RFC 7748 §4.1).
pub const ED25519: EdwardsHex = EdwardsHex {
    p: "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed",
    d: "52036cee2b6ffe738cc740797779e89800700a4d4141d8ab75eb4dca135978a3",
    bx: "216936d3cd6e53fec0a4e231fdd6dc5c692cc7609525a7b2c9562d608f25d51a",
    by: "6666666666666666666666666666666666666666666666666666666666666658",
    bt: "67875f0fd78b766566ea4e8e64abe37d20f09f80775152f56dde8ab3a5b7dda3",
};
