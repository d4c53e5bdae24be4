//! Placeholder: this curve's fields are being written.
