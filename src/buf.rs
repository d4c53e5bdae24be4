//! A byte string of variable length up to `MAX`, stored inline (no allocation, `no_std`).
//!
//! Encodings whose length depends on the curve or on an option (SEC1 points, signatures) are
//! returned as a [`FixedBuf`]: use it as `&[u8]` through `AsRef` or `Deref`.

use core::fmt;
use core::ops::Deref;

/// Up to `MAX` bytes stored inline; dereferences to the `len` bytes in use.
#[derive(Clone, Copy)]
pub struct FixedBuf<const MAX: usize> {
    bytes: [u8; MAX],
    len: usize,
}

impl<const MAX: usize> FixedBuf<MAX> {
    /// Copies `data` (at most `MAX` bytes; panics otherwise — only called with lengths the crate
    /// controls).
    pub(crate) fn from_slice(data: &[u8]) -> Self {
        let mut bytes = [0u8; MAX];
        bytes[..data.len()].copy_from_slice(data);
        Self {
            bytes,
            len: data.len(),
        }
    }

    /// An empty buffer of length `len`, to be filled through [`FixedBuf::as_mut_slice`].
    pub(crate) fn zeroed(len: usize) -> Self {
        assert!(len <= MAX);
        Self {
            bytes: [0u8; MAX],
            len,
        }
    }

    pub(crate) fn as_mut_slice(&mut self) -> &mut [u8] {
        &mut self.bytes[..self.len]
    }

    /// The bytes in use.
    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl<const MAX: usize> Deref for FixedBuf<MAX> {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl<const MAX: usize> AsRef<[u8]> for FixedBuf<MAX> {
    fn as_ref(&self) -> &[u8] {
        self.as_slice()
    }
}

impl<const MAX: usize> PartialEq for FixedBuf<MAX> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}
impl<const MAX: usize> Eq for FixedBuf<MAX> {}

impl<const MAX: usize> fmt::Debug for FixedBuf<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.as_slice() {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}
