\\ The ladder of prime-order toy curves of examples/ecdlp.rs, found and checked with PARI/GP.
\\
\\   cd vectors/teach && gp -q ladder.gp       (Debian: apt-get install pari-gp)
\\
\\ writes ladder.txt; tests/teach_examples.rs reads it. For each size b in 16, 20, ..., 48 bits:
\\ * p: the largest prime below 2^b - 2^(b/2 + 1), so that the group order, at most
\\   p + 1 + 2 sqrt(p) (Hasse), stays below 2^b: p and n both have exactly b bits;
\\ * the curve y^2 = x^3 - 3x + c (a = -3 as on the NIST curves) with the least c >= 1 whose
\\   group order #E (ellcard: the SEA algorithm) is prime, so every point but O generates;
\\ * G: the point with the least x (then the smaller y) whose y is not 0;
\\ * three discrete logarithms to solve: d from PARI's generator seeded with b, and Q = d G.
\\
\\ Lines: "curve b p a c Gx,Gy n" (a reduced mod p) and "target b d Qx,Qy".

{
  my(f = "ladder.txt");
  system(Str("rm -f ", f));
  write(f, "# prime-order curves y^2 = x^3 - 3x + c over F_p; made by ladder.gp with PARI/GP ",
        strjoin(apply(v -> Str(v), version()), "."));
  forstep (b = 16, 48, 4,
    my(p = precprime(2^b - 2^(b \ 2 + 1)), c = 0, E, n, G, x, r);
    until (isprime(n),
      c++;
      if ((4 * (-3)^3 + 27 * c^2) % p == 0, n = 0; next);
      E = ellinit([-3, c], p);
      n = ellcard(E));
    if (#binary(p) != b || #binary(n) != b, error("size ", b));
    x = 0;
    while (1,
      r = Mod(x^3 - 3 * x + c, p);
      if (r != 0 && issquare(r), break);
      x++);
    r = lift(sqrt(r));
    G = [x, min(r, p - r)];
    if (!ellisoncurve(E, G) || ellorder(E, G) != n, error("generator ", b));
    write(f, "curve ", b, " ", p, " ", p - 3, " ", c, " ", G[1], ",", G[2], " ", n);
    setrand(b);
    for (i = 1, 3,
      my(d = 1 + random(n - 1), Q = ellmul(E, G, d));
      write(f, "target ", b, " ", d, " ", lift(Q[1]), ",", lift(Q[2]))));
}
