import Foundation

/// Removes the LaTeX residue scraped abstracts carry: `\%` → `%`, `\textit{x}` and `\emph{x}` →
/// emphasis, `\textbf{x}` → strong, `\textsc{x}`, `\textsuperscript{x}` and unknown `\text…{x}` →
/// plain `x`, `\textgreater`/`\textless` → `>`/`<`. With `markdown: false` emphasis is dropped too.
/// LaTeX quotes (``x'' and `x') become typographic quotes, which also keeps Markdown from reading
/// the backticks as code.
public func cleanLatex(_ text: String, markdown: Bool) -> String {
    // Most abstracts hold neither backticks nor backslashes: one byte scan decides.
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == 0x60 || $0 == 0x5C }) else { return text }
    var text = text
    if utf8.contains(0x60) { text = typographicQuotes(text) }
    if containsBytes(text, "{\\em ") || containsBytes(text, "{\\it ") || containsBytes(text, "{\\bf ") {
        text = rewriteGroupCommands(text)
    }
    guard text.utf8.contains(0x5C) else { return text }
    return cleanCommands(text[...], markdown: markdown, closers: matchingBraces(text), depth: 0)
}

/// ``x'' → “x”, `x' → ‘x': in one pass over the bytes, as replacing ``, then '', then ` in turn
/// (each left to right) would give.
private func typographicQuotes(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    var i = 0
    while i < bytes.count {
        let byte = bytes[i]
        let doubled = i + 1 < bytes.count && bytes[i + 1] == byte
        if byte == 0x60 {
            out += doubled ? [0xE2, 0x80, 0x9C] : [0xE2, 0x80, 0x98]
            i += doubled ? 2 : 1
        } else if byte == 0x27 && doubled {
            out += [0xE2, 0x80, 0x9D]
            i += 2
        } else {
            out.append(byte)
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}

/// Whether `text` holds `needle`, compared byte by byte (Foundation's search is far slower).
private func containsBytes(_ text: String, _ needle: StaticString) -> Bool {
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    var text = text
    return text.withUTF8 { bytes in
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if (1..<pattern.count).allSatisfy({ bytes[start + $0] == pattern[$0] }) { return true }
        }
        return false
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
    text.replacingOccurrences(of: "{\\em ", with: "\\emph{")
        .replacingOccurrences(of: "{\\it ", with: "\\emph{")
        .replacingOccurrences(of: "{\\bf ", with: "\\textbf{")
}
