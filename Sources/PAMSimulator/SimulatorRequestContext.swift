import Hummingbird
import NIOCore

/// The request context of every simulator server: it keeps the channel so that a fault can close
/// the connection. (Handlers do not see the client certificate yet; Safeguard's A2A will need it.)
struct SimulatorRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
