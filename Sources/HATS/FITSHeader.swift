import Foundation

/// One FITS header: the keyword cards of an HDU, up to `END`.
///
/// Only what HEALPix maps need: logical, integer, real and string values.
/// Headers are made of 2880-byte blocks of 80-character ASCII cards.
struct FITSHeader {
    static let blockSize = 2880
    static let cardSize = 80

    /// The keyword values, by keyword (upper case, blanks trimmed).
    private(set) var values: [String: String] = [:]
    /// The keywords in file order.
    private(set) var keywords: [String] = []
    /// The number of bytes the header occupies, a multiple of 2880.
    let byteCount: Int

    /// Reads the header starting at `offset`.
    ///
    /// - Throws: `invalidFITS` when the data ends before `END` or a card is not ASCII.
    init(data: Data, offset: Int, path: String?, hdu: Int) throws(HATSError) {
        var position = offset
        while true {
            guard position >= 0, position <= data.count - FITSHeader.cardSize else {
                throw HATSError(.invalidFITS, path: path, "HDU \(hdu): the file ends before the END card of the header (truncated?)")
            }
            let bytes = data[data.startIndex + position ..< data.startIndex + position + FITSHeader.cardSize]
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), let card = String(bytes: bytes, encoding: .ascii) else {
                throw HATSError(.invalidFITS, path: path, "HDU \(hdu): byte \(position) is not a FITS header card (not a FITS file?)")
            }
            position += FITSHeader.cardSize
            let keyword = String(card.prefix(8)).trimmingCharacters(in: .whitespaces)
            if keyword == "END" { break }
            let rest = card.dropFirst(8)
            guard rest.hasPrefix("= "), !keyword.isEmpty else { continue }
            if values[keyword] == nil { keywords.append(keyword) }
            values[keyword] = FITSHeader.parseValue(rest.dropFirst(2))
        }
        let used = position - offset
        byteCount = (used + FITSHeader.blockSize - 1) / FITSHeader.blockSize * FITSHeader.blockSize
    }

    /// The value text: a string's content (quotes removed, `''` unescaped,
    /// trailing blanks trimmed), or the token before any `/` comment.
    private static func parseValue(_ text: Substring) -> String {
        let trimmed = text.drop(while: { $0 == " " })
        if trimmed.first == "'" {
            var out = ""
            var i = trimmed.index(after: trimmed.startIndex)
            while i < trimmed.endIndex {
                let c = trimmed[i]
                if c == "'" {
                    let next = trimmed.index(after: i)
                    if next < trimmed.endIndex, trimmed[next] == "'" {
                        out.append("'")
                        i = trimmed.index(after: next)
                        continue
                    }
                    break
                }
                out.append(c)
                i = trimmed.index(after: i)
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
        let token = trimmed.prefix(while: { $0 != "/" })
        return token.trimmingCharacters(in: .whitespaces)
    }

    /// A string value, or `nil`.
    func string(_ keyword: String) -> String? { values[keyword] }

    /// An integer value.
    func int(_ keyword: String) -> Int? { values[keyword].flatMap { Int($0) } }

    /// An integer value that must be present.
    func requireInt(_ keyword: String, path: String?, hdu: Int) throws(HATSError) -> Int {
        guard let text = values[keyword] else {
            throw HATSError(.invalidFITS, path: path, "HDU \(hdu): missing keyword \(keyword)")
        }
        guard let v = Int(text) else {
            throw HATSError(.invalidFITS, path: path, "HDU \(hdu): keyword \(keyword) = \(text) is not an integer")
        }
        return v
    }
}

/// Builds FITS headers card by card.
struct FITSHeaderWriter {
    private(set) var text = ""

    mutating func add(_ keyword: String, _ value: String) {
        text += FITSHeaderWriter.card(keyword.padding(toLength: 8, withPad: " ", startingAt: 0) + "= " + value)
    }

    mutating func add(_ keyword: String, bool: Bool) { add(keyword, String(repeating: " ", count: 19) + (bool ? "T" : "F")) }

    mutating func add(_ keyword: String, int: Int) {
        let digits = String(int)
        add(keyword, String(repeating: " ", count: max(0, 20 - digits.count)) + digits)
    }

    mutating func add(_ keyword: String, string: String) {
        let escaped = string.replacingOccurrences(of: "'", with: "''")
        add(keyword, "'" + escaped.padding(toLength: max(8, escaped.count), withPad: " ", startingAt: 0) + "'")
    }

    /// The header bytes: the cards, `END`, and blank padding to a whole block.
    func finished() -> Data {
        var all = text + FITSHeaderWriter.card("END")
        let remainder = all.utf8.count % FITSHeader.blockSize
        if remainder != 0 { all += String(repeating: " ", count: FITSHeader.blockSize - remainder) }
        return Data(all.utf8)
    }

    private static func card(_ s: String) -> String {
        s.padding(toLength: FITSHeader.cardSize, withPad: " ", startingAt: 0)
    }
}
