/// A start tag found in an HTML page: its lowercased name and attributes (names lowercased, values
/// as written, entities left alone).
struct HTMLTag: Equatable {
    var name: String
    var attributes: [(name: String, value: String)]

    static func == (a: HTMLTag, b: HTMLTag) -> Bool {
        a.name == b.name && a.attributes.map(\.name) == b.attributes.map(\.name) && a.attributes.map(\.value) == b.attributes.map(\.value)
    }

    func value(_ attribute: String) -> String? { attributes.first { $0.name == attribute }?.value }
}

/// The start tags of `html` the way a browser's tokenizer sees them: comments skipped, text inside
/// `<script>`, `<style>`, `<textarea>` and `<title>` taken as text, attribute values quoted or not.
/// Enough to tell an injected element or handler from escaped text, which is all the tests need.
func htmlStartTags(_ html: String) -> [HTMLTag] {
    let s = Array(html.unicodeScalars)
    var tags: [HTMLTag] = []
    var i = 0
    func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
    func isLetter(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
    while i < s.count {
        guard s[i] == "<" else { i += 1; continue }
        if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
            var j = i + 4
            while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
            i = j + 3
            continue
        }
        guard i + 1 < s.count, isLetter(s[i + 1]) else { i += 1; continue }
        var j = i + 1
        var name = ""
        while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "/" { name.unicodeScalars.append(s[j]); j += 1 }
        var attributes: [(String, String)] = []
        while j < s.count, s[j] != ">" {
            if isSpace(s[j]) || s[j] == "/" { j += 1; continue }
            var attribute = ""
            while j < s.count, !isSpace(s[j]), s[j] != ">", s[j] != "=", !(s[j] == "/" && !attribute.isEmpty && j + 1 < s.count && s[j + 1] == ">") {
                attribute.unicodeScalars.append(s[j]); j += 1
            }
            var value = ""
            while j < s.count, isSpace(s[j]) { j += 1 }
            if j < s.count, s[j] == "=" {
                j += 1
                while j < s.count, isSpace(s[j]) { j += 1 }
                if j < s.count, s[j] == "\"" || s[j] == "'" {
                    let quote = s[j]
                    j += 1
                    while j < s.count, s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                    j += 1
                } else {
                    while j < s.count, !isSpace(s[j]), s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                }
            }
            if !attribute.isEmpty { attributes.append((attribute.lowercased(), value)) }
        }
        let tag = HTMLTag(name: name.lowercased(), attributes: attributes)
        tags.append(tag)
        i = j + 1
        // Raw-text elements: everything up to the matching end tag is text.
        if ["script", "style", "textarea", "title"].contains(tag.name) {
            let end = Array("</\(tag.name)".unicodeScalars)
            var k = i
            while k + end.count <= s.count {
                if zip(s[k..<(k + end.count)], end).allSatisfy({ String($0).lowercased() == String($1) }) { break }
                k += 1
            }
            i = k
        }
    }
    return tags
}
