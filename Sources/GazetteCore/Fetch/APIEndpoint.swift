import Foundation

/// Where a fetch sends its requests: the `--base-url` option, else the environment variable, else
/// the public service. Tests and mirrors point Gazette elsewhere this way.
public func apiEndpoint(option: String?, environment: [String: String], variable: String, fallback: URL) throws -> URL {
    guard let text = option ?? environment[variable].flatMap({ $0.isEmpty ? nil : $0 }) else { return fallback }
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
        throw FetchError.badEndpoint(text, from: option == nil ? variable : "--base-url")
    }
    return url
}
