import Foundation

/// Removes the LaTeX residue scraped abstracts carry: `\%` → `%`, `\textit{x}` and `\emph{x}` →
/// emphasis, `\textbf{x}` → strong, `\textsc{x}`, `\textsuperscript{x}` and unknown `\text…{x}` →
/// plain `x`, `\textgreater`/`\textless` → `>`/`<`. With `markdown: false` emphasis is dropped too.
/// LaTeX quotes (``x'' and `x') become typographic quotes, which also keeps Markdown from reading
/// the backticks as code.
public func cleanLatex(_ text: String, markdown: Bool) -> String {
    // Most abstracts hold neither backticks nor backslashes: one byte scan decides.
    var text = text
    let (backtick, backslash) = text.withUTF8 { bytes in (bytes.contains(0x60), bytes.contains(0x5C)) }
    guard backtick || backslash else { return text }
    if backtick { text = typographicQuotes(text) }
    guard backslash else { return text }
    if containsBytes(text, "{\\em ") || containsBytes(text, "{\\it ") || containsBytes(text, "{\\bf ") {
        text = rewriteGroupCommands(text)
    }
    return cleanCommands(text[...], markdown: markdown, closers: matchingBraces(text), depth: 0)
}

/// ``x'' as “x”, and a lone ` as ‘, in one pass over the bytes.
private func typographicQuotes(_ text: String) -> String {
    let open = Array("\u{201C}".utf8), close = Array("\u{201D}".utf8), single = Array("\u{2018}".utf8)
    var text = text
    return text.withUTF8 { bytes in
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i], next: UInt8? = i + 1 < bytes.count ? bytes[i + 1] : nil
            if byte == 0x60 {
                if next == 0x60 { out += open; i += 2 } else { out += single; i += 1 }
            } else if byte == 0x27 && next == 0x27 {
                out += close
                i += 2
            } else {
                out.append(byte)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Whether `text` holds `needle`, compared as bytes (Foundation's search was a tenth of a paper page).
func containsBytes(_ text: String, _ needle: String) -> Bool {
    var text = text, needle = needle
    return text.withUTF8 { haystack in
        needle.withUTF8 { needle in
            guard !needle.isEmpty else { return true }
            guard haystack.count >= needle.count else { return false }
            let first = needle[0]
            for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                if (1..<needle.count).allSatisfy({ haystack[start + $0] == needle[$0] }) { return true }
            }
            return false
        }
    }
}

/// Deeper groups are kept as they are: nesting this deep is not prose, and recursing further could
/// exhaust the stack (Tests/Fixtures/Fuzz/latex-storm.txt).
private let maximumCommandDepth = 16

/// The commands of `text` (a slice of the string `closers` was computed on) rewritten.
private func cleanCommands(_ text: Substring, markdown: Bool, closers: [String.Index: String.Index], depth: Int) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var rest = text
    while let slash = rest.firstIndex(of: "\\") {
        out += rest[..<slash]
        let after = rest[rest.index(after: slash)...]
        guard let next = after.first else { rest = after; break }
        if "%&_#$".contains(next) {
            out.append(next)
            rest = after.dropFirst()
            continue
        }
        let name = after.prefix { $0.isLetter && $0.isASCII }
        let afterName = after[name.endIndex...]
        switch name {
        case "textgreater", "textless":
            out += name == "textgreater" ? ">" : "<"
            // `\textgreater{}` carries an empty group to end the command.
            rest = afterName.hasPrefix("{}") ? afterName.dropFirst(2) : afterName
            continue
        default:
            break
        }
        if !name.isEmpty, afterName.first == "{", let close = closers[afterName.startIndex], close < afterName.endIndex {
            let group = afterName[afterName.index(after: afterName.startIndex)..<close]
            let inner = depth < maximumCommandDepth
                ? cleanCommands(group, markdown: markdown, closers: closers, depth: depth + 1) : String(group)
            switch name {
            case "textit", "emph": out += markdown ? "*\(inner)*" : inner
            case "textbf": out += markdown ? "**\(inner)**" : inner
            default: out += inner
            }
            rest = afterName[afterName.index(after: close)...]
            continue
        }
        // Not a command we know: keep the backslash as text.
        out += "\\"
        rest = after
    }
    out += rest
    return out
}

/// Each `{` of `text` that is closed, mapped to its `}`, in one pass (a scan per command would be
/// quadratic on long unbalanced input).
private func matchingBraces(_ text: String) -> [String.Index: String.Index] {
    var closers: [String.Index: String.Index] = [:]
    var open: [String.Index] = []
    for index in text.indices {
        switch text[index] {
        case "{": open.append(index)
        case "}": if let opener = open.popLast() { closers[opener] = index }
        default: break
        }
    }
    return closers
}

/// `{\em x}`, `{\it x}` and `{\bf x}` as the equivalent `\emph{x}` / `\textbf{x}` commands.
private func rewriteGroupCommands(_ text: String) -> String {
    let emph = Array("\\emph{".utf8), bold = Array("\\textbf{".utf8)
    var text = text
    return text.withUTF8 { bytes in
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            // `{\em `, `{\it `, `{\bf `: five bytes.
            if bytes[i] == 0x7B, i + 4 < bytes.count, bytes[i + 1] == 0x5C, bytes[i + 4] == 0x20 {
                switch (bytes[i + 2], bytes[i + 3]) {
                case (0x65, 0x6D), (0x69, 0x74): out += emph; i += 5; continue  // em, it
                case (0x62, 0x66): out += bold; i += 5; continue  // bf
                default: break
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
