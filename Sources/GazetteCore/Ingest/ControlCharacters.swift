/// Scraped text can carry control characters that have no place in a page: C0 and C1 controls
/// (invisible, and invalid in HTML) and the bidirectional embedding, override and isolate controls
/// (which can make a title display as something other than what it is). Tabs are kept; the
/// left-to-right and right-to-left marks, which right-to-left text needs, are kept too.
func isUnwantedControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09: return false
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
}

/// `line` without unwanted control characters, or nil when it holds none.
func removingControlCharacters(_ line: String) -> String? {
    guard containsUnwantedControl(line) else { return nil }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: line.unicodeScalars.lazy.filter { !isUnwantedControl($0) })
    return String(scalars)
}

/// Whether `line` holds an unwanted control, by its UTF-8 bytes: C0 (but tab) and DEL are single
/// bytes, C1 controls are C2 80–9F, and the bidirectional controls E2 80 AA–AE and E2 81 A6–A9.
func containsUnwantedControl(_ line: String) -> Bool {
    var line = line
    return line.withUTF8 { utf8 in
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            if byte < 0x20 {
                if byte != 0x09 { return true }
            } else if byte == 0x7F {
                return true
            } else if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(utf8[index + 1]) {
                return true
            } else if byte == 0xE2, index + 2 < count {
                let second = utf8[index + 1], third = utf8[index + 2]
                if second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third) { return true }
            }
            index += 1
        }
        return false
    }
}
