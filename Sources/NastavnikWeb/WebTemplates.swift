import Foundation
import Mustache

/// The page templates (Mustache, HTML escaping on) and the static files, read once from the
/// target's resources when the server starts: no request names a file.
struct WebTemplates: Sendable {
    let library: MustacheLibrary
    /// The style sheet and the script, by the name a page links them with.
    let assets: [String: Asset]

    struct Asset: Sendable {
        let bytes: [UInt8]
        let contentType: String
    }

    /// The assets a page may link: nothing else under `static` is served.
    static let assetNames = [
        "site.css": "text/css; charset=utf-8", "site.js": "text/javascript; charset=utf-8",
        "favicon.svg": "image/svg+xml",
    ]

    /// Loads the templates and assets from the resource directory beside the binary.
    static func load() async throws -> WebTemplates {
        guard let directory = WebResources.directory else {
            throw WebStartupError(
                "Не найдены шаблоны веб-интерфейса (каталог \(WebResources.bundleName) рядом с программой). "
                    + "Установите программу вместе с этим каталогом.")
        }
        let library = try await MustacheLibrary(directory: directory.appendingPathComponent("templates").path)
        var assets: [String: Asset] = [:]
        for (name, type) in assetNames {
            let url = directory.appendingPathComponent("static").appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw WebStartupError("Не найден файл веб-интерфейса «\(url.path)».")
            }
            assets[name] = Asset(bytes: Array(data), contentType: type)
        }
        return WebTemplates(library: library, assets: assets)
    }

    /// A template rendered with `object`; a missing template is a programming error caught by the tests.
    func render(_ object: Any, _ template: String) -> String {
        library.render(object, withTemplate: template) ?? "<p>Шаблон «\(template)» не найден.</p>"
    }
}
