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

    /// A node's arguments, in order. A lone argument (`punt "…"`, `vraag "…"`, most of a content
    /// file) is kept inline, without an array of its own: one allocation fewer per node.
    public struct Arguments: RandomAccessCollection, Sendable, ExpressibleByArrayLiteral {
        // The first argument in place, the others in `tail`. Inlinable, so that a reader in another
        // module (validation, the card builder) reads them in place.
        @usableFromInline var head: Argument?
        @usableFromInline var tail: [Argument] = []

        @inlinable public init() {}

        @inlinable public init(_ arguments: [Argument]) {
            head = arguments.first
            if arguments.count > 1 { tail = Array(arguments.dropFirst()) }
        }

        @inlinable public init(arrayLiteral elements: Argument...) { self.init(elements) }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { head == nil ? 0 : 1 + tail.count }
        @inlinable public var isEmpty: Bool { head == nil }

        @inlinable public subscript(position: Int) -> Argument {
            if position == 0, let head { return head }
            return tail[position - 1]
        }

        @inlinable public mutating func append(_ argument: Argument) {
            if head == nil { head = argument } else { tail.append(argument) }
        }
    }

    public let name: String
    public let nameSpan: SourceSpan
    public let arguments: Arguments
    public let properties: [Property]
    public let children: [Node]
    /// Whether the node was written with a `{ … }` block (possibly empty).
    public let hasBlock: Bool
    public let span: SourceSpan

    public convenience init(name: String, nameSpan: SourceSpan, arguments: [Argument], properties: [Property], children: [Node], hasBlock: Bool, span: SourceSpan) {
        self.init(name: name, nameSpan: nameSpan, arguments: Arguments(arguments), properties: properties, children: children, hasBlock: hasBlock, span: span)
    }

    public init(name: String, nameSpan: SourceSpan, arguments: Arguments, properties: [Property], children: [Node], hasBlock: Bool, span: SourceSpan) {
        self.name = name
        self.nameSpan = nameSpan
        self.arguments = arguments
        self.properties = properties
        self.children = children
        self.hasBlock = hasBlock
        self.span = span
    }

    /// The number of arguments. Read in place: from another module, `arguments.count` copies the
    /// collection out of the node first (retaining what it holds), which validation and the card
    /// builder would pay at every node of a content file.
    public var argumentCount: Int { arguments.count }

    /// Argument `index`'s value, or nil past the last one; read in place (see `argumentCount`).
    public func argumentValue(_ index: Int) -> Value? {
        guard index >= 0, index < arguments.count else { return nil }
        return index == 0 ? arguments.head.unsafelyUnwrapped.value : arguments.tail[index - 1].value
    }

    /// Argument `index`'s span (the index must exist); read in place.
    public func argumentSpan(_ index: Int) -> SourceSpan {
        index == 0 ? arguments.head.unsafelyUnwrapped.span : arguments.tail[index - 1].span
    }

    public func property(_ key: String) -> Property? {
        properties.first { $0.key == key }
    }
}
