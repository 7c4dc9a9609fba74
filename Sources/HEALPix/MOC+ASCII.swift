extension MOC: CustomStringConvertible {
    /// mocpy's ASCII serialisation: `order/i j-k …` per order, for example
    /// `"4/1241 1244 5/4941-4943 4984"`. When the deepest order has no cell, it is
    /// written as an empty `maxOrder/` at the end, as mocpy does.
    public var description: String {
        var parts: [String] = []
        var currentOrder = -1
        var runStart: UInt64 = 0
        var runEnd: UInt64 = 0
        func flush() {
            guard currentOrder >= 0 else { return }
            parts.append(runStart == runEnd ? "\(runStart)" : "\(runStart)-\(runEnd)")
        }
        for cell in cells {
            if cell.order == currentOrder && cell.index == runEnd + 1 {
                runEnd = cell.index
                continue
            }
            flush()
            if cell.order != currentOrder {
                parts.append("\(cell.order)/")
                currentOrder = cell.order
            }
            runStart = cell.index
            runEnd = cell.index
        }
        flush()
        if currentOrder < maxOrder { parts.append("\(maxOrder)/") }
        var text = ""
        for part in parts {
            if !text.isEmpty && !text.hasSuffix("/") { text += " " }
            text += part
        }
        return text
    }
}

extension MOC {
    /// Parses mocpy's ASCII serialisation (`"3/1-3 17 5/"`, orders separated by spaces
    /// or newlines; an empty `order/` only raises ``maxOrder``).
    ///
    /// - Returns: `nil` when the text is malformed or names a cell that does not exist.
    public init?(ascii text: String) {
        var ranges29: [Range<UInt64>] = []
        var maxOrder = 0
        var order: Int? = nil
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," }) {
            var item = Substring(token)
            if let slash = item.firstIndex(of: "/") {
                guard let o = Int(item[..<slash]), Healpix.isValidOrder(o) else { return nil }
                order = o
                maxOrder = Swift.max(maxOrder, o)
                item = item[item.index(after: slash)...]
                if item.isEmpty { continue }
            }
            guard let o = order else { return nil }
            let count = UInt64(12) << UInt64(2 * o)
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let first = UInt64(bounds[0]),
                  let last = bounds.count == 2 ? UInt64(bounds[1]) : first,
                  first <= last, last < count else { return nil }
            let shift = UInt64(2 * (Healpix.maxOrder - o))
            ranges29.append((first << shift)..<((last + 1) << shift))
        }
        self.init(ranges: ranges29, maxOrder: maxOrder)
    }
}
