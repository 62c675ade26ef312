/// Escapes text for HTML element content and quoted attribute values (`& < > " '`), exactly as the
/// templates do.
public func escapeHTML(_ text: String) -> String {
    FastHTMLContentType().escapeText(text)
}
