import Foundation

/// The page side of live reload. Served as a file (not inline) so pages with a Content-Security-Policy
/// of `script-src 'self'` still run it; it is injected only into responses of `gazette serve`.
enum LiveReload {
    static let scriptPath = "/__gazette/reload.js"
    static let statusPath = "/__gazette/status"

    static let scriptTag = "<script src=\"\(scriptPath)\"></script>"

    /// `html` with the reload script before its last `</body>` (or at its end when there is none).
    static func inject(into html: [UInt8]) -> [UInt8] {
        let tag = Array(scriptTag.utf8)
        let marker = Array("</body>".utf8)
        guard html.count >= marker.count else { return html + tag }
        var index = html.count - marker.count
        while index >= 0 {
            if html[index] == UInt8(ascii: "<"), Array(html[index..<index + marker.count]).lowercasedASCII() == marker {
                return Array(html[..<index]) + tag + Array(html[index...])
            }
            index -= 1
        }
        return html + tag
    }

    /// `{"version":3,"error":null}`: the page reloads when `version` changes and shows `error` over the page.
    static func status(version: Int, error: String?) -> [UInt8] {
        struct Status: Encodable { let version: Int; let error: String? }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encodable with a nil optional omits the key; the script treats a missing error as none.
        return Array((try? encoder.encode(Status(version: version, error: error))) ?? Data("{}".utf8))
    }

    /// Polls the status ten times a second (a request answered from memory, on this machine), so a
    /// page reloads within a tenth of a second of a build: simpler than server-sent events, and a
    /// server restart is survived.
    static let script = #"""
    // gazette serve: reloads the page after each successful rebuild and shows build errors over it.
    (function () {
      var version = null;
      var box = null;
      function show(error) {
        if (!error) { if (box) { box.remove(); box = null; } return; }
        if (!box) {
          box = document.createElement('pre');
          box.id = 'gazette-build-error';
          var s = box.style;
          s.position = 'fixed'; s.left = '0'; s.right = '0'; s.bottom = '0'; s.margin = '0';
          s.maxHeight = '50vh'; s.overflow = 'auto'; s.padding = '1em'; s.zIndex = '2147483647';
          s.background = '#7a1010'; s.color = '#fff'; s.font = '14px/1.4 ui-monospace, monospace';
          s.whiteSpace = 'pre-wrap';
          document.body.appendChild(box);
        }
        box.textContent = 'gazette: the last edit did not build; showing the last good build.\n\n' + error;
      }
      function poll() {
        fetch('/__gazette/status', { cache: 'no-store' })
          .then(function (response) { return response.json(); })
          .then(function (status) {
            if (version === null) { version = status.version; }
            else if (status.version !== version) { location.reload(); return; }
            show(status.error);
          })
          .catch(function () {})
          .then(function () { setTimeout(poll, 100); });
      }
      poll();
    })();
    """#
}

extension Array where Element == UInt8 {
    func lowercasedASCII() -> [UInt8] { map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }
}
