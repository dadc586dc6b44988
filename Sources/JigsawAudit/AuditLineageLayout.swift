/// Where to draw each file and run of an ``AuditLineage``, left to right, in the manner of Sugiyama's
/// layered drawing.
///
/// 1. Layers by longest path: a run sits one layer after the latest file it reads, a file one layer after
///    the run that wrote it; runs take odd layers and files even ones, and a file made outside the log sits
///    just before its first reader.
/// 2. An edge spanning several layers passes through a small placeholder in each, so the ordering sees it.
/// 3. Each connected part of the graph (one project's pipeline, a separate suppression) is drawn as its own
///    band, one below the other, in the order its first file or run appears.
/// 4. Within a band, each layer is ordered by the barycentre of its neighbours, sweeping left and right,
///    keeping the ordering with the fewest crossings.
/// 5. Vertical places: each node as close as it can be to the mean of its neighbours, keeping the order and
///    the spacing (an isotonic regression per layer), a few sweeps.
///
/// Everything is deterministic: the same lineage gives the same coordinates.
struct AuditLineageLayout {
    /// What a node stands for.
    enum Item: Equatable {
        case file(Int)
        case run(Int)
        case placeholder
    }

    /// A node to draw (or, for a placeholder, a bend of an edge).
    struct Node {
        var item: Item
        var layer: Int
        /// The lines of its main label (a file name wrapped; a run's command).
        var lines: [String]
        var height: Double
        /// The vertical centre.
        var y: Double = 0
    }

    /// The nodes an edge of the lineage goes through.
    struct Route {
        var edge: AuditLineage.Edge
        var from: Int
        var to: Int
        var via: [Int]
    }

    static let fileWidth = 168.0
    static let runWidth = 128.0
    static let layerGap = 40.0
    static let margin = 12.0
    static let spacing = 12.0
    static let bandGap = 26.0
    static let placeholderHeight = 4.0
    /// Characters of a 12 px label that fit a file box.
    static let fileLabelCharacters = 21
    static let runLabelCharacters = 16

    private(set) var nodes: [Node] = []
    private(set) var layers: [[Int]] = []
    private(set) var routes: [Route] = []
    private(set) var layerX: [Double] = []
    private(set) var layerWidth: [Double] = []
    private(set) var width = 0.0
    private(set) var height = 0.0
    private var predecessors: [[Int]] = []
    private var successors: [[Int]] = []

    /// Lays out `lineage`.
    init(_ lineage: AuditLineage) {
        let fileNodes = assignLayers(lineage)
        addRoutes(lineage, fileNodes: fileNodes)
        var top = Self.margin
        var ordered = [[Int]](repeating: [], count: layers.count)
        for band in bands() {
            let bandLayers = orderLayers(layers.map { $0.filter(band.contains) })
            top = placeVertically(bandLayers, top: top) + Self.bandGap
            for (layer, members) in bandLayers.enumerated() { ordered[layer] += members }
        }
        layers = ordered
        height = top - Self.bandGap + Self.margin
        placeHorizontally()
    }

    /// The number of edge crossings between adjacent layers, as drawn.
    var crossingCount: Int { crossings(layers) }

    /// The left edge of `node`.
    func x(of node: Int) -> Double { layerX[nodes[node].layer] }

    /// The width of `node`'s box.
    func width(of node: Int) -> Double { layerWidth[nodes[node].layer] }

    // MARK: - Layers

    /// Creates the file and run nodes with their layers; returns the node of each file.
    private mutating func assignLayers(_ lineage: AuditLineage) -> [Int] {
        var fileLayer = [Int](repeating: 0, count: lineage.files.count)
        var runLayer = [Int](repeating: 1, count: lineage.runs.count)
        for (position, run) in lineage.runs.enumerated() {
            let latest = run.inputs.map { lineage.files[$0].producer == nil ? 0 : fileLayer[$0] }.max() ?? 0
            runLayer[position] = latest + 1
            for output in run.outputs { fileLayer[output] = latest + 2 }
        }
        for (index, file) in lineage.files.enumerated() where file.producer == nil {
            fileLayer[index] = (file.consumers.map { runLayer[$0] }.min() ?? 1) - 1
        }
        let lowest = min(fileLayer.min() ?? 0, runLayer.min() ?? 0)
        var fileNodes: [Int] = []
        for (index, file) in lineage.files.enumerated() {
            let lines = AuditReportText.wrap(file.label, width: Self.fileLabelCharacters)
            fileNodes.append(nodes.count)
            nodes.append(Node(item: .file(index), layer: fileLayer[index] - lowest, lines: lines, height: 23 + 15 * Double(lines.count)))
        }
        for (position, run) in lineage.runs.enumerated() {
            let label = AuditReportText.middleEllipsis("#\(run.sequence) \(run.command)", width: Self.runLabelCharacters)
            nodes.append(Node(item: .run(position), layer: runLayer[position] - lowest, lines: [label], height: 38))
        }
        return fileNodes
    }

    /// Adds a route per edge, with a placeholder in every layer it crosses, and the neighbour lists.
    private mutating func addRoutes(_ lineage: AuditLineage, fileNodes: [Int]) {
        let runBase = lineage.files.count
        func node(_ end: AuditLineage.Edge.End) -> Int {
            switch end {
            case .file(let index): fileNodes[index]
            case .run(let position): runBase + position
            }
        }
        for edge in lineage.edges {
            let (from, to) = (node(edge.from), node(edge.to))
            var via: [Int] = []
            if nodes[to].layer - nodes[from].layer > 1 {
                for layer in (nodes[from].layer + 1)..<nodes[to].layer {
                    via.append(nodes.count)
                    nodes.append(Node(item: .placeholder, layer: layer, lines: [], height: Self.placeholderHeight))
                }
            }
            routes.append(Route(edge: edge, from: from, to: to, via: via))
        }
        predecessors = Array(repeating: [], count: nodes.count)
        successors = Array(repeating: [], count: nodes.count)
        for route in routes {
            let chain = [route.from] + route.via + [route.to]
            for (a, b) in zip(chain, chain.dropFirst()) {
                successors[a].append(b)
                predecessors[b].append(a)
            }
        }
        let layerCount = (nodes.map(\.layer).max() ?? -1) + 1
        layers = Array(repeating: [], count: layerCount)
        for index in nodes.indices { layers[nodes[index].layer].append(index) }
    }

    // MARK: - Bands

    /// The connected parts of the graph, each as a set of nodes, in the order of their first node.
    private func bands() -> [Set<Int>] {
        var band = [Int](repeating: -1, count: nodes.count)
        var out: [Set<Int>] = []
        for start in nodes.indices where band[start] < 0 {
            var members: Set<Int> = [start]
            var stack = [start]
            band[start] = out.count
            while let node = stack.popLast() {
                for next in predecessors[node] + successors[node] where band[next] < 0 {
                    band[next] = out.count
                    members.insert(next)
                    stack.append(next)
                }
            }
            out.append(members)
        }
        return out
    }

    // MARK: - Order

    private func crossings(_ layers: [[Int]]) -> Int {
        var position = [Int](repeating: 0, count: nodes.count)
        for layer in layers { for (i, node) in layer.enumerated() { position[node] = i } }
        var total = 0
        for layer in layers.dropLast() {
            var segments: [(Int, Int)] = []
            for node in layer { for next in successors[node] { segments.append((position[node], position[next])) } }
            for i in segments.indices {
                for j in (i + 1)..<segments.count {
                    let (a, b) = (segments[i], segments[j])
                    if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) { total += 1 }
                }
            }
        }
        return total
    }

    /// The layers reordered to reduce crossings.
    private func orderLayers(_ layers: [[Int]]) -> [[Int]] {
        guard layers.count > 1 else { return layers }
        var best = layers
        var fewest = crossings(layers)
        var current = layers
        for sweep in 0..<12 where fewest > 0 {
            let down = sweep % 2 == 0
            let order = down ? Array(1..<current.count) : Array((0..<(current.count - 1)).reversed())
            for layer in order {
                var position = [Int: Int]()
                for (i, node) in current[down ? layer - 1 : layer + 1].enumerated() { position[node] = i }
                current[layer] = Self.reorder(current[layer]) { node in
                    let neighbours = (down ? predecessors[node] : successors[node]).compactMap { position[$0] }
                    return neighbours.isEmpty ? nil : Double(neighbours.reduce(0, +)) / Double(neighbours.count)
                }
            }
            let count = crossings(current)
            if count < fewest { (best, fewest) = (current, count) }
        }
        return best
    }

    /// Sorts the nodes that have a barycentre among their own slots, leaving the others where they are.
    private static func reorder(_ layer: [Int], barycentre: (Int) -> Double?) -> [Int] {
        let keyed = layer.enumerated().map { (slot: $0.offset, node: $0.element, key: barycentre($0.element)) }
        let movable = keyed.filter { $0.key != nil }.sorted { a, b in
            a.key! != b.key! ? a.key! < b.key! : a.slot < b.slot
        }
        var out = layer
        for (slot, item) in zip(keyed.filter { $0.key != nil }.map(\.slot), movable) { out[slot] = item.node }
        return out
    }

    // MARK: - Coordinates

    /// Places the nodes of one band vertically, its top at `top`; returns its bottom.
    private mutating func placeVertically(_ layers: [[Int]], top: Double) -> Double {
        for layer in layers {
            var y = 0.0
            for node in layer {
                nodes[node].y = y + nodes[node].height / 2
                y += nodes[node].height + Self.spacing
            }
        }
        func mean(_ neighbours: [Int]) -> Double? {
            neighbours.isEmpty ? nil : neighbours.map { nodes[$0].y }.reduce(0, +) / Double(neighbours.count)
        }
        for _ in 0..<10 {
            for layer in layers.dropFirst() { place(layer, desired: layer.map { mean(predecessors[$0]) }) }
            for layer in layers.dropLast().reversed() { place(layer, desired: layer.map { mean(successors[$0]) }) }
        }
        for layer in layers { place(layer, desired: layer.map { mean(predecessors[$0] + successors[$0]) }) }
        let members = layers.flatMap { $0 }
        let highest = members.map { nodes[$0].y - nodes[$0].height / 2 }.min() ?? 0
        for node in members { nodes[node].y += top - highest }
        return members.map { nodes[$0].y + nodes[$0].height / 2 }.max() ?? top
    }

    /// Moves the nodes of a layer as near their desired centres (`nil`: where it is) as the order and spacing
    /// allow (least squares, by pooling adjacent violators).
    private mutating func place(_ members: [Int], desired: [Double?]) {
        guard !members.isEmpty else { return }
        var offsets = [0.0]
        for (a, b) in zip(members, members.dropFirst()) {
            offsets.append(offsets.last! + nodes[a].height / 2 + Self.spacing + nodes[b].height / 2)
        }
        var blocks: [(sum: Double, count: Int)] = []
        for (i, node) in members.enumerated() {
            blocks.append(((desired[i] ?? nodes[node].y) - offsets[i], 1))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1], previous = blocks[blocks.count - 2]
                guard previous.sum / Double(previous.count) > last.sum / Double(last.count) else { break }
                blocks.removeLast(2)
                blocks.append((previous.sum + last.sum, previous.count + last.count))
            }
        }
        var i = 0
        for block in blocks {
            let level = block.sum / Double(block.count)
            for _ in 0..<block.count {
                nodes[members[i]].y = level + offsets[i]
                i += 1
            }
        }
    }

    private mutating func placeHorizontally() {
        var x = Self.margin
        for layer in layers {
            let holdsFiles = layer.contains { if case .file = nodes[$0].item { true } else { false } }
            let holdsRuns = layer.contains { if case .run = nodes[$0].item { true } else { false } }
            let layerWidth = holdsFiles || !holdsRuns ? Self.fileWidth : Self.runWidth
            layerX.append(x)
            self.layerWidth.append(layerWidth)
            x += layerWidth + Self.layerGap
        }
        width = x - Self.layerGap + Self.margin
    }
}
