import Hummingbird

/// The style sheet and the script, from memory: a request names an asset, never a file.
struct StaticRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        // Browsers ask every site for its icon, a printed report's page too.
        router.get("favicon.ico") { _, _ in try asset("favicon.svg") }
        router.get("static/:name") { _, context in try asset(try context.parameters.require("name")) }
    }

    private func asset(_ name: String) throws -> Response {
        guard let asset = site.templates.assets[name] else { throw HTTPError(.notFound) }
        return Response(
            status: .ok,
            headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
