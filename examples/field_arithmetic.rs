//! Course step 1: arithmetic modulo a prime, from tables you can check by hand to the reductions
//! that make P-256 fast.
//!
//! ```sh
//! cargo run --release --example field_arithmetic
//! ```
//!
//! 1. The tables of `+`, `·`, `⁻¹` and `√` over `F_17` and `F_97`, computed with ecckit's field
//!    type ([`LimbField`], the one every curve's coordinates use) on moduli defined here.
//! 2. One Montgomery multiplication traced step by step at `p = 97`, with a word of 8 bits
//!    (numbers small enough to redo on paper) and with the crate's 64-bit word, whose every
//!    value is checked against what ecckit's field stores and computes. `97` because there
//!    `R = 2^64` is not `1 mod p` (at `p = 17` it is, `2^8 ≡ 1`, and the Montgomery form of every
//!    element would be the element itself).
//! 3. P-256's reduction by shifts: the NIST routine (FIPS 186-4, Appendix D.2.3) traced on the
//!    product `x(G)·y(G)`, checked against ecckit's P-256 field multiplication.
//!
//! `tests/suite/teach_examples.rs` checks the tables, the traces and the P-256 words against
//! PARI/GP (`vectors/teach/fields.txt`).

use ecckit::field::{Field, LimbField, LimbParams};
use std::fmt::Write;

/// The modulus 17, as a user of the crate defines a field: a marker type with the prime.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mod17;
impl LimbParams<1> for Mod17 {
    const MODULUS: [u64; 1] = [17];
    type Bytes = [u8; 1];
    const NAME: &'static str = "F_17";
}
/// `F_17`, one 64-bit limb in Montgomery form.
pub type F17 = LimbField<Mod17, 1>;

/// The modulus 97.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Mod97;
impl LimbParams<1> for Mod97 {
    const MODULUS: [u64; 1] = [97];
    type Bytes = [u8; 1];
    const NAME: &'static str = "F_97";
}
/// `F_97`, one 64-bit limb in Montgomery form.
pub type F97 = LimbField<Mod97, 1>;

/// The four tables of a small field, as integers.
pub struct FieldTables {
    /// The prime.
    pub p: u64,
    /// `add[a][b] = a + b`.
    pub add: Vec<Vec<u64>>,
    /// `mul[a][b] = a·b`.
    pub mul: Vec<Vec<u64>>,
    /// `inv[a] = a⁻¹` (`None` for `a = 0`).
    pub inv: Vec<Option<u64>>,
    /// `sqrt[a]`: the square roots of `a`, in increasing order (empty for a non-square).
    pub sqrt: Vec<Vec<u64>>,
    /// `euler[a] = a^((p−1)/2)`: `1` for a non-zero square, `p − 1` for a non-square
    /// (Euler's criterion).
    pub euler: Vec<u64>,
}

/// The tables of `LimbField<P, 1>`, every entry computed by the field's own operations.
pub fn field_tables<P: LimbParams<1>>() -> FieldTables {
    type F<P> = LimbField<P, 1>;
    let p = P::MODULUS[0];
    let el = |v: u64| F::<P>::from_u64(v);
    let val = |v: F<P>| v.to_uint()[0];
    let add = (0..p)
        .map(|a| (0..p).map(|b| val(el(a) + el(b))).collect())
        .collect();
    let mul = (0..p)
        .map(|a| (0..p).map(|b| val(el(a) * el(b))).collect())
        .collect();
    let mut inv = Vec::new();
    let mut sqrt = Vec::new();
    let mut euler = Vec::new();
    for a in 0..p {
        let x = el(a);
        let i = Option::<F<P>>::from(x.invert()).map(val);
        // Fermat's little theorem gives the same inverse: a^(p−1) = 1, so a^(p−2) = a⁻¹.
        if let Some(i) = i {
            assert_eq!(val(x.pow_vartime(&[p - 2])), i, "Fermat's inverse of {a}");
        }
        inv.push(i);
        // The field's square root gives one root r; the other is −r.
        let mut roots: Vec<u64> = Option::<F<P>>::from(x.sqrt())
            .map(|r| vec![val(r), val(-r)])
            .unwrap_or_default();
        roots.sort_unstable();
        roots.dedup();
        sqrt.push(roots);
        euler.push(val(x.pow_vartime(&[(p - 1) / 2])));
    }
    FieldTables {
        p,
        add,
        mul,
        inv,
        sqrt,
        euler,
    }
}

/// One Montgomery multiplication `a·b mod p` with `R = 2^w`, every intermediate value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MontgomeryTrace {
    /// The word size: `R = 2^w`.
    pub w: u32,
    /// The odd modulus, `p < R`.
    pub p: u64,
    /// The operands, `< p`.
    pub a: u64,
    /// See `a`.
    pub b: u64,
    /// `R mod p`, the Montgomery form of 1.
    pub r_mod_p: u64,
    /// `p' = −p⁻¹ mod R`.
    pub p_prime: u128,
    /// `ã = a·R mod p`.
    pub a_mont: u64,
    /// `b̃ = b·R mod p`.
    pub b_mont: u64,
    /// The multiplication's REDC steps on `T = ã·b̃`.
    pub product: Redc,
    /// The conversion out of Montgomery form: REDC of the product's form.
    pub out: Redc,
}

/// The steps of `REDC(T) = T·R⁻¹ mod p` for `T < p·R`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redc {
    /// The input.
    pub t_in: u128,
    /// `m = (T mod R)·p' mod R`: the multiple of `p` that clears the low `w` bits of `T`.
    pub m: u128,
    /// `t = (T + m·p)/R`, an exact division (a shift), `t < 2p`.
    pub t: u128,
    /// Whether `t ≥ p`, so that `p` was subtracted.
    pub subtracted: bool,
    /// The result, `T·R⁻¹ mod p`.
    pub result: u64,
}

/// `REDC(t_in)` with `R = 2^w`, step by step.
fn redc(w: u32, p: u64, p_prime: u128, t_in: u128) -> Redc {
    let mask = (1u128 << w) - 1;
    let m = ((t_in & mask) * p_prime) & mask;
    let sum = t_in + m * p as u128;
    assert_eq!(sum & mask, 0, "T + m·p is divisible by R");
    let t = sum >> w;
    let subtracted = t >= p as u128;
    let result = if subtracted { t - p as u128 } else { t } as u64;
    Redc {
        t_in,
        m,
        t,
        subtracted,
        result,
    }
}

/// Montgomery multiplication of `a` and `b` mod the odd prime `p` with `R = 2^w`
/// (`p < 2^w ≤ 2^64`), traced. The conversions into Montgomery form use `%`, as a reader does on
/// paper; the crate converts with one more multiplication, by `R² mod p`.
pub fn montgomery_trace(w: u32, p: u64, a: u64, b: u64) -> MontgomeryTrace {
    assert!(p % 2 == 1 && (w == 64 || p < 1 << w) && a < p && b < p);
    let r = 1u128 << w;
    let r_mod_p = (r % p as u128) as u64;
    // p' = −p⁻¹ mod R by Newton's iteration x ← x·(2 − p·x), which doubles the correct low bits
    // (p·p ≡ 1 mod 8 for odd p: three bits to start).
    let mask = r - 1;
    let mut inv = p as u128;
    for _ in 0..6 {
        inv = (inv * (2u128.wrapping_sub(p as u128 * inv) & mask)) & mask;
    }
    assert_eq!((inv * p as u128) & mask, 1);
    let p_prime = (r - inv) & mask;
    let a_mont = ((a as u128 * r) % p as u128) as u64;
    let b_mont = ((b as u128 * r) % p as u128) as u64;
    let product = redc(w, p, p_prime, a_mont as u128 * b_mont as u128);
    let out = redc(w, p, p_prime, product.result as u128);
    MontgomeryTrace {
        w,
        p,
        a,
        b,
        r_mod_p,
        p_prime,
        a_mont,
        b_mont,
        product,
        out,
    }
}

/// The crate's side of the 64-bit trace at p = 97: its constants, its stored representatives and
/// its multiplication, as the `LimbParams` methods that `LimbField` uses give them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrateMontgomery {
    /// `LimbParams::R`: `R mod p`.
    pub r: u64,
    /// `LimbParams::M_INV`: `−p⁻¹ mod 2^64`.
    pub m_inv: u64,
    /// `LimbParams::to_repr(a)`, `to_repr(b)`: what `F97::from_u64` stores.
    pub a_repr: u64,
    /// See `a_repr`.
    pub b_repr: u64,
    /// `LimbParams::mul(ã, b̃)`: the crate's Montgomery multiplication.
    pub product_repr: u64,
    /// `LimbParams::from_repr` of the product.
    pub product: u64,
    /// `(F97::from_u64(a) * F97::from_u64(b))`, through the field type.
    pub field_product: u64,
}

/// What ecckit's F_97 holds and computes for `a·b`.
pub fn crate_montgomery(a: u64, b: u64) -> CrateMontgomery {
    let product_repr = Mod97::mul(&Mod97::to_repr(&[a]), &Mod97::to_repr(&[b]))[0];
    CrateMontgomery {
        r: Mod97::R[0],
        m_inv: Mod97::M_INV,
        a_repr: Mod97::to_repr(&[a])[0],
        b_repr: Mod97::to_repr(&[b])[0],
        product_repr,
        product: Mod97::from_repr(&[product_repr])[0],
        field_product: (F97::from_u64(a) * F97::from_u64(b)).to_uint()[0],
    }
}

/// P-256's prime as eight 32-bit words, least significant first:
/// `p = 2^256 − 2^224 + 2^192 + 2^96 − 1`.
pub const P256: [u32; 8] = [
    0xffff_ffff,
    0xffff_ffff,
    0xffff_ffff,
    0,
    0,
    0,
    1,
    0xffff_ffff,
];

/// The NIST reduction of one P-256 product, traced. Numbers are 32-bit words, least significant
/// first (`c[0]` is `c_0`); the hex shown is most significant first, as FIPS 186 writes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SolinasTrace {
    /// The operands (`< p`).
    pub a: [u32; 8],
    /// See `a`.
    pub b: [u32; 8],
    /// `c = a·b`, 512 bits: the words `c_0 … c_15`.
    pub c: [u32; 16],
    /// The nine 256-bit terms `s1 … s9` built from the words of `c`.
    pub terms: [[u32; 8]; 9],
    /// `s1 + 2s2 + 2s3 + s4 + s5 − s6 − s7 − s8 − s9 = top·2^256 + low`, `0 ≤ low < 2^256`.
    pub sum_top: i64,
    /// See `sum_top`.
    pub sum_low: [u32; 8],
    /// How many times `p` was added (positive) or subtracted (negative) to bring the sum into
    /// `[0, p)`.
    pub corrections: i64,
    /// `a·b mod p`.
    pub result: [u32; 8],
    /// ecckit's `p256::FieldElement` product of `a` and `b`, big-endian bytes.
    pub crate_result: [u8; 32],
}

/// The 256-bit terms of the NIST routine for P-256 (FIPS 186-4, Appendix D.2.3), each given as
/// the indices of the words of `c`, **most significant first** as in the standard, `None` for a
/// zero word; with their signs (`2` for the doubled terms). They come from
/// `2^256 ≡ 2^224 − 2^192 − 2^96 + 1 (mod p)`: each word `c_i` with `i ≥ 8` stands for
/// `c_i·2^(32i)`, which that congruence folds down to words 0–7.
const TERMS: [(i64, [Option<usize>; 8]); 9] = {
    const fn w(i: usize) -> Option<usize> {
        Some(i)
    }
    const Z: Option<usize> = None;
    [
        (1, [w(7), w(6), w(5), w(4), w(3), w(2), w(1), w(0)]),
        (2, [w(15), w(14), w(13), w(12), w(11), Z, Z, Z]),
        (2, [Z, w(15), w(14), w(13), w(12), Z, Z, Z]),
        (1, [w(15), w(14), Z, Z, Z, w(10), w(9), w(8)]),
        (1, [w(8), w(13), w(15), w(14), w(13), w(11), w(10), w(9)]),
        (-1, [w(10), w(8), Z, Z, Z, w(13), w(12), w(11)]),
        (-1, [w(11), w(9), Z, Z, w(15), w(14), w(13), w(12)]),
        (-1, [w(12), Z, w(10), w(9), w(8), w(15), w(14), w(13)]),
        (-1, [w(13), Z, w(11), w(10), w(9), Z, w(15), w(14)]),
    ]
};

/// Words (least significant first) from big-endian bytes.
pub fn words_from_be<const N: usize>(bytes: &[u8]) -> [u32; N] {
    assert_eq!(bytes.len(), 4 * N);
    let mut w = [0u32; N];
    for (i, chunk) in bytes.rchunks(4).enumerate() {
        w[i] = u32::from_be_bytes(chunk.try_into().unwrap());
    }
    w
}

/// Hex, most significant word first.
pub fn hex_words(w: &[u32]) -> String {
    w.iter().rev().map(|x| format!("{x:08x}")).collect()
}

/// `low + sign·p` on the signed number `top·2^256 + low`, carrying into `top`.
fn add_signed_p(top: &mut i64, low: &mut [u32; 8], sign: i64) {
    let mut carry = 0i64;
    for (l, p) in low.iter_mut().zip(P256) {
        let v = *l as i64 + sign * p as i64 + carry;
        *l = v.rem_euclid(1 << 32) as u32;
        carry = v.div_euclid(1 << 32);
    }
    *top += carry;
}

/// `low ≥ p` (for `top = 0`).
fn at_least_p(low: &[u32; 8]) -> bool {
    for (l, p) in low.iter().zip(P256).rev() {
        if *l != p {
            return *l > p;
        }
    }
    true
}

/// `a·b mod p` for P-256 by the NIST routine, traced, and the crate's product beside it.
pub fn solinas_trace(a_bytes: &[u8; 32], b_bytes: &[u8; 32]) -> SolinasTrace {
    let (a, b) = (words_from_be::<8>(a_bytes), words_from_be::<8>(b_bytes));
    // The 512-bit product by schoolbook multiplication on 32-bit words (each partial product
    // and carry fits a u64).
    let mut c = [0u32; 16];
    for i in 0..8 {
        let mut carry = 0u64;
        for j in 0..8 {
            let v = c[i + j] as u64 + a[i] as u64 * b[j] as u64 + carry;
            c[i + j] = v as u32;
            carry = v >> 32;
        }
        c[i + 8] = carry as u32;
    }
    // The terms, and their signed sum column by column (a column holds at most
    // 7·(2^32 − 1) plus a carry: no overflow in i64).
    let mut terms = [[0u32; 8]; 9];
    let mut columns = [0i64; 8];
    for (term, (sign, words)) in terms.iter_mut().zip(TERMS) {
        for (k, word) in words.iter().enumerate() {
            // Position k of the standard's list is word 7 − k of the term.
            let v = word.map_or(0, |i| c[i]);
            term[7 - k] = v;
            columns[7 - k] += sign * v as i64;
        }
    }
    let mut sum_low = [0u32; 8];
    let mut carry = 0i64;
    for (l, col) in sum_low.iter_mut().zip(columns) {
        let v = col + carry;
        *l = v.rem_euclid(1 << 32) as u32;
        carry = v.div_euclid(1 << 32);
    }
    let sum_top = carry;
    // The sum lies in (−4p, 7p): a few additions or subtractions of p bring it into [0, p).
    let (mut top, mut result) = (sum_top, sum_low);
    let mut corrections = 0;
    while top < 0 {
        add_signed_p(&mut top, &mut result, 1);
        corrections += 1;
    }
    while top > 0 || at_least_p(&result) {
        add_signed_p(&mut top, &mut result, -1);
        corrections -= 1;
    }
    // ecckit's P-256 field: Montgomery form with the shaped reduction of Gueron–Krasnov.
    use ecckit::p256::FieldElement;
    let fa = Option::<FieldElement>::from(FieldElement::from_bytes(a_bytes)).expect("a < p");
    let fb = Option::<FieldElement>::from(FieldElement::from_bytes(b_bytes)).expect("b < p");
    SolinasTrace {
        a,
        b,
        c,
        terms,
        sum_top,
        sum_low,
        corrections,
        result,
        crate_result: (fa * fb).to_bytes(),
    }
}

/// P-256's base point coordinates (FIPS 186-5 / SP 800-186), the operands of the traced product.
pub const P256_GX: &str = "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";
/// See [`P256_GX`].
pub const P256_GY: &str = "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";

/// Bytes from hex.
pub fn from_hex<const N: usize>(hex: &str) -> [u8; N] {
    assert_eq!(hex.len(), 2 * N);
    let mut out = [0u8; N];
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex");
    }
    out
}

/// Everything the example computes, and the text it prints.
pub struct Report {
    /// The tables of `F_17`.
    pub f17: FieldTables,
    /// The tables of `F_97`.
    pub f97: FieldTables,
    /// `13·55` at `p = 97` with `R = 2^8` and with `R = 2^64`.
    pub montgomery: Vec<MontgomeryTrace>,
    /// The crate's values for the 64-bit trace.
    pub crate_montgomery: CrateMontgomery,
    /// `x(G)·y(G)` on P-256.
    pub solinas: SolinasTrace,
    /// What `main` prints.
    pub text: String,
}

/// The operands of the traced Montgomery multiplication: with `R = 2^8` this product needs the
/// final subtraction (`t ≥ p`).
pub const MONT_A: u64 = 13;
/// See [`MONT_A`].
pub const MONT_B: u64 = 55;

/// Computes everything and writes the text.
pub fn run() -> Report {
    let mut text = String::new();
    let f17 = field_tables::<Mod17>();
    let f97 = field_tables::<Mod97>();

    writeln!(text, "1. Tables in F_17 (ecckit's LimbField with p = 17)\n").unwrap();
    let (a, b) = (F17::from_u64(13), F17::from_u64(9));
    writeln!(
        text,
        "In code: F17::from_u64(13) + F17::from_u64(9) = {}, and · gives {} (117 = 6·17 + 15).\n",
        a + b,
        a * b
    )
    .unwrap();
    write_table(&mut text, &f17, '+', &f17.add, 17);
    write_table(&mut text, &f17, '·', &f17.mul, 17);
    writeln!(
        text,
        "Inverses (a⁻¹, checked against Fermat's a^(p−2)), Euler's criterion eul = a^((p−1)/2)\n\
         (1: a square, p − 1: not a square), and the square roots:"
    )
    .unwrap();
    write_unary(&mut text, &f17, 2);
    writeln!(
        text,
        "\nTables in F_97: the corner 0..12 of + and ·, then every a⁻¹ and √a\n"
    )
    .unwrap();
    write_table(&mut text, &f97, '+', &f97.add, 13);
    write_table(&mut text, &f97, '·', &f97.mul, 13);
    write_unary(&mut text, &f97, 3);
    let squares = f97.sqrt.iter().skip(1).filter(|r| !r.is_empty()).count();
    writeln!(
        text,
        "{squares} of the 96 non-zero elements of F_97 are squares: exactly half, as in every F_p."
    )
    .unwrap();

    writeln!(
        text,
        "\n2. Montgomery multiplication, {MONT_A}·{MONT_B} mod 97\n\n\
         A field element a is stored as ã = a·R mod p, R = 2^w. Then ã·b̃ = (ab)·R², and\n\
         REDC(T) = T·R⁻¹ mod p brings it back to (ab)·R with multiplications and a shift by w \
         bits:\nno division by p. At p = 17, R = 2^64 ≡ 1 (2^8 ≡ 1 mod 17), so ã = a and nothing \
         shows;\nat p = 97 it does."
    )
    .unwrap();
    let montgomery = vec![
        montgomery_trace(8, 97, MONT_A, MONT_B),
        montgomery_trace(64, 97, MONT_A, MONT_B),
    ];
    for trace in &montgomery {
        write_montgomery(&mut text, trace);
    }
    let crate_montgomery = crate_montgomery(MONT_A, MONT_B);
    let t64 = &montgomery[1];
    let agree = crate_montgomery.r == t64.r_mod_p
        && crate_montgomery.m_inv as u128 == t64.p_prime
        && crate_montgomery.a_repr == t64.a_mont
        && crate_montgomery.b_repr == t64.b_mont
        && crate_montgomery.product_repr == t64.product.result
        && crate_montgomery.product == t64.out.result
        && crate_montgomery.field_product == MONT_A * MONT_B % 97;
    assert!(
        agree,
        "the trace and the crate disagree: {crate_montgomery:?}"
    );
    writeln!(
        text,
        "\n   ecckit's F_97 (LimbField<Mod97, 1>, the code every curve's field uses) holds the \
         same values\n   as the 64-bit trace: LimbParams::R = {}, M_INV = {},\n   \
         to_repr({MONT_A}) = {} and to_repr({MONT_B}) = {} (what F97::from_u64 stores), \
         LimbParams::mul = {},\n   from_repr = {}, and F97::from_u64({MONT_A}) * \
         F97::from_u64({MONT_B}) = {}.",
        crate_montgomery.r,
        crate_montgomery.m_inv,
        crate_montgomery.a_repr,
        crate_montgomery.b_repr,
        crate_montgomery.product_repr,
        crate_montgomery.product,
        crate_montgomery.field_product
    )
    .unwrap();

    let solinas = solinas_trace(&from_hex(P256_GX), &from_hex(P256_GY));
    write_solinas(&mut text, &solinas);
    let result_bytes: Vec<u8> = solinas
        .result
        .iter()
        .rev()
        .flat_map(|w| w.to_be_bytes())
        .collect();
    assert_eq!(
        result_bytes, solinas.crate_result,
        "the NIST routine and ecckit's P-256 field disagree"
    );

    Report {
        f17,
        f97,
        montgomery,
        crate_montgomery,
        solinas,
        text,
    }
}

/// A binary operation's table, rows and columns `0..size`.
fn write_table(text: &mut String, t: &FieldTables, op: char, table: &[Vec<u64>], size: u64) {
    let width = if t.p > 99 { 4 } else { 3 };
    write!(text, "{:>width$} |", op).unwrap();
    for b in 0..size {
        write!(text, "{b:>width$}").unwrap();
    }
    writeln!(text, "\n{}", "-".repeat(width + 2 + width * size as usize)).unwrap();
    for (a, row) in table.iter().enumerate().take(size as usize) {
        write!(text, "{a:>width$} |").unwrap();
        for v in &row[..size as usize] {
            write!(text, "{v:>width$}").unwrap();
        }
        writeln!(text).unwrap();
    }
    writeln!(text).unwrap();
}

/// `a`, `a⁻¹`, `a^((p−1)/2)`, `√a` for every `a`, in `columns` blocks side by side.
fn write_unary(text: &mut String, t: &FieldTables, columns: usize) {
    let rows = (t.p as usize).div_ceil(columns);
    let entry = |a: usize| {
        let inv = t.inv[a].map_or("—".to_string(), |i| i.to_string());
        let roots = if t.sqrt[a].is_empty() {
            "none".to_string()
        } else {
            t.sqrt[a]
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "{a:>3} {inv:>4} {:>4}  {roots:<8}",
            if a == 0 { 0 } else { t.euler[a] }
        )
    };
    let header = format!("{:>3} {:>4} {:>4}  {:<8}", "a", "a⁻¹", "eul", "√a");
    writeln!(text, "{}", vec![header; columns].join("   ").trim_end()).unwrap();
    for r in 0..rows {
        let line: Vec<String> = (0..columns)
            .map(|c| c * rows + r)
            .filter(|&a| a < t.p as usize)
            .map(entry)
            .collect();
        writeln!(text, "{}", line.join("   ").trim_end()).unwrap();
    }
}

fn write_montgomery(text: &mut String, t: &MontgomeryTrace) {
    let (w, p, a, b) = (t.w, t.p, t.a, t.b);
    let r = if w == 64 {
        "2^64".to_string()
    } else {
        format!("2^{w} = {}", 1u128 << w)
    };
    writeln!(
        text,
        "\n   R = {r}{}\n   R mod p = {} (≠ 1), p' = −p⁻¹ mod R = {}   (p·p' ≡ −1 mod R)\n   \
         into Montgomery form: ã = a·R mod p = {a}·R mod {p} = {}, b̃ = {b}·R mod {p} = {}",
        if w == 64 {
            " (the crate's word)"
        } else {
            " (a word of 8 bits, to redo on paper)"
        },
        t.r_mod_p,
        t.p_prime,
        t.a_mont,
        t.b_mont
    )
    .unwrap();
    let step = |text: &mut String, s: &Redc, what: &str| {
        writeln!(
            text,
            "   {what}\n     m = (T mod R)·p' mod R = {}·{} mod R = {}\n     \
             t = (T + m·p)/R = ({} + {}·{p})/R = {}/R = {}\n     {}",
            s.t_in & ((1u128 << w) - 1),
            t.p_prime,
            s.m,
            s.t_in,
            s.m,
            s.t_in + s.m * p as u128,
            s.t,
            if s.subtracted {
                format!("t ≥ p: subtract p → {}", s.result)
            } else {
                format!("t < p: no subtraction → {}", s.result)
            }
        )
        .unwrap();
    };
    step(
        text,
        &t.product,
        &format!(
            "REDC(ã·b̃), T = ã·b̃ = {}·{} = {}",
            t.a_mont, t.b_mont, t.product.t_in
        ),
    );
    writeln!(
        text,
        "     = (a·b)·R mod p, the Montgomery form of a·b ({} = {}·R mod {p})",
        t.product.result,
        a * b % p
    )
    .unwrap();
    step(
        text,
        &t.out,
        &format!("out of Montgomery form: REDC(T), T = {}", t.out.t_in),
    );
    writeln!(
        text,
        "   a·b mod p = {} mod {p} = {}: {}",
        a * b,
        a * b % p,
        if t.out.result == a * b % p {
            "the same"
        } else {
            "DIFFERENT"
        }
    )
    .unwrap();
}

/// Words spaced in groups of 32 bits, most significant first.
fn spaced(w: &[u32]) -> String {
    w.iter()
        .rev()
        .map(|x| format!("{x:08x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn write_solinas(text: &mut String, s: &SolinasTrace) {
    writeln!(
        text,
        "\n3. P-256: reduction by shifts (the NIST routine, FIPS 186-4 D.2.3)\n\n\
         p = 2^256 − 2^224 + 2^192 + 2^96 − 1, so 2^256 ≡ 2^224 − 2^192 − 2^96 + 1 (mod p): each\n\
         32-bit word c_i of a 512-bit product above the first eight folds down to words 0–7 \
         with\nadditions and subtractions only. In hex, 32-bit words, most significant first:\n\n\
         \x20  a = x(G)          = {}\n   b = y(G)          = {}\n   \
         c = a·b, c15…c8   = {}\n            c7…c0    = {}\n",
        spaced(&s.a),
        spaced(&s.b),
        spaced(&s.c[8..]),
        spaced(&s.c[..8])
    )
    .unwrap();
    // The terms: which word of c goes where (as FIPS 186 lists them), then their values.
    write!(text, "   term  ×  ").unwrap();
    for k in (0..8).rev() {
        write!(text, "{:>5}", format!("w{k}")).unwrap();
    }
    writeln!(text, "      value").unwrap();
    for (i, ((sign, words), term)) in TERMS.iter().zip(&s.terms).enumerate() {
        let factor = if *sign < 0 {
            format!("−{}", -sign)
        } else {
            format!("+{sign}")
        };
        write!(text, "   s{}   {factor:>2}  ", i + 1).unwrap();
        for w in words {
            write!(
                text,
                "{:>5}",
                w.map_or("0".to_string(), |i| format!("c{i}"))
            )
            .unwrap();
        }
        // The value shown over two lines of four words, to stay in 100 columns.
        writeln!(text, "      {}", spaced(&term[4..])).unwrap();
        writeln!(text, "{:>58}{}", "", spaced(&term[..4])).unwrap();
    }
    let sign = if s.sum_top < 0 { "−" } else { "+" };
    let times = match s.corrections.abs() {
        0 => "none needed".to_string(),
        1 => "once".to_string(),
        k => format!("{k} times"),
    };
    writeln!(
        text,
        "   sum = s1 + 2·s2 + 2·s3 + s4 + s5 − s6 − s7 − s8 − s9\n       \
         = {sign}{}·2^256 + {}\n   {} p, {times}, to bring it into [0, p):\n   \
         a·b mod p    = {}\n   ecckit's a·b = {}\n   \
         (p256::FieldElement reaches the same residue another way: Montgomery form, whose\n   \
         reduction rounds are shifts too for this prime; see ecckit::field::p256)",
        s.sum_top.abs(),
        spaced(&s.sum_low),
        if s.corrections >= 0 {
            "add"
        } else {
            "subtract"
        },
        spaced(&s.result),
        spaced(&words_from_be::<8>(&s.crate_result))
    )
    .unwrap();
}

#[allow(dead_code)] // the tests include this file for `run`
fn main() {
    print!("{}", run().text);
}
