/// Removes the LaTeX residue scraped abstracts carry: `\%` → `%`, `\textit{x}` and `\emph{x}` →
/// emphasis, `\textbf{x}` → strong, `\textsc{x}`, `\textsuperscript{x}` and unknown `\text…{x}` →
/// plain `x`, `\textgreater`/`\textless` → `>`/`<`. With `markdown: false` emphasis is dropped too.
public func cleanLatex(_ text: String, markdown: Bool) -> String {
    guard text.contains("\\") else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var rest = Substring(text)
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
        case "textgreater":
            out += ">"
            rest = afterName
            continue
        case "textless":
            out += "<"
            rest = afterName
            continue
        default:
            break
        }
        if !name.isEmpty, afterName.first == "{", let close = matchingBrace(afterName) {
            let inner = cleanLatex(String(afterName[afterName.index(after: afterName.startIndex)..<close]), markdown: markdown)
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

private func matchingBrace(_ text: Substring) -> Substring.Index? {
    var depth = 0
    for index in text.indices {
        switch text[index] {
        case "{": depth += 1
        case "}":
            depth -= 1
            if depth == 0 { return index }
        default: break
        }
    }
    return nil
}
