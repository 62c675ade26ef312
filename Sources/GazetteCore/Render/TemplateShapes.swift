import Foundation

/// Templates rendered once per *shape* of context and then filled in, instead of once per page.
///
/// A context's shape is everything Mustache decides on: its keys, its booleans and the lengths of
/// its lists; its text and numbers are the values. Pages of one shape differ only in those values,
/// so the first page of a shape is rendered with a numbered mark in place of each value, and every
/// page of that shape is then the marked output with its own values put in, escaped where the mark
/// came out escaped. Ten thousand paper pages have a few hundred shapes; each Mustache lookup costs
/// about a microsecond and a half in the library, and a paper page makes some sixty.
///
/// Used only when no template could treat a mark differently from a value: no transforms (`{{f(x)}}`),
/// no dynamic partials, no changed delimiters, no indented partials or blocks (Mustache indents
/// their lines by what was rendered before), and no mark byte in the templates. A context holding
/// anything but dictionaries, lists, strings, integers and booleans, or a string holding the mark
/// byte, is rendered in full.
final class TemplateShapes: @unchecked Sendable {
    /// Starts a value's mark: `\u{7}`, the value's number, then `<` (which comes out as `&lt;` when
    /// the template escapes the value). Ingest strips control characters from the content.
    static let mark: UInt8 = 0x07

    let templates: TemplateSet
    /// Whether rendering goes through shapes at all.
    let enabled: Bool
    private let lock = NSLock()
    /// Shells by template name and shape; nil for a shape whose marks did not come back as given.
    private var shells: [ShapeKey: Shell?] = [:]

    /// A template name and shape as one key, hashed as one run of bytes (an array of bytes hashes
    /// byte by byte, a tenth of the cost of a page's lookup).
    struct ShapeKey: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        static func == (a: ShapeKey, b: ShapeKey) -> Bool {
            a.bytes.count == b.bytes.count && a.bytes.withUnsafeBytes { x in b.bytes.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
        }
    }

    /// A template's output for one shape: text with holes where the values go.
    struct Shell {
        let text: [UInt8]
        /// Where each value goes in `text` (the mark's byte range), which value, and whether escaped.
        let holes: [(start: Int, end: Int, value: Int, escaped: Bool)]
    }

    /// The names each template and the templates it includes look up: a key named nowhere in them
    /// cannot change what they render, so it is no part of the shape (the site's menu, say, in a
    /// paper page's body).
    let names: [String: Set<String>]

    /// `enabled: false` renders every context in full (tests compare the two).
    init(templates: TemplateSet, enabled: Bool = true) {
        self.templates = templates
        self.enabled = enabled && Self.rendersValuesAsGiven(templates.sources)
        names = Dictionary(uniqueKeysWithValues: templates.sources.keys.map { ($0, Self.names(usedBy: $0, in: templates.sources)) })
    }

    /// Template `name` rendered with `context`, the same bytes as `templates.render(name, context)`.
    func render(_ name: String, _ context: [String: Any]) throws -> [UInt8] {
        guard enabled, let names = names[name] else { return Array(try templates.render(name, context).utf8) }
        var shape = Array(name.utf8)
        shape.append(0)
        var values: [String] = []
        guard Self.describe(context, names: names, shape: &shape, values: &values) else { return Array(try templates.render(name, context).utf8) }
        let key = ShapeKey(bytes: shape)
        lock.lock()
        let cached = shells[key]
        lock.unlock()
        let shell: Shell?
        if let cached {
            shell = cached
        } else {
            var counter = 0
            let marked = Self.marking(context, names: names, counter: &counter) as! [String: Any]
            shell = Self.shell(from: Array(try templates.render(name, marked).utf8), values: values.count)
            lock.lock()
            shells[key] = shell
            lock.unlock()
        }
        guard let shell else { return Array(try templates.render(name, context).utf8) }
        return Self.fill(shell, values)
    }

    /// Number of shapes met so far.
    var shapeCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return shells.count
    }

    // MARK: Shapes and marks

    /// A context value as shapes see it. Only these exact types are taken (an `NSNumber` or any other
    /// class, an optional, a float, is not), so `describe` and `marking` cannot read one differently.
    enum Kind {
        case text(String), number(Int), flag(Bool), dictionary([String: Any]), list([Any])

        init?(_ value: Any) {
            let type = type(of: value)
            if type == String.self { self = .text(value as! String) }
            else if type == [String: Any].self { self = .dictionary(value as! [String: Any]) }
            else if type == [[String: Any]].self { self = .list(value as! [[String: Any]]) }
            else if type == Bool.self { self = .flag(value as! Bool) }
            else if type == Int.self { self = .number(value as! Int) }
            else if type == [String].self { self = .list(value as! [String]) }
            else if type == [Any].self { self = .list(value as! [Any]) }
            else if type == [String: String].self { self = .dictionary(value as! [String: String]) }
            else if type == [Int].self { self = .list(value as! [Int]) }
            else if type == [[String: String]].self { self = .list(value as! [[String: String]]) }
            else { return nil }
        }
    }

    /// Appends the shape of `value` to `shape` and its values to `values`, keys among `names` in
    /// sorted order; false when the value holds something a shape cannot stand for.
    static func describe(_ value: Any, names: Set<String>, shape: inout [UInt8], values: inout [String]) -> Bool {
        switch Kind(value) {
        case .text(var text):
            let marked = text.withUTF8 { bytes in bytes.isEmpty ? false : memchr(bytes.baseAddress!, Int32(mark), bytes.count) != nil }
            if marked { return false }
            shape.append(0x73)  // s
            values.append(text)
        case .flag(let flag):
            shape.append(flag ? 0x54 : 0x46)  // T, F
        case .number(let number):
            shape.append(0x69)  // i
            values.append(String(number))
        case .dictionary(let dictionary):
            shape.append(0x7B)  // {
            for key in dictionary.keys.filter(names.contains).sorted() {
                // Length first: no key can run into the next.
                withUnsafeBytes(of: UInt32(truncatingIfNeeded: key.utf8.count)) { shape.append(contentsOf: $0) }
                shape.append(contentsOf: key.utf8)
                guard describe(dictionary[key]!, names: names, shape: &shape, values: &values) else { return false }
            }
            shape.append(0x7D)  // }
        case .list(let list):
            shape.append(0x5B)  // [
            for element in list {
                guard describe(element, names: names, shape: &shape, values: &values) else { return false }
            }
            shape.append(0x5D)  // ]
        case nil:
            return false
        }
        return true
    }

    /// `value` with each string and integer replaced by its numbered mark, in `describe`'s order.
    /// Each dictionary also gets a key named by the mark byte, which no template can name: a
    /// dictionary printed whole (`{{.}}` on it) then shows `\u{07}` and its shell is not used, since
    /// Swift prints a dictionary's keys in an order of its own.
    static func marking(_ value: Any, names: Set<String>, counter: inout Int) -> Any {
        switch Kind(value)! {
        case .text, .number:
            defer { counter += 1 }
            return "\u{7}\(counter)<"
        case .flag(let flag):
            return flag
        case .dictionary(let dictionary):
            var marked: [String: Any] = ["\u{7}": true]
            for key in dictionary.keys.filter(names.contains).sorted() { marked[key] = marking(dictionary[key]!, names: names, counter: &counter) }
            return marked
        case .list(let list):
            return list.map { marking($0, names: names, counter: &counter) }
        }
    }

    /// Finds the marks in a marked rendering. A mark that does not read back as a value number
    /// followed by `<` or `&lt;` would mean the template changed it, and a mark written out as
    /// `\u{07}` that a list or dictionary was shown whole (`{{.}}` on a dictionary prints Swift's
    /// description of it): the shell is then unusable.
    static func shell(from text: [UInt8], values: Int) -> Shell? {
        if text.firstRange(of: Array(#"\u{07}"#.utf8)) != nil { return nil }
        var holes: [(start: Int, end: Int, value: Int, escaped: Bool)] = []
        var i = 0
        while i < text.count {
            guard text[i] == mark else { i += 1; continue }
            var j = i + 1
            var number = 0
            while j < text.count, j < i + 10, (0x30...0x39).contains(text[j]) {
                number = number * 10 + Int(text[j] - 0x30)
                j += 1
            }
            guard j > i + 1, number < values, j < text.count else { return nil }
            if text[j] == 0x3C {
                holes.append((i, j + 1, number, false))
                i = j + 1
            } else if text[j...].starts(with: [0x26, 0x6C, 0x74, 0x3B]) {  // &lt;
                holes.append((i, j + 4, number, true))
                i = j + 4
            } else {
                return nil
            }
        }
        return Shell(text: text, holes: holes)
    }

    /// The shell with `values` put in its holes.
    static func fill(_ shell: Shell, _ values: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(shell.text.count + values.reduce(0) { $0 + $1.utf8.count })
        var start = 0
        shell.text.withUnsafeBufferPointer { text in
            for hole in shell.holes {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<hole.start]))
                var value = values[hole.value]
                value.withUTF8 { bytes in
                    if hole.escaped { FastHTMLContentType.appendEscaped(bytes, to: &out) } else { out.append(contentsOf: bytes) }
                }
                start = hole.end
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        }
        return out
    }

    // MARK: Templates

    /// Each tag of `text` with standard delimiters: its content without the braces or `&` that make
    /// it unescaped, and where it opens.
    static func tags(in text: String) -> [(content: Substring, open: String.Index)] {
        var tags: [(content: Substring, open: String.Index)] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            tags.append((rest[open.upperBound..<close.lowerBound].drop { $0 == "{" || $0 == "&" || $0.isWhitespace }, open.lowerBound))
            rest = rest[close.upperBound...]
        }
        return tags
    }

    /// Every name template `name` and the templates it includes look up, dotted names split.
    static func names(usedBy name: String, in sources: [String: String]) -> Set<String> {
        var names: Set<String> = []
        var seen: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let text = sources[next] else { continue }
            for (content, _) in tags(in: text) {
                guard let sigil = content.first, sigil != "!", sigil != "%", sigil != "=" else { continue }
                let body = "#^/$><".contains(sigil) ? content.dropFirst() : content
                let word = body.trimmingCharacters(in: .whitespacesAndNewlines)
                if sigil == ">" || sigil == "<" { pending.append(word); continue }
                for part in word.split(separator: ".") { names.insert(String(part)) }
            }
        }
        return names
    }

    /// True when no template can render a mark other than as it renders a value: see the type's
    /// documentation for the uses that turn shapes off. Errs on the side of turning them off.
    static func rendersValuesAsGiven(_ sources: [String: String]) -> Bool {
        for text in sources.values {
            // Line breaks other than \n (\r\n, \r, form feeds, U+2028) would hide a line's indentation below.
            if text.utf8.contains(mark) || text.contains(where: { $0.isNewline && $0 != "\n" }) { return false }
            for (content, open) in tags(in: text) {
                guard let sigil = content.first else { continue }
                if sigil == "!" { continue }
                if sigil == "=" || content.contains("(") || content.contains("}") { return false }
                if sigil == ">" || sigil == "<" || sigil == "$" {
                    // Dynamic partials name their template by a value; a tag whose line starts with
                    // white space indents what it includes.
                    if content.contains("*") { return false }
                    let before = text[..<open]
                    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
                    if let first = before[lineStart...].first, first == " " || first == "\t" { return false }
                }
            }
        }
        return true
    }
}
