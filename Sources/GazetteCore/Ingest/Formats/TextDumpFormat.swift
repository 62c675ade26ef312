/// The listing page copied as text, in the three layouts `DumpParser` reads.
public struct TextDumpFormat: DumpFormat {
    public let name = "text"

    public init() {}

    /// Text that does not open like JSON or markup; low, so any format that recognises the file wins.
    public func confidence(_ bytes: [UInt8], fileExtension: String) -> Double {
        let start = leadingText(bytes, limit: 64)
        if opensLikeJSON(start) || start.hasPrefix("<") { return 0.05 }
        return 0.3
    }

    /// The entries `DumpParser` finds, exactly as before the formats existed.
    public func parse(_ bytes: [UInt8], name: String, path: String) throws -> (Dump, [Diagnostic]) {
        try DumpParser().parse(bytes, name: name, path: path)
    }
}
