/// Finds where a value sits in JSON text, so a decoding error can name its line: JSONDecoder says
/// which path held the wrong type, but not where that is in the file.
struct JSONValueLocator {
    let bytes: [UInt8]

    /// The 1-based line of the value at `path` (object keys and array indices), or of the deepest
    /// part of the path that exists; nil when the text is not JSON.
    func line(of path: [any CodingKey]) -> Int? {
        var index = 0
        guard let offset = locate(path[...], at: &index) else { return nil }
        return line(atOffset: offset)
    }

    /// The 1-based line holding byte `offset`.
    func line(atOffset offset: Int) -> Int {
        bytes[..<min(offset, bytes.count)].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// The 1-based line of each element of a top-level array, in one pass (finding them one by
    /// one would walk the array again for each).
    func arrayElementLines() -> [Int] {
        var index = 0
        skipWhitespace(&index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return [] }
        index += 1
        var lines: [Int] = []
        var line = 1, counted = 0
        while true {
            skipWhitespace(&index)
            guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else { return lines }
            line += bytes[counted..<index].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            counted = index
            lines.append(line)
            guard skipValueAndComma(&index) else { return lines }
        }
    }

    private func locate(_ path: ArraySlice<any CodingKey>, at index: inout Int) -> Int? {
        skipWhitespace(&index)
        guard index < bytes.count else { return nil }
        let start = index
        guard let component = path.first else { return start }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            guard component.intValue == nil else { return start }
            index += 1
            while true {
                skipWhitespace(&index)
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return start }
                let keyStart = index + 1
                skipString(&index)
                let key = String(decoding: bytes[keyStart..<max(keyStart, index - 1)], as: UTF8.self)
                skipWhitespace(&index)
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return start }
                index += 1
                if key == component.stringValue { return locate(path.dropFirst(), at: &index) ?? start }
                guard skipValueAndComma(&index) else { return start }
            }
        case UInt8(ascii: "["):
            guard let wanted = component.intValue else { return start }
            index += 1
            var position = 0
            while true {
                skipWhitespace(&index)
                guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else { return start }
                if position == wanted { return locate(path.dropFirst(), at: &index) ?? start }
                guard skipValueAndComma(&index) else { return start }
                position += 1
            }
        default:
            return start
        }
    }

    private func skipWhitespace(_ index: inout Int) {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// From an opening quote to just past the closing one.
    private func skipString(_ index: inout Int) {
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
        index += 1
    }

    /// Skips one value and the comma after it; false at the end of its container.
    private func skipValueAndComma(_ index: inout Int) -> Bool {
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): skipString(&index); continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return false }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 0 { index += 1; return true }
            default: break
            }
            index += 1
        }
        return false
    }
}
