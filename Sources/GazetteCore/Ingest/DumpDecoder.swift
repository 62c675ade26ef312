/// Turns a dump's raw bytes into lines, tolerating what scraped text carries:
/// a byte-order mark, CRLF line ends and invalid UTF-8 (replaced, with a warning naming the line).
public struct DecodedLines: Sendable {
    public var lines: [String]
    public var diagnostics: [Diagnostic]
    /// 1-based line of the first NUL byte, which no text dump contains.
    public var firstNULLine: Int?
    /// How many bytes are C0 controls other than tab, line feed, form feed and carriage return:
    /// a few are strays in text, many make the file binary.
    public var controlBytes: Int
}

/// Splits `bytes` into lines without their `\n` or `\r\n` ends.
public func decodeDumpLines(_ bytes: [UInt8], file: String) -> DecodedLines {
    var lines: [String] = []
    var diagnostics: [Diagnostic] = []
    var firstNUL: Int?
    var controlBytes = 0
    var start = 0
    // A UTF-8 byte-order mark says nothing about the text; drop it.
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
    let count = bytes.count
    bytes.withUnsafeBufferPointer { buffer in
        var lineStart = start
        var index = start
        var hasHighBytes = false
        func emit(_ end: Int) {
            var stop = end
            if stop > lineStart, buffer[stop - 1] == 0x0D { stop -= 1 }
            let slice = UnsafeBufferPointer(rebasing: buffer[lineStart..<stop])
            let lineNumber = lines.count + 1
            if hasHighBytes, String(validating: slice, as: UTF8.self) == nil {
                diagnostics.append(Diagnostic(.warning, file: file, line: lineNumber,
                    "invalid UTF-8; the bad bytes were replaced with U+FFFD"))
            }
            lines.append(String(decoding: slice, as: UTF8.self))
        }
        while index < count {
            let byte = buffer[index]
            if byte == 0x0A {
                emit(index)
                lineStart = index + 1
                hasHighBytes = false
            } else if byte >= 0x80 {
                hasHighBytes = true
            } else if byte < 0x20, byte != 0x09, byte != 0x0C, byte != 0x0D {
                controlBytes += 1
                if byte == 0, firstNUL == nil { firstNUL = lines.count + 1 }
            }
            index += 1
        }
        if lineStart < count { emit(count) }
    }
    return DecodedLines(lines: lines, diagnostics: diagnostics, firstNULLine: firstNUL, controlBytes: controlBytes)
}
