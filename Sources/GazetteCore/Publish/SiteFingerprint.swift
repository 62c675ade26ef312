import Foundation

/// What every page depends on besides its own values: the gazette code that makes the pages (the
/// running executable's bytes), the theme's templates and assets, and the configuration. A build
/// cache recorded under another fingerprint is not used: every page is rendered again.
func siteFingerprint(templates: TemplateSet, config: SiteConfig) -> UInt64 {
    var fingerprint = ValueFingerprint()
    fingerprint.add(integer: Int(bitPattern: UInt(runningExecutableFingerprint)))
    fingerprint.add(value: templates.sources)
    for asset in templates.assets { fingerprint.add(value: asset.path); fingerprint.add(bytes: asset.bytes) }
    fingerprint.add(value: String(reflecting: config))
    return fingerprint.value
}

/// `executableFingerprint()`, taken once per process: `gazette serve` builds again and again, and
/// the code running is the code it started with (even if the file is rebuilt meanwhile).
let runningExecutableFingerprint = executableFingerprint()

/// A hash of the running executable's bytes: the same binary gives the same value in every run and
/// on every machine (a CI job that rebuilds the same code keeps its cache), any change to the code
/// gives another. Read a word at a time: the file is some 20 MB. Without a readable executable,
/// a value no other run has, so that no cache is trusted.
func executableFingerprint() -> UInt64 {
    guard let path = Bundle.main.executablePath, let data = FileManager.default.contents(atPath: path) else {
        return UInt64(getpid()) << 32 ^ DispatchTime.now().uptimeNanoseconds
    }
    return data.withUnsafeBytes { raw -> UInt64 in
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(raw.count)
        let words = raw.count / 8
        for i in 0..<words {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x0100_0000_01B3
            hash ^= hash >> 29
        }
        for i in (words * 8)..<raw.count { hash = (hash ^ UInt64(raw[i])) &* 0x0100_0000_01B3 }
        return ValueFingerprint.mixed(hash)
    }
}
