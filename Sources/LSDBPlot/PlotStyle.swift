import Foundation

/// An RGBA colour with components in `0...1`.
public struct PlotColor: Hashable, Sendable {
    /// Red.
    public var red: Double
    /// Green.
    public var green: Double
    /// Blue.
    public var blue: Double
    /// Opacity.
    public var alpha: Double

    /// Creates a colour from components in `0...1`.
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Creates a colour from 8-bit components.
    public init(red8: Int, green8: Int, blue8: Int, alpha: Double = 1) {
        self.init(red: Double(red8) / 255, green: Double(green8) / 255, blue: Double(blue8) / 255, alpha: alpha)
    }

    /// Parses `#rrggbb` or one of the named colours (`red`, `orange`, `black`, …).
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let named = Self.named[t] {
            self = named
            return
        }
        guard t.hasPrefix("#"), t.count == 7, let v = Int(t.dropFirst(), radix: 16) else { return nil }
        self.init(red8: (v >> 16) & 255, green8: (v >> 8) & 255, blue8: v & 255)
    }

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> PlotColor {
        PlotColor(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// Black.
    public static let black = PlotColor(red: 0, green: 0, blue: 0)
    /// White.
    public static let white = PlotColor(red: 1, green: 1, blue: 1)
    /// Red (`#ff0000`).
    public static let red = PlotColor(red: 1, green: 0, blue: 0)
    /// Orange (`#ffa500`, the CSS and matplotlib orange).
    public static let orange = PlotColor(red8: 255, green8: 165, blue8: 0)
    /// Blue (`#1f77b4`, matplotlib's first cycle colour).
    public static let blue = PlotColor(red8: 31, green8: 119, blue8: 180)
    /// Green (`#2ca02c`).
    public static let green = PlotColor(red8: 44, green8: 160, blue8: 44)
    /// Grey (`#808080`).
    public static let gray = PlotColor(red8: 128, green8: 128, blue8: 128)

    static let named: [String: PlotColor] = [
        "black": .black, "white": .white, "red": .red, "orange": .orange, "blue": .blue,
        "green": .green, "gray": .gray, "grey": .gray,
    ]
}

/// How a line is drawn.
public enum LineStyle: String, Hashable, Sendable, CaseIterable {
    /// A continuous line.
    case solid
    /// Long dashes.
    case dashed
    /// Dots.
    case dotted
    /// Alternating dashes and dots.
    case dashDot

    /// The dash pattern in line widths (empty for solid), as matplotlib scales it.
    var dashPattern: [Double] {
        switch self {
        case .solid: return []
        case .dashed: return [3.7, 1.6]
        case .dotted: return [1, 1.65]
        case .dashDot: return [6.4, 1.6, 1, 1.6]
        }
    }
}

/// A colour map from `0...1` to colours.
public struct Colormap: Hashable, Sendable {
    /// Evenly spaced anchor colours, interpolated linearly.
    public let anchors: [PlotColor]

    /// Creates a map from evenly spaced anchors (at least two).
    public init(anchors: [PlotColor]) {
        precondition(anchors.count >= 2, "a colour map needs at least two anchors")
        self.anchors = anchors
    }

    /// The colour at `t`, clamped to `0...1`.
    public func color(at t: Double) -> PlotColor {
        let x = (t.isNaN ? 0 : min(1, max(0, t))) * Double(anchors.count - 1)
        let i = min(anchors.count - 2, Int(x))
        let f = x - Double(i)
        let (a, b) = (anchors[i], anchors[i + 1])
        return PlotColor(red: a.red + f * (b.red - a.red), green: a.green + f * (b.green - a.green),
                         blue: a.blue + f * (b.blue - a.blue), alpha: a.alpha + f * (b.alpha - a.alpha))
    }

    /// Viridis, from 11 samples of matplotlib's map at `0, 0.1, …, 1`.
    public static let viridis = Colormap(anchors: [
        (68, 1, 84), (72, 36, 117), (65, 68, 135), (53, 95, 141), (42, 120, 142), (33, 145, 140),
        (34, 168, 132), (68, 191, 112), (122, 209, 81), (189, 223, 38), (253, 231, 37),
    ].map { PlotColor(red8: $0.0, green8: $0.1, blue8: $0.2) })
}
