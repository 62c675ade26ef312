import Foundation

/// A `formats:` entry of `site.yml`: files whose names match `pattern` are read as `format`.
public struct FormatRule: Hashable, Sendable {
    /// A shell pattern on the file name (`*.md`, `arxiv-*.xml`).
    public var pattern: String
    /// A name from `DumpFormats.names`.
    public var format: String

    public init(pattern: String, format: String) {
        self.pattern = pattern
        self.format = format
    }

    /// Whether the file name (not its folder) matches the pattern.
    public func matches(_ fileName: String) -> Bool { fnmatch(pattern, fileName, 0) == 0 }
}
