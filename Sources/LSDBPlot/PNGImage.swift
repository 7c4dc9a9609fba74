import CCairo
import Foundation

/// A PNG read back into memory (through cairo), for checking rendered figures.
public struct PNGImage: Sendable, CustomStringConvertible {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Pixels, row by row, as cairo's premultiplied ARGB32 words.
    private let words: [UInt32]

    /// Reads a PNG file.
    ///
    /// - Throws: ``PlotError/cairo(_:)`` when the file cannot be read or decoded.
    public init(contentsOfFile path: String) throws(PlotError) {
        guard let surface = cairo_image_surface_create_from_png(path) else { throw .cairo("cannot read \(path)") }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cairo("\(path): \(String(cString: cairo_status_to_string(status)))")
        }
        // Convert whatever format the PNG decoded to into ARGB32.
        let w = Int(cairo_image_surface_get_width(surface)), h = Int(cairo_image_surface_get_height(surface))
        guard let argb = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h)) else {
            throw .cairo("cannot allocate an image")
        }
        defer { cairo_surface_destroy(argb) }
        let cr = cairo_create(argb)
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_paint(cr)
        cairo_destroy(cr)
        cairo_surface_flush(argb)
        let stride = Int(cairo_image_surface_get_stride(argb))
        guard let data = cairo_image_surface_get_data(argb) else { throw .cairo("no image data") }
        var words = [UInt32](repeating: 0, count: w * h)
        for y in 0..<h {
            let row = UnsafeRawPointer(data + y * stride)
            for x in 0..<w { words[y * w + x] = row.load(fromByteOffset: 4 * x, as: UInt32.self) }
        }
        self.width = w
        self.height = h
        self.words = words
    }

    /// `PNGImage(W×H)`.
    public var description: String { "PNGImage(\(width)×\(height))" }

    /// The colour at a pixel as 8-bit `(r, g, b, a)`, not premultiplied; `nil` outside the image.
    public func pixel(x: Int, y: Int) -> (r: Int, g: Int, b: Int, a: Int)? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        let v = words[y * width + x]
        let a = Int(v >> 24), r = Int((v >> 16) & 255), g = Int((v >> 8) & 255), b = Int(v & 255)
        guard a > 0, a < 255 else { return (r, g, b, a) }
        func un(_ c: Int) -> Int { min(255, (c * 255 + a / 2) / a) }
        return (un(r), un(g), un(b), a)
    }

    /// The pixel nearest a figure point rendered at `scale` pixels per point.
    public func pixel(at point: PlanePoint, scale: Double = 2) -> (r: Int, g: Int, b: Int, a: Int)? {
        pixel(x: Int((point.x * scale).rounded(.down)), y: Int((point.y * scale).rounded(.down)))
    }

    /// Whether the pixel at `(x, y)` is within `tolerance` (per 8-bit channel) of `color`.
    public func matches(x: Int, y: Int, _ color: PlotColor, tolerance: Int = 3) -> Bool {
        guard let p = pixel(x: x, y: y) else { return false }
        let expected = [color.red, color.green, color.blue].map { Int(($0 * 255).rounded()) }
        return abs(p.r - expected[0]) <= tolerance && abs(p.g - expected[1]) <= tolerance
            && abs(p.b - expected[2]) <= tolerance
    }
}
