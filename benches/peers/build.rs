//! Records `rustc --version` for the ECC-vs-RSA report's provenance (the root crate's build
//! script does the same for the pure-Rust example).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    if let Ok(out) = std::process::Command::new(rustc).arg("--version").output()
        && out.status.success()
    {
        let version = String::from_utf8_lossy(&out.stdout);
        println!("cargo:rustc-env=ECCKIT_RUSTC_VERSION={}", version.trim());
    }
}
