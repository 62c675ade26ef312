import Foundation

/// `text` as the value of a search URL's query parameter, form-encoded: a space is `+` and every
/// byte is kept as it is unless a query value cannot hold it as it is. Kept: letters, digits and
/// `-._~!$()*,/:?@`, which RFC 3986 allows in a query and which mean nothing inside a value.
/// Percent-encoded: `&`, `=`, `+`, `;`, `#` and `%` (they would end or change the value), `'`
/// (the page would escape it as `&#39;`), other punctuation a URL cannot hold, control bytes and
/// every byte of non-ASCII text (its UTF-8). A title, the usual text, thus costs about its own
/// length rather than a third more (`%20` for each space, `%3A` for each colon).
func percentEncodedQuery(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
        if byte == 0x20 {
            out.append(UInt8(ascii: "+"))
        } else if byte < 0x80 && keptInQuery[Int(byte)] {
            out.append(byte)
        } else {
            out.append(0x25)
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// Which ASCII bytes a query value keeps as they are.
private let keptInQuery: [Bool] = (0..<128).map { byte in
    let scalar = Character(UnicodeScalar(UInt8(byte)))
    return scalar.isASCII && (scalar.isLetter || scalar.isNumber || "-._~!$()*,/:?@".contains(scalar))
}

/// Uppercase hex digits, as Foundation writes percent escapes.
private let hexDigits = Array("0123456789ABCDEF".utf8)
