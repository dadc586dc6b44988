internal import Foundation
internal import JigsawCSV

/// A histogram of similarity scores (for example the Dice coefficients of candidate pairs), with text and
/// SVG renderings and a threshold suggested from the valley between the non-match and match modes.
///
/// ## Bins
/// The range `lowerBound...upperBound` is cut into ``binCount`` bins of equal width. Bin *i* holds the scores
/// in `[lowerBound + i·w, lowerBound + (i+1)·w)`, where *w* is ``binWidth``; the last bin also holds
/// `upperBound` itself, so a Dice score of exactly 1 falls in it. A score is placed in bin
/// `⌊(score − lowerBound) / (upperBound − lowerBound) · binCount⌋`, where a quotient within 10⁻⁹ of a whole
/// number counts as that number, so that a decimal score such as 0.7 falls in the bin that starts at 0.7 even
/// though its binary value is a little less. Scores below the range are counted in the first bin and scores
/// above it in the last, and NaN is not counted (``ignored`` says how many were seen).
///
/// ## Suggested threshold
/// Scores of record pairs that do not match pile up at low similarity and those of pairs that do at high
/// similarity; a good threshold lies in the valley between the two piles. ``suggestedThreshold(smoothingWindow:minimumSeparation:)``
/// looks for that valley:
/// 1. The counts are smoothed by a centred moving average over `smoothingWindow` bins (fewer at the ends,
///    where the window is cut short), so that single-bin noise makes no peaks.
/// 2. A local maximum is a bin whose smoothed count is above zero, at least that of the bin to its left and
///    more than that of the bin to its right (a bin at either end counts its missing neighbour as lower, so a
///    pile of identical records at exactly 1 makes a maximum in the last bin).
/// 3. Local maxima below 5% of the highest are ignored. Of the rest, the lowest-scoring is the non-match
///    mode, and the next one at least `minimumSeparation` bins above it is the match mode (not the highest
///    one anywhere: a tall pile of identical records at exactly 1 must not pull the valley up past a broad
///    band of true matches).
/// 4. The valley is the bin with the lowest smoothed count strictly between the two modes (among equally low
///    bins, the middle one).
/// 5. The distribution counts as bimodal only when the valley is clearly lower than the smaller mode: its
///    smoothed count at most half the smaller mode's, and the difference between the raw counts in the two
///    smoothing windows at least three times the square root of their sum (about three standard deviations
///    if the counts were Poisson), so that a chance bump in a thin tail is not taken for a mode.
/// 6. The suggestion is the centre of the valley bin, or `nil` when any step finds nothing.
///
/// The suggestion can only be as good as the scores it sees: to find the non-match mode, the histogram needs
/// the scores of candidate pairs below any threshold already applied.
public struct ScoreHistogram: Sendable, Equatable {
    /// How bar heights follow the counts.
    public enum Scale: Sendable, Hashable {
        /// Heights proportional to counts.
        case linear
        /// Heights proportional to log(1 + count), so a small mode beside a large one stays visible.
        case logarithmic
    }

    /// The lower end of the range.
    public let lowerBound: Double
    /// The upper end of the range.
    public let upperBound: Double
    /// The count in each bin.
    public private(set) var counts: [Int]
    /// The number of scores counted.
    public private(set) var total = 0
    /// The number of NaN scores seen and not counted.
    public private(set) var ignored = 0

    /// The number of bins.
    public var binCount: Int { counts.count }

    /// The width of each bin.
    public var binWidth: Double { (upperBound - lowerBound) / Double(counts.count) }

    /// Creates an empty histogram.
    /// - Parameters:
    ///   - binCount: the number of bins, at least 1.
    ///   - range: the scores covered; finite, with `upperBound` above `lowerBound`.
    public init(binCount: Int = 50, range: ClosedRange<Double> = 0...1) {
        precondition(binCount >= 1, "a histogram needs at least one bin")
        precondition(range.lowerBound.isFinite && range.upperBound.isFinite && range.upperBound > range.lowerBound,
                     "a histogram's range must be finite and not empty")
        lowerBound = range.lowerBound
        upperBound = range.upperBound
        counts = [Int](repeating: 0, count: binCount)
    }

    /// Creates a histogram of `scores`.
    /// - Parameters:
    ///   - scores: the scores.
    ///   - binCount: the number of bins, at least 1.
    ///   - range: the scores covered; finite, with `upperBound` above `lowerBound`.
    public init(scores: some Sequence<Double>, binCount: Int = 50, range: ClosedRange<Double> = 0...1) {
        self.init(binCount: binCount, range: range)
        add(contentsOf: scores)
    }

    /// Creates a histogram over the range of `scores`, from the least to the greatest (NaN and infinities
    /// aside). Without such scores the range is `0...1`; when all are equal it is that value ± 0.001 (or
    /// ± 0.1% of it, if more).
    /// - Parameters:
    ///   - scores: the scores.
    ///   - binCount: the number of bins, at least 1.
    /// - Returns: the histogram.
    public static func spanning(_ scores: some Collection<Double>, binCount: Int = 50) -> ScoreHistogram {
        var low = Double.infinity, high = -Double.infinity
        for score in scores where score.isFinite {
            low = min(low, score)
            high = max(high, score)
        }
        let range: ClosedRange<Double>
        if low > high {
            range = 0...1
        } else if low == high {
            let pad = max(abs(low) * 1e-3, 1e-3)
            range = (low - pad)...(high + pad)
        } else {
            range = low...high
        }
        return ScoreHistogram(scores: scores, binCount: binCount, range: range)
    }

    /// The bin that `score` falls in, or `nil` for NaN.
    /// - Parameter score: a score.
    /// - Returns: the bin's index; scores outside the range give the first or last bin.
    public func binIndex(of score: Double) -> Int? {
        guard !score.isNaN else { return nil }
        var position = (score - lowerBound) / (upperBound - lowerBound) * Double(counts.count)
        let edge = position.rounded()
        if abs(position - edge) < 1e-9 { position = edge }
        if position < 0 { return 0 }
        return Int(min(position, Double(counts.count - 1)))
    }

    /// The lower edge of bin `index`.
    /// - Parameter index: a bin's index.
    /// - Returns: `lowerBound + index · binWidth`.
    public func lowerEdge(ofBin index: Int) -> Double {
        lowerBound + (upperBound - lowerBound) * Double(index) / Double(counts.count)
    }

    /// The centre of bin `index`.
    /// - Parameter index: a bin's index.
    /// - Returns: `lowerBound + (index + ½) · binWidth`.
    public func centre(ofBin index: Int) -> Double {
        lowerBound + (upperBound - lowerBound) * (Double(index) + 0.5) / Double(counts.count)
    }

    /// Counts one score.
    /// - Parameter score: the score (NaN is not counted).
    public mutating func add(_ score: Double) {
        guard let index = binIndex(of: score) else {
            ignored += 1
            return
        }
        counts[index] += 1
        total += 1
    }

    /// Counts every score in `scores`.
    /// - Parameter scores: the scores.
    public mutating func add(contentsOf scores: some Sequence<Double>) {
        for score in scores { add(score) }
    }

    /// Adds the counts of `other`, which must have the same range and number of bins (for histograms built
    /// in parallel).
    /// - Parameter other: another histogram over the same bins.
    public mutating func merge(_ other: ScoreHistogram) {
        precondition(other.lowerBound == lowerBound && other.upperBound == upperBound && other.binCount == binCount,
                     "only histograms over the same bins can be merged")
        for index in counts.indices { counts[index] += other.counts[index] }
        total += other.total
        ignored += other.ignored
    }

    /// The counts smoothed by a centred moving average: each bin's value is the mean count of the bins within
    /// `window / 2` of it, over as many of those bins as exist (so fewer at the ends).
    /// - Parameter window: the window's width in bins; an even width is widened by one.
    /// - Returns: one smoothed value per bin.
    public func smoothedCounts(window: Int) -> [Double] {
        windowSums(window: window).map { Double($0.sum) / Double($0.bins) }
    }

    /// Suggests a threshold at the valley between the low (non-match) and high (match) modes, by the method
    /// described in the type's documentation.
    /// - Parameters:
    ///   - smoothingWindow: the moving average's width in bins.
    ///   - minimumSeparation: the least distance between the two modes in bins; by default a tenth of the
    ///     bins, and at least 2.
    ///   - lowestModeAtMost: when given, the lower (non-match) mode's bin centre must be at most this
    ///     value, or there is no suggestion.
    /// - Returns: the centre of the valley's bin, or `nil` when the scores are not clearly bimodal.
    /// - Complexity: O(*n* log *n*) in the number of bins.
    public func suggestedThreshold(smoothingWindow: Int = 5, minimumSeparation: Int? = nil, lowestModeAtMost: Double? = nil) -> Double? {
        let n = counts.count
        guard n >= 3, total > 0 else { return nil }
        let sums = windowSums(window: smoothingWindow)
        let smoothed = sums.map { Double($0.sum) / Double($0.bins) }
        let maxima = (0..<n).filter { i in
            smoothed[i] > 0 && (i == 0 || smoothed[i] >= smoothed[i - 1]) && (i == n - 1 || smoothed[i] > smoothed[i + 1])
        }
        let gap = max(1, minimumSeparation ?? max(2, n / 10))
        // The non-match mode is the lowest-scoring substantial peak; the match mode is the next substantial
        // peak above it (not the tallest one anywhere: a pile of identical pairs at 1.0 must not pull the
        // valley up past a broad band of true matches).
        guard let tallest = maxima.map({ smoothed[$0] }).max() else { return nil }
        let substantial = maxima.filter { smoothed[$0] >= 0.05 * tallest }.sorted()
        guard let first = substantial.first, let second = substantial.first(where: { $0 - first >= gap }) else { return nil }
        if let lowestModeAtMost, centre(ofBin: first) > lowestModeAtMost { return nil }
        let low = min(first, second), high = max(first, second)
        guard high - low >= 2 else { return nil }
        let between = (low + 1)..<high
        let floor = between.map { smoothed[$0] }.min() ?? 0
        let lowest = between.filter { smoothed[$0] == floor }
        let valley = lowest[lowest.count / 2]

        let smallerMode = smoothed[first] <= smoothed[second] ? first : second
        guard smoothed[valley] <= 0.5 * smoothed[smallerMode] else { return nil }
        let peak = Double(sums[smallerMode].sum), dip = Double(sums[valley].sum)
        guard peak - dip >= 3 * (peak + dip).squareRoot() else { return nil }
        return centre(ofBin: valley)
    }

    private func windowSums(window: Int) -> [(sum: Int, bins: Int)] {
        let half = max(0, window) / 2
        var prefix = [0]
        prefix.reserveCapacity(counts.count + 1)
        for count in counts { prefix.append(prefix[prefix.count - 1] + count) }
        return counts.indices.map { i in
            let start = max(0, i - half), end = min(counts.count - 1, i + half)
            return (prefix[end + 1] - prefix[start], end - start + 1)
        }
    }
}

extension ScoreHistogram {
    /// The histogram as lines of text for standard error: one line per bin, from the first to the last bin
    /// that holds a score (or a marker), each with its range, a bar of `█` and its count; the bins holding the
    /// threshold and the suggested threshold are marked `◀ threshold …` and `◀ suggested …`.
    /// - Parameters:
    ///   - threshold: the threshold in use, if any.
    ///   - suggested: the suggested threshold, if any.
    ///   - barWidth: the longest bar, in characters.
    ///   - scale: how bar lengths follow the counts.
    /// - Returns: the lines, each indented by two spaces and without a line ending.
    public func textLines(threshold: Double? = nil, suggested: Double? = nil, barWidth: Int = 40, scale: Scale = .linear) -> [String] {
        guard total > 0, let first = counts.firstIndex(where: { $0 > 0 }), let last = counts.lastIndex(where: { $0 > 0 }) else {
            return ["  (no scores)"]
        }
        let marked = [threshold, suggested].compactMap { $0 }.compactMap { binIndex(of: $0) }
        let start = min(first, marked.min() ?? first), end = max(last, marked.max() ?? last)
        let digits = Self.decimals(forStep: binWidth)
        let labels = (start...end).map { i in
            Self.decimal(lowerEdge(ofBin: i), digits: digits, trimmed: false) + "–" + Self.decimal(lowerEdge(ofBin: i + 1), digits: digits, trimmed: false)
        }
        let labelWidth = labels.map(\.count).max() ?? 0
        let peak = counts.max() ?? 1
        return (start...end).enumerated().map { offset, i in
            let count = counts[i]
            let fraction = scale == .linear ? Double(count) / Double(peak) : log1p(Double(count)) / log1p(Double(peak))
            var line = "  " + labels[offset].padding(toLength: labelWidth, withPad: " ", startingAt: 0) + " "
            line += String(repeating: "█", count: Int((fraction * Double(barWidth)).rounded(.up))) + " " + Self.grouped(count)
            if let threshold, binIndex(of: threshold) == i { line += "  ◀ threshold \(Self.decimal(threshold, digits: 6))" }
            if let suggested, binIndex(of: suggested) == i { line += "  ◀ suggested \(Self.decimal(suggested, digits: digits + 1))" }
            return line
        }
    }

    /// The histogram as a self-contained SVG image for an HTML report: bars, both axes with ticks and labels,
    /// the threshold as a solid vertical line and the suggested threshold as a dashed one, each labelled.
    ///
    /// The image has no scripts, no style sheet (which would leak into an HTML page it is embedded in), no
    /// `id` attributes (which could clash with the page's) and no XML declaration, so it can be written to an
    /// `.svg` file as it is or pasted into HTML. Its `<title>` and `aria-label` give it an accessible name.
    /// - Parameters:
    ///   - threshold: the threshold in use, if any.
    ///   - suggested: the suggested threshold, if any.
    ///   - title: the heading above the plot.
    ///   - xLabel: the horizontal axis's label.
    ///   - yLabel: the vertical axis's label.
    ///   - scale: how bar heights follow the counts.
    ///   - width: the image's width in pixels.
    ///   - height: the image's height in pixels.
    /// - Returns: the SVG document.
    public func svg(threshold: Double? = nil, suggested: Double? = nil, title: String = "Similarity of candidate pairs",
                    xLabel: String = "Dice similarity", yLabel: String = "Candidate pairs", scale: Scale = .linear,
                    width: Int = 640, height: Int = 360) -> String {
        let left = 70.0, right = Double(width) - 20, top = 40.0, bottom = Double(height) - 50
        let plotWidth = right - left, plotHeight = bottom - top
        func x(_ value: Double) -> Double { left + (value - lowerBound) / (upperBound - lowerBound) * plotWidth }
        let peak = max(1, counts.max() ?? 1)
        func y(_ count: Double) -> Double {
            let fraction = scale == .linear ? count / Double(peak) : log1p(count) / log1p(Double(peak))
            return bottom - fraction * plotHeight
        }
        func f(_ value: Double) -> String { String(format: "%.2f", value) }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(Self.escaped(title))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        svg += "<title>\(Self.escaped(title))</title>\n"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        svg += "<text x=\"\(f(Double(width) / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">\(Self.escaped(title))</text>\n"

        // Horizontal grid lines and the vertical axis's ticks.
        svg += "<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n"
        let yTicks = Self.countTicks(peak: peak, scale: scale)
        for tick in yTicks { svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(Double(tick))))\" x2=\"\(f(right))\" y2=\"\(f(y(Double(tick))))\"/>\n" }
        svg += "</g>\n"

        // Bars.
        svg += "<g fill=\"#4a78a8\">\n"
        let barWidth = plotWidth / Double(binCount)
        for (i, count) in counts.enumerated() where count > 0 {
            let barTop = y(Double(count))
            svg += "<rect x=\"\(f(left + Double(i) * barWidth))\" y=\"\(f(barTop))\" width=\"\(f(max(0.5, barWidth - (barWidth > 3 ? 1 : 0))))\" height=\"\(f(bottom - barTop))\"/>\n"
        }
        svg += "</g>\n"
        if total == 0 {
            svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(top + plotHeight / 2))\" text-anchor=\"middle\" fill=\"#666666\">no scores</text>\n"
        }

        // Axes, ticks and labels.
        svg += "<g stroke=\"#333333\" stroke-width=\"1\">\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(right))\" y2=\"\(f(bottom))\"/>\n"
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(bottom))\"/>\n"
        let step = Self.niceStep(span: upperBound - lowerBound, target: 10)
        let xTicks = Self.ticks(from: lowerBound, to: upperBound, step: step)
        for tick in xTicks { svg += "<line x1=\"\(f(x(tick)))\" y1=\"\(f(bottom))\" x2=\"\(f(x(tick)))\" y2=\"\(f(bottom + 5))\"/>\n" }
        for tick in yTicks { svg += "<line x1=\"\(f(left - 5))\" y1=\"\(f(y(Double(tick))))\" x2=\"\(f(left))\" y2=\"\(f(y(Double(tick))))\"/>\n" }
        svg += "</g>\n"
        svg += "<g fill=\"#333333\">\n"
        let tickDigits = Self.decimals(forStep: step, least: 0)
        for tick in xTicks {
            svg += "<text x=\"\(f(x(tick)))\" y=\"\(f(bottom + 18))\" text-anchor=\"middle\">\(Self.decimal(tick, digits: tickDigits))</text>\n"
        }
        for tick in yTicks {
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y(Double(tick)) + 4))\" text-anchor=\"end\">\(Self.compact(tick))</text>\n"
        }
        svg += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(Double(height) - 12))\" text-anchor=\"middle\">\(Self.escaped(xLabel))</text>\n"
        let yLabelText = Self.escaped(yLabel + (scale == .logarithmic ? " (log scale)" : ""))
        svg += "<text x=\"16\" y=\"\(f(top + plotHeight / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(f(top + plotHeight / 2)))\">\(yLabelText)</text>\n"
        svg += "</g>\n"

        // Threshold markers: each label beside its line, on the side away from the other line where there is
        // room, with a white halo so that it stays legible over the bars.
        let threshold = threshold.flatMap { $0.isFinite ? $0 : nil }, suggested = suggested.flatMap { $0.isFinite ? $0 : nil }
        func marker(_ value: Double, _ label: String, colour: String, dashed: Bool, labelY: Double, preferLeft: Bool) -> String {
            let position = min(max(x(value), left), right)
            let room = 7.0 * Double(label.count)
            let onLeft = preferLeft ? position - left >= room : right - position < room
            var text = "<line x1=\"\(f(position))\" y1=\"\(f(top))\" x2=\"\(f(position))\" y2=\"\(f(bottom))\" stroke=\"\(colour)\" stroke-width=\"2\""
            if dashed { text += " stroke-dasharray=\"6 4\"" }
            text += "/>\n"
            text += "<text x=\"\(f(position + (onLeft ? -5 : 5)))\" y=\"\(f(labelY))\" text-anchor=\"\(onLeft ? "end" : "start")\" fill=\"\(colour)\" "
            text += "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(Self.escaped(label))</text>\n"
            return text
        }
        if let threshold {
            svg += marker(threshold, "threshold \(Self.decimal(threshold, digits: 6))", colour: "#c0392b", dashed: false, labelY: top + 12,
                          preferLeft: suggested.map { $0 > threshold } ?? false)
        }
        if let suggested {
            svg += marker(suggested, "suggested \(Self.decimal(suggested, digits: Self.decimals(forStep: binWidth) + 1))",
                          colour: "#2e7d32", dashed: true, labelY: top + 28, preferLeft: threshold.map { $0 >= suggested } ?? false)
        }
        svg += "</svg>\n"
        return svg
    }

    /// Text with `&`, `<`, `>`, `"` and `'` escaped for XML.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Enough decimals to tell apart values `step` apart (at least `least`).
    static func decimals(forStep step: Double, least: Int = 2) -> Int {
        guard step > 0, step.isFinite else { return least }
        return max(least, Int((-log10(step) - 1e-9).rounded(.up)))
    }

    /// `value` with `digits` decimals, trailing zeros removed unless `trimmed` is false (`0.80` is `0.8`,
    /// `1.00` is `1`).
    static func decimal(_ value: Double, digits: Int, trimmed: Bool = true) -> String {
        var text = String(format: "%.\(max(0, digits))f", value)
        if trimmed && text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String { DigitGrouping.grouped(value) }

    /// A count for an axis: `950`, `9,500`, `95k`, `1.5M`.
    static func compact(_ value: Int) -> String {
        if value < 100_000 { return grouped(value) }
        if value < 100_000_000 { return decimal(Double(value) / 1_000, digits: 1) + "k" }
        return decimal(Double(value) / 1_000_000, digits: 1) + "M"
    }

    /// A step of 1, 2 or 5 times a power of ten giving about `target` intervals over `span`.
    static func niceStep(span: Double, target: Int) -> Double {
        let raw = span / Double(max(1, target))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let normalised = raw / magnitude
        let nice: Double = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10
        return nice * magnitude
    }

    /// The multiples of `step` from `low` to `high`.
    static func ticks(from low: Double, to high: Double, step: Double) -> [Double] {
        let first = (low / step - 1e-9).rounded(.up), last = (high / step + 1e-9).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// Ticks for the count axis: nice multiples up to `peak`, or powers of ten on a log scale.
    static func countTicks(peak: Int, scale: Scale) -> [Int] {
        switch scale {
        case .linear:
            let step = max(1, Int(niceStep(span: Double(peak), target: 5).rounded()))
            return Array(stride(from: 0, through: peak, by: step))
        case .logarithmic:
            var ticks = [0]
            var power = 1
            while power <= peak {
                ticks.append(power)
                if power > Int.max / 10 { break }
                power *= 10
            }
            return ticks
        }
    }
}
