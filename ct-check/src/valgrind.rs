//! Valgrind client requests, issued with the amd64 "magic sequence" of `valgrind/valgrind.h`.
//!
//! Outside valgrind the sequence is a no-op (four rotations of `%rdi` by 3 + 13 + 61 + 51 = 128
//! bits, then `xchgq %rbx,%rbx`) and the request returns its default value. Under valgrind the
//! core recognises it and performs the request described by the six words at `%rax`, writing the
//! result to `%rdx`.
//!
//! Request codes, from `valgrind.h` and `memcheck.h` (valgrind 3.x):
//! * `VG_USERREQ__RUNNING_ON_VALGRIND = 0x1001`;
//! * `VG_USERREQ_TOOL_BASE('M','C') = 'M' << 24 | 'C' << 16`, then in order
//!   `MAKE_MEM_NOACCESS` (+0), `MAKE_MEM_UNDEFINED` (+1), `MAKE_MEM_DEFINED` (+2).
//!
//! This is the only unsafe code of the project, and it lives in this test binary: the library
//! itself is `#![forbid(unsafe_code)]`.

#[cfg(not(target_arch = "x86_64"))]
compile_error!(
    "ecckit-ct-check issues valgrind client requests with x86_64 inline assembly; \
     other architectures are not supported"
);

const RUNNING_ON_VALGRIND: u64 = 0x1001;
const MEMCHECK_BASE: u64 = ((b'M' as u64) << 24) | ((b'C' as u64) << 16);
const MAKE_MEM_UNDEFINED: u64 = MEMCHECK_BASE + 1;
const MAKE_MEM_DEFINED: u64 = MEMCHECK_BASE + 2;

/// `VALGRIND_DO_CLIENT_REQUEST_EXPR(default, request, a1, a2, 0, 0, 0)` for amd64.
#[inline(never)]
fn client_request(default: u64, request: u64, arg1: u64, arg2: u64) -> u64 {
    let args: [u64; 6] = [request, arg1, arg2, 0, 0, 0];
    let result: u64;
    // SAFETY: the rotations leave %rdi unchanged (128 bits in all), `xchgq %rbx,%rbx` is a no-op,
    // and the only register written is %rdx (declared). Natively nothing else happens; under
    // valgrind the core reads the six words at %rax and may change the definedness (never the
    // contents) of memory, which the default `asm!` memory clobber covers. Flags are clobbered,
    // which `asm!` assumes unless told otherwise.
    unsafe {
        core::arch::asm!(
            "rolq $3, %rdi",
            "rolq $13, %rdi",
            "rolq $61, %rdi",
            "rolq $51, %rdi",
            "xchgq %rbx, %rbx",
            in("rax") args.as_ptr(),
            inout("rdx") default => result,
            options(att_syntax, nostack),
        );
    }
    result
}

/// Whether the program runs under valgrind (the number of nested valgrinds, so 0 natively).
pub fn running_on_valgrind() -> bool {
    client_request(0, RUNNING_ON_VALGRIND, 0, 0) != 0
}

/// The address and size of `value`'s memory.
fn extent<T: ?Sized>(value: &mut T) -> (u64, u64) {
    (
        value as *mut T as *mut u8 as u64,
        core::mem::size_of_val(value) as u64,
    )
}

/// Marks `value` as secret: memcheck treats its bytes as undefined, so any branch or memory
/// address computed from them is reported. The contents are unchanged.
///
/// Takes `&mut` so that the compiler must assume the bytes may have changed and reload them,
/// rather than computing on a copy it already knows (constant propagation would bypass the mark).
pub fn classify<T: ?Sized>(value: &mut T) {
    let (addr, len) = extent(value);
    client_request(0, MAKE_MEM_UNDEFINED, addr, len);
}

/// Marks `value` as public (defined) again: for results that the protocol reveals anyway
/// (public keys, signatures, validity bits). The contents are unchanged.
pub fn declassify<T: ?Sized>(value: &mut T) {
    let (addr, len) = extent(value);
    client_request(0, MAKE_MEM_DEFINED, addr, len);
}
