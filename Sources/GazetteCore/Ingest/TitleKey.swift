import Foundation

/// The key two entries must share to be the same paper: lowercase ASCII words, accents folded,
/// punctuation and spacing ignored (`"ExeDec: Execution…"` and `"Exedec – execution…"` match).
public func normalizedTitleKey(_ title: String) -> String {
    // Nearly every title is ASCII: build the key byte by byte, with no intermediate strings.
    if let key = asciiTitleKey(title) { return key }
    var words: [String] = []
    var word = ""
    for scalar in foldToASCII(title).unicodeScalars {
        if scalar.isASCIIAlphanumeric {
            word.unicodeScalars.append(scalar.asciiLowercased)
        } else if scalar.value >= 0x80, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            // Greek, CJK, Cyrillic... are part of the title too ("α-Divergence" is not "β-Divergence").
            word += String(scalar).lowercased()
        } else if !word.isEmpty {
            words.append(word)
            word = ""
        }
    }
    if !word.isEmpty { words.append(word) }
    return words.joined(separator: " ")
}

/// The key of an all-ASCII title (the same as the general path gives), or nil for any other title.
private func asciiTitleKey(_ title: String) -> String? {
    var title = title
    return title.withUTF8 { utf8 -> String? in
        var key: [UInt8] = []
        key.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A:
                if pendingSpace && !key.isEmpty { key.append(0x20) }
                pendingSpace = false
                key.append(byte | (byte >= 0x41 ? 0x20 : 0))
            case 0x80...: return nil
            default: pendingSpace = true
            }
        }
        return String(decoding: key, as: UTF8.self)
    }
}

/// The text with diacritics removed where a base letter exists (`é` → `e`); other scalars kept.
public func foldToASCII(_ text: String) -> String {
    if isASCII(text) { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        if scalar.isASCII {
            out.append(scalar)
            continue
        }
        // Canonical decomposition splits a letter from its combining marks; keep the letter.
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        where part.properties.generalCategory != .nonspacingMark {
            out.append(part)
        }
    }
    return String(out)
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    var asciiLowercased: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(value + 32)! : self
    }
}
