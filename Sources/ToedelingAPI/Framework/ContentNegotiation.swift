/// Proactive content negotiation on `Accept` (RFC 9110 §12.5.1), for every route.
enum ContentNegotiation {
    /// The offered media type (e.g. `text/csv`) that best fits `accept`, the first offered when the
    /// header is absent or empty, nil when the header names none of them. Quality values count;
    /// among equals the more specific range and then the order of `offered` win.
    static func best(accept: String?, offered: [String]) -> String? {
        guard let first = offered.first else { return nil }
        guard let accept, !accept.allSatisfy({ $0 == " " || $0 == "\t" }) else { return first }
        var best: (type: String, quality: Double, specificity: Int, order: Int)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: " \t").lowercased() }
            guard let mediaRange = parts.first, !mediaRange.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)).flatMap { (0...1).contains($0) ? $0 : nil } ?? 0
            }
            guard quality > 0 else { continue }
            for (order, type) in offered.enumerated() {
                guard let specificity = specificity(of: mediaRange, for: type) else { continue }
                let better = best.map { current in
                    (quality, specificity, -order) > (current.quality, current.specificity, -current.order)
                } ?? true
                if better { best = (type, quality, specificity, order) }
            }
        }
        return best?.type
    }

    /// How specifically a media range names `type` (2 exact, 1 `type/*`, 0 `*/*`), or nil.
    private static func specificity(of mediaRange: String, for type: String) -> Int? {
        if mediaRange == type { return 2 }
        let major = type.split(separator: "/").first.map(String.init) ?? ""
        if mediaRange == "\(major)/*" { return 1 }
        if mediaRange == "*/*" { return 0 }
        return nil
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
