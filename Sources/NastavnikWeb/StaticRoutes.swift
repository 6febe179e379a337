import Hummingbird

/// The style sheet and the script, from memory: a request names an asset, never a file.
struct StaticRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("static/:name") { _, context in
            let name = try context.parameters.require("name")
            guard let asset = site.templates.assets[name] else { throw HTTPError(.notFound) }
            return Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=3600"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
    }
}
