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
    guard line.unicodeScalars.contains(where: isUnwantedControl) else { return nil }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: line.unicodeScalars.lazy.filter { !isUnwantedControl($0) })
    return String(scalars)
}
