import Foundation

/// A 64-bit hash of Mustache values (strings, numbers, booleans, arrays and dictionaries, nested),
/// the same in every process: two pages whose values and template have equal fingerprints render to
/// the same bytes, so an incremental build can leave the page it wrote last time alone.
///
/// An incremental build fingerprints every page of the site, so this is on its fixed cost: bytes
/// are taken eight at a time (a multiply and a shift per word, where FNV-1a took eight multiplies),
/// and values are told apart by their type's identity rather than by trying one cast after another
/// (each failed cast from `Any` is a walk through the runtime).
struct ValueFingerprint {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    init() {}

    /// Folds one 64-bit word in: a multiply spreads its low bits upwards, the shift brings the high
    /// ones down for the next word.
    @inline(__always)
    mutating func add(word: UInt64) {
        value = (value ^ word) &* 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 32
    }

    mutating func add(byte: UInt8) {
        add(word: UInt64(byte))
    }

    mutating func add(_ string: String) {
        var string = string
        string.withUTF8 { add(raw: UnsafeRawBufferPointer($0)) }
    }

    mutating func add(integer: Int) {
        add(word: UInt64(bitPattern: Int64(integer)))
    }

    mutating func add(bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(raw: $0) }
    }

    /// Adds `raw` with its length first, so that ("ab", "c") and ("a", "bc") differ; the last
    /// partial word is padded with zeros (the length keeps "a" and "a\0" apart).
    @inline(__always)
    private mutating func add(raw: UnsafeRawBufferPointer) {
        add(word: UInt64(raw.count))
        let words = raw.count / 8
        for i in 0..<words { add(word: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))) }
        if raw.count > words * 8 {
            var tail: UInt64 = 0
            for i in (words * 8)..<raw.count { tail |= UInt64(raw[i]) << (8 * UInt64(i - words * 8)) }
            add(word: tail)
        }
    }

    private static let stringType = ObjectIdentifier(String.self)
    private static let dictionaryType = ObjectIdentifier([String: Any].self)
    private static let arrayType = ObjectIdentifier([Any].self)
    private static let boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self)
    private static let unsignedType = ObjectIdentifier(UInt64.self)
    private static let doubleType = ObjectIdentifier(Double.self)
    private static let dictionaryArrayType = ObjectIdentifier([[String: Any]].self)
    private static let stringArrayType = ObjectIdentifier([String].self)

    /// Adds any value a page context holds; a type tag before each keeps `1`, `"1"` and `true` apart.
    /// A dictionary's entries are hashed one by one and summed, so that their order (which differs
    /// between processes) does not count, without sorting keys on every page.
    mutating func add(value: Any) {
        // The types contexts are made of, by identity (a cast that matches exactly is cheap);
        // anything else goes through the casts below.
        let type = ObjectIdentifier(Swift.type(of: value))
        if type == Self.stringType {
            add(byte: 1); add(value as! String)
        } else if type == Self.dictionaryType {
            add(dictionary: value as! [String: Any])
        } else if type == Self.arrayType {
            add(array: value as! [Any])
        } else if type == Self.boolType {
            add(byte: 2); add(byte: value as! Bool ? 1 : 0)
        } else if type == Self.intType {
            add(byte: 3); add(integer: value as! Int)
        } else if type == Self.unsignedType {
            add(byte: 9); add(word: value as! UInt64)
        } else if type == Self.doubleType {
            add(byte: 4); add(word: (value as! Double).bitPattern)
        } else if type == Self.dictionaryArrayType {
            // Hashed as the `[Any]` it would be cast to, without boxing each element anew.
            let array = value as! [[String: Any]]
            add(byte: 6); add(integer: array.count)
            for element in array { add(dictionary: element) }
        } else if type == Self.stringArrayType {
            let array = value as! [String]
            add(byte: 6); add(integer: array.count)
            for element in array { add(byte: 1); add(element) }
        } else {
            addByCasting(value)
        }
    }

    private mutating func add(dictionary: [String: Any]) {
        add(byte: 5); add(integer: dictionary.count)
        var sum: UInt64 = 0
        for (key, element) in dictionary {
            var entry = ValueFingerprint()
            entry.add(key)
            entry.add(value: element)
            sum &+= Self.mixed(entry.value)
        }
        add(word: sum)
    }

    private mutating func add(array: [Any]) {
        add(byte: 6); add(integer: array.count)
        for element in array { add(value: element) }
    }

    /// The other types, and values whose dynamic type is a subclass or wrapper of the ones above.
    private mutating func addByCasting(_ value: Any) {
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
            add(byte: 9); add(word: unsigned)
        case let double as Double:
            add(byte: 4); add(word: double.bitPattern)
        case let dictionary as [String: Any]:
            add(dictionary: dictionary)
        case let array as [Any]:
            add(array: array)
        case let bytes as [UInt8]:
            add(byte: 7); add(bytes: bytes)
        default:
            // Values of other types are rare (a rendering flag, an enum); their description is stable.
            add(byte: 8); add(String(reflecting: Swift.type(of: value))); add(String(describing: value))
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
