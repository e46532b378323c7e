import Hummingbird
import HummingbirdTesting

extension TestClient.Response {
    /// The body as UTF-8 text; empty when there is none.
    var text: String { body.map { String(buffer: $0) } ?? "" }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }
}
