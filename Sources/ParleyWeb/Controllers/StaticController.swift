// ParleyWeb: `/static/<file>` from memory, and `/healthz` for load balancers and scripts.

import Hummingbird

struct StaticController: Sendable {
    let assets: StaticAssets

    func addRoutes(to router: Router<ParleyRequestContext>) {
        router.get("/healthz") { _, _ in "ok" }
        router.get("/static/:name") { _, context in
            guard let name = context.parameters.get("name"), let asset = assets[name] else { throw WebError.notFound }
            return assets.response(asset)
        }
    }
}
