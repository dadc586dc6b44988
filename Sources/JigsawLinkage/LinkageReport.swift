/// What the linkage project's HTML report shows: counts, rates and a histogram, never a record id.
///
/// A report always has the links by stage and the similarity histogram of the fuzzy links; each optional
/// part adds a section: ``evaluation`` (precision, recall and F1 against known true pairs), ``councils``
/// (the share of each council's records that were linked), ``published`` (the published table with its
/// suppressions) and ``documents`` (relative links to local files such as the IG audit report).
/// ``LinkageReportHTML`` renders it.
///
/// Nothing in the model holds an id: the caller reduces links to stage names, scores and counts before
/// building it, so a report cannot leak the ids it was made from.
public struct LinkageReport: Sendable {
    /// The number of links one stage made.
    public struct StageCount: Sendable, Hashable {
        /// The stage's name, such as `exact:nhs_number` or `fuzzy`.
        public var stage: String
        /// The links it made.
        public var links: Int

        /// Creates a stage count.
        /// - Parameters:
        ///   - stage: the stage's name.
        ///   - links: the links it made.
        public init(stage: String, links: Int) {
            self.stage = stage
            self.links = links
        }
    }

    /// How many of one council's records were linked.
    public struct CouncilRate: Sendable, Hashable {
        /// The council's name or code, as the left file gives it.
        public var council: String
        /// The council's records in the left file.
        public var records: Int
        /// Those of them named by a link.
        public var linked: Int

        /// Creates a council's rate.
        /// - Parameters:
        ///   - council: the council.
        ///   - records: its records.
        ///   - linked: those linked.
        public init(council: String, records: Int, linked: Int) {
            self.council = council
            self.records = records
            self.linked = linked
        }

        /// linked / records; `nil` when the council has no records.
        public var rate: Double? { records == 0 ? nil : Double(linked) / Double(records) }
    }

    /// A local file the report links to, by a path relative to the report's folder.
    public struct Document: Sendable, Hashable {
        /// The link's text.
        public var label: String
        /// The path, relative to the folder of the report, with `/` between components.
        public let relativePath: String

        /// Creates a link to a local file, or `nil` when `relativePath` is not a plain relative path: empty,
        /// absolute (`/…`), or holding a `:` (which could make it a URL such as `https:` or `javascript:`),
        /// a `\`, `?` or `#`, or a control character.
        /// - Parameters:
        ///   - label: the link's text.
        ///   - relativePath: the path relative to the report's folder.
        public init?(label: String, relativePath: String) {
            guard !relativePath.isEmpty, !relativePath.hasPrefix("/"),
                  !relativePath.unicodeScalars.contains(where: { ":\\?#".unicodeScalars.contains($0) || $0.value < 0x20 || $0.value == 0x7F })
            else { return nil }
            self.label = label
            self.relativePath = relativePath
        }
    }

    /// The title, in the page's `<title>` and main heading.
    public var title: String
    /// The links file's name, as shown in the summary.
    public var linksFile: String
    /// Links per stage, in the order the stages first appear in the links file.
    public var stages: [StageCount]
    /// The similarity of every fuzzy link.
    public var scores: ScoreHistogram
    /// The threshold the fuzzy stage used, marked on the histogram.
    public var threshold: Double?
    /// Precision, recall and F1 against known true pairs; `nil` for no such section.
    public var evaluation: LinkageEvaluation?
    /// The name of the column ``evaluation`` is grouped by.
    public var groupColumn: String?
    /// The name of the left file's council column.
    public var councilColumn: String
    /// Each council's records and links, in the order given; empty for no such section.
    public var councils: [CouncilRate]
    /// The published table; `nil` for no such section.
    public var published: PublishedCells?
    /// Local files to link to; empty for no such section.
    public var documents: [Document]
    /// When the report was made (shown as given, such as `2026-12-01T09:00:00Z`); `nil` leaves it out, so
    /// that the same inputs give the same bytes.
    public var generatedAt: String?

    /// Creates a report with its two standing sections; set the optional ones afterwards.
    /// - Parameters:
    ///   - linksFile: the links file's name.
    ///   - stages: links per stage.
    ///   - scores: the fuzzy links' similarities.
    ///   - threshold: the fuzzy stage's threshold, if known.
    ///   - title: the page's title.
    public init(linksFile: String, stages: [StageCount], scores: ScoreHistogram, threshold: Double? = nil,
                title: String = "Jigsaw linkage report") {
        self.title = title
        self.linksFile = linksFile
        self.stages = stages
        self.scores = scores
        self.threshold = threshold
        self.evaluation = nil
        self.groupColumn = nil
        self.councilColumn = "council"
        self.councils = []
        self.published = nil
        self.documents = []
        self.generatedAt = nil
    }

    /// All links, over every stage.
    public var totalLinks: Int { stages.reduce(0) { $0 + $1.links } }

    /// Counts stage names in the order each first appears.
    /// - Parameter stages: one stage name per link.
    /// - Returns: one count per stage.
    /// - Complexity: O(*n*) for *n* links.
    public static func stageCounts(_ stages: some Sequence<String>) -> [StageCount] {
        var index: [String: Int] = [:]
        var counts: [StageCount] = []
        for stage in stages {
            if let i = index[stage] {
                counts[i].links += 1
            } else {
                index[stage] = counts.count
                counts.append(StageCount(stage: stage, links: 1))
            }
        }
        return counts
    }

    /// A histogram for fuzzy-link similarities: bins 0.01 wide from a multiple of 0.05 at or below both the
    /// threshold and the least score (at most 0.95) up to 1.
    /// - Parameters:
    ///   - scores: the fuzzy links' similarities.
    ///   - threshold: the threshold, if known.
    /// - Returns: the histogram.
    public static func histogram(of scores: [Double], threshold: Double?) -> ScoreHistogram {
        let least = min(scores.filter(\.isFinite).min() ?? 1, threshold ?? 1, 0.95)
        let lower = max(0, (least * 20 + 1e-9).rounded(.down) / 20)
        let bins = max(1, Int(((1 - lower) * 100).rounded()))
        return ScoreHistogram(scores: scores, binCount: bins, range: lower...1)
    }
}
