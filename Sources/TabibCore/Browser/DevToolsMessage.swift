import Foundation

/// One message Chromium wrote on its DevTools pipe: the reply to a command (it has the command's
/// `id`) or an event (it has a `method`), from the browser or from one page's session.
struct DevToolsMessage: Sendable {
    /// A JSON value, Sendable, as the DevTools protocol's messages are made of.
    enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Value])
        case object([String: Value])

        subscript(key: String) -> Value? {
            if case .object(let members) = self { return members[key] }
            return nil
        }

        var string: String? {
            if case .string(let text) = self { return text }
            return nil
        }

        /// The value as `JSONSerialization` writes it.
        var foundationObject: Any {
            switch self {
            case .null: NSNull()
            case .bool(let flag): flag
            case .number(let number): number
            case .string(let text): text
            case .array(let items): items.map(\.foundationObject)
            case .object(let members): members.mapValues(\.foundationObject)
            }
        }

        /// The value `JSONSerialization` read; anything else JSON cannot hold becomes `null`.
        init(foundationObject object: Any) {
            switch object {
            case let text as String: self = .string(text)
            // Foundation reads `true` and `false` as NSNumbers whose C type is `char`.
            case let number as NSNumber: self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
            case let items as [Any]: self = .array(items.map(Value.init(foundationObject:)))
            case let members as [String: Any]: self = .object(members.mapValues(Value.init(foundationObject:)))
            default: self = .null
            }
        }
    }

    /// The command this replies to; nil for an event.
    var id: Int?
    /// The event's name, such as `Page.lifecycleEvent`; nil for a reply.
    var method: String?
    /// The page session the message belongs to; nil for the browser's own.
    var sessionID: String?
    /// A reply's `result` or an event's `params`.
    var body: Value
    /// The reason Chromium gave when a command failed.
    var error: String?

    /// Reads one message (without its NUL terminator); nil when it is not a JSON object.
    init?(_ data: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: data), case .object(let members) = Value(foundationObject: object) else {
            return nil
        }
        if case .number(let number)? = members["id"] { id = Int(number) }
        method = members["method"]?.string
        sessionID = members["sessionId"]?.string
        body = members["result"] ?? members["params"] ?? .object([:])
        if let failure = members["error"] {
            error = failure["message"]?.string ?? "an error without a message"
        }
    }

    /// The command `method` with `params`, numbered `id` and sent to `sessionID` (the browser when nil),
    /// as the bytes to write on the pipe, NUL included.
    static func command(id: Int, method: String, params: [String: Value], sessionID: String?) -> Data {
        var object: [String: Any] = ["id": id, "method": method, "params": Value.object(params).foundationObject]
        if let sessionID { object["sessionId"] = sessionID }
        // A dictionary of strings, numbers, booleans, arrays and dictionaries always serializes.
        var data = try! JSONSerialization.data(withJSONObject: object)
        data.append(0)
        return data
    }
}
