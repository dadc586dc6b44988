import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import JigsawLinkage

/// Binning, the text and SVG renderings, and the suggested threshold.
struct HistogramTests {
    /// A seeded generator (SplitMix64), so the synthetic scores are the same on every run.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// `count` normal deviates (Box–Muller) with the given mean and standard deviation, clamped to [0, 1].
    static func normal(_ count: Int, mean: Double, deviation: Double, using generator: inout SplitMix) -> [Double] {
        (0..<count).map { _ in
            let u = Double.random(in: Double.ulpOfOne..<1, using: &generator), v = Double.random(in: 0..<1, using: &generator)
            let z = (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
            return min(1, max(0, mean + deviation * z))
        }
    }

    // MARK: Binning

    @Test func binning() {
        var histogram = ScoreHistogram(binCount: 10, range: 0...1)
        histogram.add(contentsOf: [0, 0.05, 0.1, 0.15, 0.5, 0.95, 0.999, 1.0])
        #expect(histogram.counts == [2, 2, 0, 0, 0, 1, 0, 0, 0, 3])
        #expect(histogram.total == 8)
        #expect(histogram.binIndex(of: 1.0) == 9, "the upper bound falls in the last bin")
        #expect(histogram.binIndex(of: 0.3) == 3)
        #expect(abs(histogram.binWidth - 0.1) < 1e-15)
        #expect(abs(histogram.lowerEdge(ofBin: 3) - 0.3) < 1e-12)
        #expect(abs(histogram.centre(ofBin: 3) - 0.35) < 1e-12)
    }

    @Test func outOfRangeIsClampedAndNaNIgnored() {
        var histogram = ScoreHistogram(binCount: 4, range: 0.5...1)
        histogram.add(contentsOf: [0.1, -Double.infinity, 2, Double.infinity, .nan, 0.75])
        #expect(histogram.counts == [2, 0, 1, 2])
        #expect(histogram.total == 5)
        #expect(histogram.ignored == 1)
        #expect(histogram.binIndex(of: .nan) == nil)
    }

    @Test func defaultsAreFiftyBinsOverTheUnitInterval() {
        let histogram = ScoreHistogram(scores: [0.8, 0.81, 0.99])
        #expect(histogram.binCount == 50)
        #expect(histogram.lowerBound == 0 && histogram.upperBound == 1)
        #expect(histogram.counts[40] == 2)
        #expect(histogram.counts[49] == 1)
    }

    @Test func spanningTheScores() {
        let histogram = ScoreHistogram.spanning([0.6, 0.7, 0.8, 1.0, .nan], binCount: 4)
        #expect(histogram.lowerBound == 0.6 && histogram.upperBound == 1.0)
        #expect(histogram.counts == [1, 1, 1, 1])
        #expect(histogram.ignored == 1)
        let single = ScoreHistogram.spanning([0.9, 0.9], binCount: 5)
        #expect(single.lowerBound < 0.9 && single.upperBound > 0.9)
        #expect(single.counts[2] == 2)
        let empty = ScoreHistogram.spanning([Double](), binCount: 5)
        #expect(empty.lowerBound == 0 && empty.upperBound == 1 && empty.total == 0)
    }

    @Test func mergeAddsCounts() {
        var a = ScoreHistogram(scores: [0.1, 0.9], binCount: 10)
        let b = ScoreHistogram(scores: [0.15, .nan], binCount: 10)
        a.merge(b)
        #expect(a.counts[1] == 2 && a.counts[9] == 1)
        #expect(a.total == 3 && a.ignored == 1)
    }

    @Test func smoothingIsACentredMovingAverage() {
        var histogram = ScoreHistogram(binCount: 5, range: 0...1)
        for (bin, count) in [0, 0, 10, 0, 5].enumerated() {
            for _ in 0..<count { histogram.add(histogram.centre(ofBin: bin)) }
        }
        #expect(histogram.counts == [0, 0, 10, 0, 5])
        // Window 3: ends average two bins, the rest three.
        #expect(histogram.smoothedCounts(window: 3) == [0, 10.0 / 3, 10.0 / 3, 5, 2.5])
        #expect(histogram.smoothedCounts(window: 1) == [0, 0, 10, 0, 5])
    }

    // MARK: Suggested threshold

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func suggestsTheValleyOfABimodalMixture(seed: UInt64) throws {
        var generator = SplitMix(state: seed)
        // Many non-matches around 0.45, fewer matches around 0.9: the valley lies between about 0.6 and 0.8.
        let scores = Self.normal(8_000, mean: 0.45, deviation: 0.06, using: &generator)
            + Self.normal(800, mean: 0.9, deviation: 0.03, using: &generator)
        let histogram = ScoreHistogram(scores: scores)
        let threshold = try #require(histogram.suggestedThreshold())
        #expect(threshold > 0.6 && threshold < 0.82, "suggested \(threshold)")
        // The suggestion is a bin centre.
        #expect(abs(histogram.centre(ofBin: histogram.binIndex(of: threshold)!) - threshold) < 1e-12)
    }

    @Test func suggestsTheValleyWhenMatchesPileUpAtOne() throws {
        var generator = SplitMix(state: 42)
        // Candidates found at a threshold of 0.5 (so the non-match mode is cut off at 0.5) and identical CLKs at 1.
        let scores = Self.normal(5_000, mean: 0.45, deviation: 0.08, using: &generator).filter { $0 >= 0.5 }
            + [Double](repeating: 1.0, count: 300) + Self.normal(300, mean: 0.93, deviation: 0.03, using: &generator)
        let histogram = ScoreHistogram.spanning(scores)
        let threshold = try #require(histogram.suggestedThreshold())
        #expect(threshold > 0.65 && threshold < 0.88, "suggested \(threshold)")
    }


    @Test func aTallPileAtOneDoesNotPullTheValleyPastTheFuzzyMatches() throws {
        var generator = SplitMix(state: 43)
        // Candidates kept from 0.5 up: the tail of the non-matches at 0.5, a broad band of fuzzy matches around
        // 0.8 that is taller than that tail, and a still taller pile of identical pairs at 1.0. The valley is
        // between the non-matches and the fuzzy band; the dip between the band and 1.0 would drop every fuzzy match.
        let scores = Self.normal(5_000, mean: 0.45, deviation: 0.05, using: &generator).filter { $0 >= 0.5 }
            + Self.normal(3_000, mean: 0.8, deviation: 0.04, using: &generator)
            + [Double](repeating: 1.0, count: 5_000)
        let threshold = try #require(ScoreHistogram(scores: scores).suggestedThreshold())
        #expect(threshold > 0.52 && threshold < 0.72, "suggested \(threshold)")
    }

    @Test func suggestsTheMiddleOfAnEmptyValley() throws {
        var histogram = ScoreHistogram(binCount: 20, range: 0...1)
        for (bin, count) in [(3, 50), (4, 100), (5, 50), (14, 30), (15, 60), (16, 30)] {
            for _ in 0..<count { histogram.add(histogram.centre(ofBin: bin)) }
        }
        // Smoothed over 5 bins, bins 8 to 11 are empty; the middle one of those four is bin 10.
        let threshold = try #require(histogram.suggestedThreshold())
        #expect(abs(threshold - histogram.centre(ofBin: 10)) < 1e-12)
    }

    @Test(arguments: [UInt64(7), 8, 9])
    func noSuggestionForAUnimodalDistribution(seed: UInt64) {
        var generator = SplitMix(state: seed)
        let histogram = ScoreHistogram(scores: Self.normal(10_000, mean: 0.5, deviation: 0.1, using: &generator))
        #expect(histogram.suggestedThreshold() == nil)
    }

    @Test func noSuggestionForTooFewScoresOrNone() {
        #expect(ScoreHistogram().suggestedThreshold() == nil)
        // Two lone scores far apart are two "modes", but not a significant valley.
        #expect(ScoreHistogram(scores: [0.2, 0.9]).suggestedThreshold() == nil)
        #expect(ScoreHistogram(scores: [Double](repeating: 0.7, count: 1_000)).suggestedThreshold() == nil)
    }

    @Test func noSuggestionWhenTheModesAreTooClose() {
        var histogram = ScoreHistogram(binCount: 50, range: 0...1)
        for (bin, count) in [(20, 100), (23, 100)] {
            for _ in 0..<count { histogram.add(histogram.centre(ofBin: bin)) }
        }
        #expect(histogram.suggestedThreshold(smoothingWindow: 1, minimumSeparation: 5) == nil)
        #expect(histogram.suggestedThreshold(smoothingWindow: 1, minimumSeparation: 3) != nil)
    }

    // MARK: Text

    @Test func textMarksTheThresholdAndSuggestion() {
        var histogram = ScoreHistogram(binCount: 10, range: 0...1)
        histogram.add(contentsOf: [0.12, 0.15, 0.18, 0.33, 0.85, 1_234.0])
        let lines = histogram.textLines(threshold: 0.8, suggested: 0.55, barWidth: 10)
        #expect(lines.count == 9, "from the first bin with a score (0.1) to the last (0.9)")
        #expect(lines.first == "  0.10–0.20 ██████████ 3")
        #expect(lines.last == "  0.90–1.00 ████ 1")
        #expect(lines.contains("  0.80–0.90 ████ 1  ◀ threshold 0.8"))
        #expect(lines.contains("  0.50–0.60  0  ◀ suggested 0.55"))
        #expect(lines.allSatisfy { $0.hasPrefix("  ") })
        #expect(ScoreHistogram().textLines() == ["  (no scores)"])
    }

    @Test func textGroupsThousandsAndExtendsToMarkers() {
        var histogram = ScoreHistogram(binCount: 50, range: 0...1)
        histogram.add(contentsOf: [Double](repeating: 0.9, count: 12_345))
        let lines = histogram.textLines(threshold: 0.8, scale: .logarithmic)
        #expect(lines.count == 6)
        #expect(lines.first?.hasSuffix("◀ threshold 0.8") == true)
        #expect(lines.last?.hasPrefix("  0.90–0.92") == true)
        #expect(lines.last?.hasSuffix(" 12,345") == true)
    }

    // MARK: SVG

    /// Element names, attributes and text collected by Foundation's XML parser.
    final class SVGCollector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((elementName, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func parse(_ svg: String) throws -> SVGCollector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = SVGCollector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "\(String(describing: parser.parserError))")
        try #require(parsed)
        return collector
    }

    @Test func svgIsWellFormedWithAxesBarsAndMarkers() throws {
        var generator = SplitMix(state: 11)
        let histogram = ScoreHistogram(scores: Self.normal(2_000, mean: 0.45, deviation: 0.06, using: &generator)
            + Self.normal(300, mean: 0.9, deviation: 0.03, using: &generator))
        let suggested = try #require(histogram.suggestedThreshold())
        let svg = histogram.svg(threshold: 0.8, suggested: suggested, title: "Dice <scores> & \"pairs\"")
        let document = try Self.parse(svg)
        #expect(document.elements.first?.name == "svg")
        #expect(document.elements.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(document.elements.first?.attributes["viewBox"] == "0 0 640 360")
        #expect(document.elements.contains { $0.name == "title" })
        let names = Set(document.elements.map(\.name))
        #expect(!names.contains("script") && !names.contains("style"))
        #expect(document.elements.allSatisfy { $0.attributes["id"] == nil && !$0.attributes.keys.contains { $0.hasPrefix("on") } })
        // One bar per non-empty bin.
        let bars = document.elements.filter { $0.name == "rect" }.count - 1  // less the background
        #expect(bars == histogram.counts.filter { $0 > 0 }.count)
        // Axis labels, tick labels, the title (escaped in the source, plain once parsed) and both markers.
        #expect(document.text.contains("Dice similarity"))
        #expect(document.text.contains("Candidate pairs"))
        #expect(document.text.contains("Dice <scores> & \"pairs\""))
        #expect(svg.contains("Dice &lt;scores&gt; &amp; &quot;pairs&quot;"))
        #expect(document.text.contains("0.5") && document.text.contains("0.9"))
        #expect(document.text.contains("threshold 0.8"))
        #expect(document.text.contains("suggested "))
        // The threshold's line is vertical and sits 80% of the way along the plot (left 70, right 620).
        let lines = document.elements.filter { $0.name == "line" && $0.attributes["stroke"] == "#c0392b" }
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.attributes["x1"] == line.attributes["x2"])
        #expect(line.attributes["x1"] == "510.00")
        #expect(document.elements.contains { $0.name == "line" && $0.attributes["stroke-dasharray"] != nil })
        #expect(!svg.hasPrefix("<?xml"), "no declaration, so it can be pasted into HTML")
    }

    @Test func svgOfAnEmptyHistogramAndALogScale() throws {
        let empty = try Self.parse(ScoreHistogram().svg())
        #expect(empty.text.contains("no scores"))
        #expect(empty.elements.filter { $0.name == "rect" }.count == 1)
        #expect(!empty.elements.contains { $0.name == "line" && $0.attributes["stroke"] == "#c0392b" })

        let histogram = ScoreHistogram(scores: [Double](repeating: 0.3, count: 150_000) + [0.95], binCount: 20)
        let log = try Self.parse(histogram.svg(threshold: 0.9, scale: .logarithmic, width: 800, height: 400))
        #expect(log.elements.first?.attributes["width"] == "800")
        #expect(log.text.contains("(log scale)"))
        #expect(log.text.contains("100k"))
        #expect(log.elements.filter { $0.name == "rect" }.count == 3)
    }
}
