import Foundation

/// Projects sampled sky outlines, cutting them where they cross a projection's
/// seam (RA = centre ± 180) so that nothing is drawn as a streak across the map.
extension SkyProjection {
    /// A point in unwrapped coordinates: RA offset from the centre (continuous along
    /// the ring, so it may leave `[-180, 180]`) and Dec.
    private struct Unwrapped {
        var u: Double
        var dec: Double
    }

    /// The closed polygons to fill for a ring of sky points, in plane coordinates.
    /// A ring crossing the seam gives one piece on each side; a ring around a pole
    /// is closed along the pole.
    func fillPolygons(_ ring: [SkyPoint]) -> [[PlanePoint]] {
        guard ring.count >= 3 else { return [] }
        guard hasSeam else {
            let visible = gnomonicVisibleRing(ring)
            let projected = clipToView(visible.compactMap { project(ra: $0.ra, dec: $0.dec) })
            return projected.count >= 3 ? [projected] : []
        }
        var points = unwrap(ring, closed: true)
        // Close a ring that winds around a pole along that pole.
        let closing = Self.wrap180(points[0].u - points[points.count - 1].u)
        let end = points[points.count - 1].u + closing
        if abs(end - points[0].u) > 180 {
            let pole: Double = ring.map(\.dec).reduce(0, +) >= 0 ? 90 : -90
            points += [Unwrapped(u: end, dec: points[0].dec), Unwrapped(u: end, dec: pole),
                       Unwrapped(u: points[0].u, dec: pole)]
        }
        let lo = points.map(\.u).min()!, hi = points.map(\.u).max()!
        var out: [[PlanePoint]] = []
        for k in -2...2 {
            let shift = Double(k) * 360
            guard hi + shift > -180, lo + shift < 180 else { continue }
            var piece = points.map { Unwrapped(u: $0.u + shift, dec: $0.dec) }
            piece = Self.clip(piece, keep: { $0.u >= -180 }, edge: -180)
            piece = Self.clip(piece, keep: { $0.u <= 180 }, edge: 180)
            // Skip empty pieces and slivers lying along the seam (a cell with an edge on it).
            guard piece.count >= 3, (piece.map(\.u).max()! - piece.map(\.u).min()!) > 1e-9 else { continue }
            let projected = Self.densifySeam(piece).compactMap { project(offset: $0.u, dec: $0.dec) }
            out.append(isFullSky ? projected : clipToView(projected))
        }
        return out.filter { $0.count >= 3 }
    }

    /// The polylines to stroke for a path of sky points (closed when `closed`),
    /// broken where it leaves the visible sky or crosses the seam.
    func strokePolylines(_ path: [SkyPoint], closed: Bool) -> [[PlanePoint]] {
        guard !path.isEmpty else { return [] }
        guard hasSeam else {
            var runs: [[PlanePoint]] = [], run: [PlanePoint] = []
            let c = SkyGeometry.unitVector(SkyPoint(ra: centerRA, dec: centerDec)), limit = gnomonicCapCosine
            for p in closed ? path + [path[0]] : path {
                if (SkyGeometry.unitVector(p) * c).sum() >= limit, let q = project(ra: p.ra, dec: p.dec) {
                    run.append(q)
                } else if !run.isEmpty {
                    runs.append(run)
                    run = []
                }
            }
            if run.count >= 2 { runs.append(run) }
            return runs.filter { $0.count >= 2 }.flatMap(clipToView(polyline:))
        }
        var points = unwrap(path, closed: closed)
        if closed, let first = points.first, let last = points.last {
            points.append(Unwrapped(u: last.u + Self.wrap180(first.u - last.u), dec: first.dec))
        }
        let lo = points.map(\.u).min()!, hi = points.map(\.u).max()!
        var runs: [[PlanePoint]] = []
        for k in -2...2 {
            let shift = Double(k) * 360
            guard hi + shift >= -180, lo + shift <= 180 else { continue }
            var run: [Unwrapped] = []
            for i in 0..<points.count - 1 {
                let a = Unwrapped(u: points[i].u + shift, dec: points[i].dec)
                let b = Unwrapped(u: points[i + 1].u + shift, dec: points[i + 1].dec)
                guard let (ca, cb) = Self.clipSegment(a, b) else {
                    if run.count >= 2 { runs.append(run.compactMap { project(offset: $0.u, dec: $0.dec) }) }
                    run = []
                    continue
                }
                if run.isEmpty { run.append(ca) }
                run.append(cb)
                if cb.u != b.u {  // left the strip
                    runs.append(run.compactMap { project(offset: $0.u, dec: $0.dec) })
                    run = []
                }
            }
            if run.count >= 2 { runs.append(run.compactMap { project(offset: $0.u, dec: $0.dec) }) }
        }
        let kept = runs.filter { $0.count >= 2 }
        return isFullSky ? kept : kept.flatMap(clipToView(polyline:))
    }

    /// RA offsets made continuous along the path; a vertex on a pole (where RA is
    /// arbitrary) is replaced by two pole points at its neighbours' RAs.
    private func unwrap(_ path: [SkyPoint], closed: Bool) -> [Unwrapped] {
        var expanded: [SkyPoint] = []
        for (i, p) in path.enumerated() {
            guard abs(p.dec) > 90 - 1e-9, path.count > 2 else { expanded.append(p); continue }
            let prev = i > 0 ? path[i - 1] : (closed ? path[path.count - 1] : p)
            let next = i < path.count - 1 ? path[i + 1] : (closed ? path[0] : p)
            expanded.append(SkyPoint(ra: prev.ra, dec: p.dec))
            expanded.append(SkyPoint(ra: next.ra, dec: p.dec))
        }
        var out: [Unwrapped] = []
        out.reserveCapacity(expanded.count)
        for p in expanded {
            let offset = Self.wrap180(p.ra - centerRA)
            if let last = out.last {
                out.append(Unwrapped(u: last.u + Self.wrap180(offset - last.u), dec: p.dec))
            } else {
                out.append(Unwrapped(u: offset, dec: p.dec))
            }
        }
        return out
    }

    /// One Sutherland–Hodgman pass against the vertical line `u = edge`.
    private static func clip(_ polygon: [Unwrapped], keep: (Unwrapped) -> Bool, edge: Double) -> [Unwrapped] {
        var out: [Unwrapped] = []
        for i in polygon.indices {
            let a = polygon[i], b = polygon[(i + 1) % polygon.count]
            let (inA, inB) = (keep(a), keep(b))
            if inA { out.append(a) }
            if inA != inB {
                let t = (edge - a.u) / (b.u - a.u)
                out.append(Unwrapped(u: edge, dec: a.dec + t * (b.dec - a.dec)))
            }
        }
        return out
    }

    /// The part of a segment within `-180 ≤ u ≤ 180`, or `nil`.
    private static func clipSegment(_ a: Unwrapped, _ b: Unwrapped) -> (Unwrapped, Unwrapped)? {
        var (t0, t1) = (0.0, 1.0)
        let du = b.u - a.u
        if du == 0 {
            guard a.u >= -180, a.u <= 180 else { return nil }
        } else {
            let ta = (-180 - a.u) / du, tb = (180 - a.u) / du
            t0 = max(t0, min(ta, tb))
            t1 = min(t1, max(ta, tb))
            guard t0 <= t1 else { return nil }
        }
        func at(_ t: Double) -> Unwrapped { Unwrapped(u: a.u + t * du, dec: a.dec + t * (b.dec - a.dec)) }
        return (t0 == 0 ? a : at(t0), t1 == 1 ? b : at(t1))
    }

    /// Adds points every degree of Dec along edges that run on the seam or a pole,
    /// so that they follow the map's outline instead of cutting across it.
    private static func densifySeam(_ polygon: [Unwrapped]) -> [Unwrapped] {
        var out: [Unwrapped] = []
        for i in polygon.indices {
            let a = polygon[i], b = polygon[(i + 1) % polygon.count]
            out.append(a)
            let onSeam = abs(a.u) == 180 && a.u == b.u
            let onPole = abs(a.dec) == 90 && a.dec == b.dec
            guard onSeam || onPole else { continue }
            let n = Int(max(abs(b.dec - a.dec), abs(b.u - a.u)).rounded(.up))
            guard n > 1 else { continue }
            for k in 1..<n {
                let t = Double(k) / Double(n)
                out.append(Unwrapped(u: a.u + t * (b.u - a.u), dec: a.dec + t * (b.dec - a.dec)))
            }
        }
        return out
    }
}
