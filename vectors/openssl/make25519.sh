#!/usr/bin/env bash
# Makes the OpenSSL interoperability vectors of tests/suite/curve25519_ecosystem.rs: for Ed25519 and
# X25519, a private key in PKCS#8 (PEM and DER, v1 as OpenSSL writes it) and the public key as
# SubjectPublicKeyInfo (PEM and DER); for Ed25519 also a signature over message.txt and a
# self-signed certificate; for X25519 a peer key and the shared secret OpenSSL derives.
#
# The files are committed: the tests read them and never need OpenSSL. Re-run this script (with the
# OpenSSL CLI, 3.x) only to make new vectors; it overwrites the files.
#
#   vectors/openssl/make25519.sh
set -euo pipefail
cd "$(dirname "$0")"

mkdir -p ed25519 x25519
(
  cd ed25519
  openssl genpkey -algorithm ED25519 -out pkcs8.pem
  openssl pkey -in pkcs8.pem -outform DER -out pkcs8.der
  openssl pkey -in pkcs8.pem -pubout -out spki.pem
  openssl pkey -in pkcs8.pem -pubout -outform DER -out spki.der
  openssl pkeyutl -sign -inkey pkcs8.pem -rawin -in ../message.txt -out signature.bin
  openssl req -x509 -key pkcs8.pem -subj "/O=ecckit/CN=openssl-ed25519" \
    -days 3650 -set_serial 1 -out cert.pem
)
(
  cd x25519
  openssl genpkey -algorithm X25519 -out pkcs8.pem
  openssl pkey -in pkcs8.pem -outform DER -out pkcs8.der
  openssl pkey -in pkcs8.pem -pubout -out spki.pem
  openssl pkey -in pkcs8.pem -pubout -outform DER -out spki.der
  openssl genpkey -algorithm X25519 -out peer.pem
  openssl pkey -in peer.pem -pubout -out peer_spki.pem
  openssl pkeyutl -derive -inkey pkcs8.pem -peerkey peer_spki.pem -out shared.bin
)
echo "vectors written under $(pwd)"
