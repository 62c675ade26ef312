import Foundation

/// A 64-bit FNV-1a hash of Mustache values (strings, numbers, booleans, arrays and dictionaries,
/// nested), the same in every process: two pages whose values and template have equal fingerprints
/// render to the same bytes, so an incremental build can leave the page it wrote last time alone.
struct ValueFingerprint {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    mutating func add(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01B3
    }

    mutating func add(_ string: String) {
        var string = string
        // A length prefix, so that ("ab", "c") and ("a", "bc") differ.
        add(integer: string.utf8.count)
        string.withUTF8 { bytes in for byte in bytes { add(byte: byte) } }
    }

    mutating func add(integer: Int) {
        var n = UInt64(bitPattern: Int64(integer))
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: n))
            n >>= 8
        }
    }

    mutating func add(bytes: [UInt8]) {
        add(integer: bytes.count)
        for byte in bytes { add(byte: byte) }
    }

    /// Adds any value a page context holds; a type tag before each keeps `1`, `"1"` and `true` apart.
    /// A dictionary's entries are hashed one by one and summed, so that their order (which differs
    /// between processes) does not count, without sorting keys on every page.
    mutating func add(value: Any) {
        switch value {
        case let string as String:
            add(byte: 1); add(string)
        case let substring as Substring:
            add(byte: 1); add(String(substring))
        case let bool as Bool:
            add(byte: 2); add(byte: bool ? 1 : 0)
        case let integer as Int:
            add(byte: 3); add(integer: integer)
        case let unsigned as UInt64:
            add(byte: 9); add(integer: Int(bitPattern: UInt(unsigned)))
        case let double as Double:
            add(byte: 4); add(integer: Int(bitPattern: UInt(double.bitPattern)))
        case let dictionary as [String: Any]:
            add(byte: 5); add(integer: dictionary.count)
            var sum: UInt64 = 0
            for (key, element) in dictionary {
                var entry = ValueFingerprint()
                entry.add(key)
                entry.add(value: element)
                sum &+= Self.mixed(entry.value)
            }
            add(integer: Int(bitPattern: UInt(sum)))
        case let array as [Any]:
            add(byte: 6); add(integer: array.count)
            for element in array { add(value: element) }
        case let bytes as [UInt8]:
            add(byte: 7); add(bytes: bytes)
        default:
            // Values of other types are rare (a rendering flag, an enum); their description is stable.
            add(byte: 8); add(String(reflecting: type(of: value))); add(String(describing: value))
        }
    }

    /// SplitMix64's finaliser: spreads an entry's hash over all bits before entries are summed.
    static func mixed(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The fingerprint of `values`, in order.
    static func of(_ values: Any...) -> UInt64 {
        var fingerprint = ValueFingerprint()
        for value in values { fingerprint.add(value: value) }
        return fingerprint.value
    }
}
