import GazetteCore
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer entry point: one input is one dump. Built only by `make fuzz` (GAZETTE_FUZZ=1) with
/// `-sanitize=fuzzer,address`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDump(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    parseAndRenderForFuzzing(bytes)
    return 0
}

/// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver
/// from there (looked up at run time: it has no Swift declaration).
@_cdecl("GazetteFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    typealias Driver = @convention(c) (UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, Callback) -> CInt
    guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "LLVMFuzzerRunDriver") else {
        fputs("GazetteFuzz: libFuzzer is not linked; build with -sanitize=fuzzer (make fuzz)\n", stderr)
        return 2
    }
    var argc = argc
    var argv = argv
    return unsafeBitCast(symbol, to: Driver.self)(&argc, &argv, { fuzzDump($0, $1) })
}
