#!/usr/bin/env bash
# Makes the OpenSSL interoperability vectors of tests/suite/openssl.rs: for each curve, a private
# key in PKCS#8 and SEC1 (PEM and DER), the public key as SubjectPublicKeyInfo (PEM and DER, uncompressed
# and compressed), the same key with explicit curve parameters (which ecckit refuses), a signature
# over message.txt with the curve's standard hash, a certificate signing request and a
# self-signed certificate.
#
# The files are committed: the tests read them and never need OpenSSL. Re-run this script (with the
# OpenSSL CLI, 3.x) only to make new vectors; it overwrites the files.
#
#   vectors/openssl/make.sh
set -euo pipefail
cd "$(dirname "$0")"

printf 'ecckit interoperability test message\n' > message.txt

# directory  OpenSSL curve name  digest
curves=(
  "p224      secp224r1  sha224"
  "p256      prime256v1 sha256"
  "p384      secp384r1  sha384"
  "p521      secp521r1  sha512"
  "secp256k1 secp256k1  sha256"
)

for line in "${curves[@]}"; do
  read -r dir curve digest <<<"$line"
  mkdir -p "$dir"
  (
    cd "$dir"
    # PKCS#8 v1 (OpenSSL 3's default), with the public key inside its ECPrivateKey.
    openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:$curve" -out pkcs8.pem
    openssl pkcs8 -topk8 -nocrypt -in pkcs8.pem -outform DER -out pkcs8.der
    # SEC1 / RFC 5915 ECPrivateKey as `openssl ec` writes it: curve OID and public key included.
    openssl ec -in pkcs8.pem -out sec1.pem 2>/dev/null
    openssl ec -in pkcs8.pem -outform DER -out sec1.der 2>/dev/null
    # SubjectPublicKeyInfo, uncompressed (the default) and compressed.
    openssl pkey -in pkcs8.pem -pubout -out spki.pem
    openssl pkey -in pkcs8.pem -pubout -outform DER -out spki.der
    openssl ec -in pkcs8.pem -pubout -conv_form compressed -outform DER -out spki_compressed.der 2>/dev/null
    # The same key with explicit curve parameters instead of the curve's OID.
    openssl ec -in pkcs8.pem -param_enc explicit -out sec1_explicit.pem 2>/dev/null
    openssl pkcs8 -topk8 -nocrypt -in sec1_explicit.pem -out pkcs8_explicit.pem
    openssl ec -in pkcs8.pem -pubout -param_enc explicit -outform DER -out spki_explicit.der 2>/dev/null
    # A DER signature over the message with the curve's standard hash.
    openssl dgst "-$digest" -sign pkcs8.pem -out signature.der ../message.txt
    # A certificate signing request and a self-signed certificate (fixed validity window).
    openssl req -new -key pkcs8.pem "-$digest" -subj "/O=ecckit/CN=openssl-$dir" -out csr.pem
    openssl req -x509 -key pkcs8.pem "-$digest" -subj "/O=ecckit/CN=openssl-$dir" \
      -days 3650 -set_serial 1 -out cert.pem
  )
done
echo "vectors written under $(pwd)"
