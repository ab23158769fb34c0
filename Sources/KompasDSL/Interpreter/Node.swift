/// An evaluated node: what a host (content loader, shell) receives. Arguments and properties are
/// values now, loops and conditions have been run, and every part still knows where it came from.
public final class Node: Sendable {
    public struct Argument: Sendable {
        public let value: Value
        public let span: SourceSpan
        public init(value: Value, span: SourceSpan) {
            self.value = value
            self.span = span
        }
    }

    public struct Property: Sendable {
        public let key: String
        public let keySpan: SourceSpan
        public let value: Value
        public let valueSpan: SourceSpan
        public init(key: String, keySpan: SourceSpan, value: Value, valueSpan: SourceSpan) {
            self.key = key
            self.keySpan = keySpan
            self.value = value
            self.valueSpan = valueSpan
        }
    }

    public let name: String
    public let nameSpan: SourceSpan
    public let arguments: [Argument]
    public let properties: [Property]
    public let children: [Node]
    /// Whether the node was written with a `{ … }` block (possibly empty).
    public let hasBlock: Bool
    public let span: SourceSpan

    public init(name: String, nameSpan: SourceSpan, arguments: [Argument], properties: [Property], children: [Node], hasBlock: Bool, span: SourceSpan) {
        self.name = name
        self.nameSpan = nameSpan
        self.arguments = arguments
        self.properties = properties
        self.children = children
        self.hasBlock = hasBlock
        self.span = span
    }

    public func property(_ key: String) -> Property? {
        properties.first { $0.key == key }
    }
}
