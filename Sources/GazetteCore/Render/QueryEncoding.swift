import Foundation

/// `text` percent-encoded for a search URL's query, exactly as Foundation's
/// `addingPercentEncoding(withAllowedCharacters: .alphanumerics)` encodes it. ASCII text, nearly
/// every title, is encoded here byte by byte (all but letters and digits), since Foundation's
/// version cost more than a page's search links are worth; other text is left to Foundation.
func percentEncodedQuery(_ text: String) -> String {
    var text = text
    let encoded: String? = text.withUTF8 { bytes in
        guard isASCII(bytes) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
                out.append(byte)
            } else {
                out.append(0x25)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
    return encoded ?? text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
}

/// Uppercase hex digits, as Foundation writes percent escapes.
private let hexDigits = Array("0123456789ABCDEF".utf8)
