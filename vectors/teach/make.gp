\\ Expected values for the teaching examples (examples/field_arithmetic.rs, examples/toy_curve.rs,
\\ examples/ecdsa_by_hand.rs), computed with PARI/GP, independently of ecckit.
\\
\\   cd vectors/teach && gp -q make.gp        (Debian: apt-get install pari-gp)
\\
\\ writes toy17.txt and fields.txt; tests/teach_examples.rs reads them. Each line is a keyword and
\\ whitespace-separated fields; a point is written "x,y", the identity "O".

pt(P) = if(P == [0], "O", Str(lift(P[1]), ",", lift(P[2])));

\\ ---------------------------------------------------------------------------------------------
\\ toy17.txt: y^2 = x^3 + 2x + 2 over F_17, G = (5, 1).
{
  my(f = "toy17.txt", p = 17, E = ellinit([2, 2], p), G = [5, 1], pts = List(), n);
  n = ellcard(E);
  system(Str("rm -f ", f));
  write(f, "# y^2 = x^3 + 2x + 2 over F_17, G = (5, 1); made by make.gp with PARI/GP ", strjoin(apply(v -> Str(v), version()), "."));
  write(f, "curve 17 2 2 5,1");
  write(f, "count ", n);
  write(f, "generator_order ", ellorder(E, G));
  \\ Every affine point, ordered by x then y, with its order.
  for (x = 0, p - 1,
    for (y = 0, p - 1,
      if (ellisoncurve(E, [x, y]), listput(pts, [x, y]))));
  for (i = 1, #pts, write(f, "point ", pt(pts[i]), " ", ellorder(E, pts[i])));
  \\ k.G for every k in 0..n-1.
  for (k = 0, n - 1, write(f, "mul ", k, " ", pt(ellmul(E, G, k))));
  \\ The group table: every P + Q, P and Q in {O} and the affine points.
  my(all = concat([[0]], Vec(pts)));
  for (i = 1, #all,
    for (j = 1, #all,
      write(f, "add ", pt(all[i]), " ", pt(all[j]), " ", pt(elladd(E, all[i], all[j])))));
  \\ ECDSA with d = 7 and z = 11 for every nonce k: R = k.G, r = x(R) mod n,
  \\ s = k^-1 (z + r d) mod n ("fail" where r or s is 0: signing must pick another k).
  my(d = 7, z = 11);
  for (k = 1, n - 1,
    my(R = ellmul(E, G, k), r = lift(R[1]) % n, s = lift(Mod(k, n)^-1 * (z + r * d)));
    if (r == 0 || s == 0,
      write(f, "ecdsa ", d, " ", z, " ", k, " fail"),
      write(f, "ecdsa ", d, " ", z, " ", k, " ", r, " ", s)));
}

\\ ---------------------------------------------------------------------------------------------
\\ fields.txt: inverses and square roots in F_17 and F_97, Montgomery traces at p = 97, and
\\ P-256's reduction of one product by the NIST (Solinas) routine.

\\ The steps of one Montgomery multiplication a*b mod p with R = 2^w:
\\ aR = a R mod p, bR = b R mod p, T = aR bR, p' = -p^-1 mod R, m = (T mod R) p' mod R,
\\ t = (T + m p) / R (< 2p), then t - p if t >= p: the Montgomery form of a b.
\\ Converting out is one more step with T = that form.
mont(f, w, p, a, b) =
{
  my(R = 2^w, pinv = lift(-Mod(p, R)^-1), aR = a * R % p, bR = b * R % p, T, m, t, sub, res,
     m2, t2, sub2, out);
  T = aR * bR;
  m = (T % R) * pinv % R;
  t = (T + m * p) / R;
  sub = (t >= p);
  res = t - sub * p;
  if (res != a * b * R % p, error("mont"));
  m2 = (res % R) * pinv % R;
  t2 = (res + m2 * p) / R;
  sub2 = (t2 >= p);
  out = t2 - sub2 * p;
  if (out != a * b % p, error("mont out"));
  write(f, "montgomery ", w, " ", p, " ", a, " ", b, " ", R % p, " ", pinv, " ", aR, " ", bR,
        " ", T, " ", m, " ", t, " ", sub, " ", res, " ", m2, " ", t2, " ", sub2, " ", out);
}

hex(v) = Strprintf("%064x", v);
\\ Word i (32 bits) of c.
word(c, i) = (c >> (32 * i)) % 2^32;
\\ The eight-word integer (w7, ..., w0), most significant first.
words8(v) = sum(i = 1, 8, v[i] * 2^(32 * (8 - i)));

{
  my(f = "fields.txt");
  system(Str("rm -f ", f));
  write(f, "# made by make.gp with PARI/GP ", strjoin(apply(v -> Str(v), version()), "."));
  foreach ([17, 97], p,
    write(f, "field ", p);
    for (a = 1, p - 1, write(f, "inv ", p, " ", a, " ", lift(Mod(a, p)^-1)));
    for (a = 0, p - 1,
      my(roots = vecsort([r | r <- [0 .. p - 1], r^2 % p == a]));
      write(f, "sqrt ", p, " ", a, if (#roots, Str(" ", strjoin(apply(r -> Str(r), roots), " ")),
                                         " none"))));
  \\ Fields: montgomery w p a b (R mod p) p' aR bR T m t subtracted ab_R m2 t2 subtracted2 ab.
  foreach ([8, 64], w,
    foreach ([[13, 55], [45, 76], [96, 96], [1, 1], [0, 53], [12, 45]], ab,
      mont(f, w, 97, ab[1], ab[2])));

  \\ P-256: a = x(G), b = y(G); c = a b as 16 words c15..c0; the NIST routine (FIPS 186-4,
  \\ D.2.3): s1 + 2 s2 + 2 s3 + s4 + s5 - s6 - s7 - s8 - s9 mod p.
  my(p = 2^256 - 2^224 + 2^192 + 2^96 - 1,
     a = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296,
     b = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5,
     c = a * b, C = vector(16, i, word(c, i - 1)), s, sum_);
  \\ C[i + 1] is the word c_i.
  my(cw(i) = C[i + 1]);
  s = [words8([cw(7), cw(6), cw(5), cw(4), cw(3), cw(2), cw(1), cw(0)]),
       words8([cw(15), cw(14), cw(13), cw(12), cw(11), 0, 0, 0]),
       words8([0, cw(15), cw(14), cw(13), cw(12), 0, 0, 0]),
       words8([cw(15), cw(14), 0, 0, 0, cw(10), cw(9), cw(8)]),
       words8([cw(8), cw(13), cw(15), cw(14), cw(13), cw(11), cw(10), cw(9)]),
       words8([cw(10), cw(8), 0, 0, 0, cw(13), cw(12), cw(11)]),
       words8([cw(11), cw(9), 0, 0, cw(15), cw(14), cw(13), cw(12)]),
       words8([cw(12), 0, cw(10), cw(9), cw(8), cw(15), cw(14), cw(13)]),
       words8([cw(13), 0, cw(11), cw(10), cw(9), 0, cw(15), cw(14)])];
  sum_ = s[1] + 2 * s[2] + 2 * s[3] + s[4] + s[5] - s[6] - s[7] - s[8] - s[9];
  if (sum_ % p != c % p, error("p256 routine"));
  write(f, "p256 a ", hex(a));
  write(f, "p256 b ", hex(b));
  write(f, "p256 c ", Strprintf("%0128x", c));
  for (i = 1, 9, write(f, "p256 s", i, " ", hex(s[i])));
  \\ The sum as top * 2^256 + low, 0 <= low < 2^256 (top is small, maybe negative).
  write(f, "p256 sum ", floor(sum_ / 2^256), " ", hex(sum_ - floor(sum_ / 2^256) * 2^256));
  write(f, "p256 result ", hex(c % p));
}
