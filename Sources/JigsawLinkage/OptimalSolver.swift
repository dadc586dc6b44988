/// One-to-one matching that maximises the total similarity within each connected component of the
/// candidate graph (the Hungarian method), instead of taking the best pair first.
///
/// Greedy can lose two good links to one slightly better one; this solver keeps the assignment with the
/// largest sum of similarities. Components larger than ``maximumComponent`` records are solved greedily
/// (the Hungarian method is cubic in the component's size); ``solve(_:leftMatched:rightMatched:)`` returns
/// how many were.
/// Hand-written: no Swift package here offers an assignment solver.
public enum OptimalSolver {
    /// The largest component (left plus right records) solved exactly.
    public static let maximumComponent = 2_000

    /// Solves `pairs` one-to-one, skipping records already matched.
    /// - Parameters:
    ///   - pairs: candidate pairs (any order; results are deterministic for a given set).
    ///   - leftMatched: left records already matched; updated.
    ///   - rightMatched: right records already matched; updated.
    /// - Returns: indices into `pairs` of the pairs kept, and how many components were too large and solved greedily.
    public static func solve(_ pairs: [CandidatePair], leftMatched: inout [Bool], rightMatched: inout [Bool]) -> (kept: [Int], greedyComponents: Int) {
        let usable = pairs.indices.filter { !leftMatched[Int(pairs[$0].left)] && !rightMatched[Int(pairs[$0].right)] }
        // Connected components by union-find over left (even) and right (odd) record nodes.
        var parent: [Int: Int] = [:]
        func find(_ x: Int) -> Int {
            var root = x
            while let p = parent[root], p != root { root = p }
            var node = x
            while let p = parent[node], p != root { parent[node] = root; node = p }
            return root
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for index in usable {
            let l = 2 * Int(pairs[index].left), r = 2 * Int(pairs[index].right) + 1
            if parent[l] == nil { parent[l] = l }
            if parent[r] == nil { parent[r] = r }
            union(l, r)
        }
        var components: [Int: [Int]] = [:]
        for index in usable { components[find(2 * Int(pairs[index].left)), default: []].append(index) }
        var kept: [Int] = []
        var greedyComponents = 0
        for root in components.keys.sorted() {
            let members = components[root]!
            let lefts = Array(Set(members.map { pairs[$0].left })).sorted()
            let rights = Array(Set(members.map { pairs[$0].right })).sorted()
            if lefts.count + rights.count > maximumComponent {
                greedyComponents += 1
                let ordered = members.sorted { CandidatePair.precedes(pairs[$0], pairs[$1]) }
                let chosen = GreedySolver.solve(ordered.map { pairs[$0] }, leftMatched: &leftMatched, rightMatched: &rightMatched)
                kept.append(contentsOf: chosen.map { ordered[$0] })
                continue
            }
            let leftSlot = Dictionary(uniqueKeysWithValues: lefts.enumerated().map { ($1, $0) })
            let rightSlot = Dictionary(uniqueKeysWithValues: rights.enumerated().map { ($1, $0) })
            let size = max(lefts.count, rights.count)
            // Cost = −similarity for candidate edges, 0 for "no link"; minimising cost maximises similarity.
            var cost = [Double](repeating: 0, count: size * size)
            var edge = [Int](repeating: -1, count: size * size)
            for index in members {
                let cell = leftSlot[pairs[index].left]! * size + rightSlot[pairs[index].right]!
                if edge[cell] < 0 || pairs[index].similarity > -cost[cell] {
                    cost[cell] = -pairs[index].similarity
                    edge[cell] = index
                }
            }
            let assignment = hungarian(cost, size: size)
            for (row, column) in assignment.enumerated() {
                let index = edge[row * size + column]
                guard index >= 0 else { continue }
                kept.append(index)
                leftMatched[Int(pairs[index].left)] = true
                rightMatched[Int(pairs[index].right)] = true
            }
        }
        kept.sort { CandidatePair.precedes(pairs[$0], pairs[$1]) }
        return (kept, greedyComponents)
    }

    /// Minimum-cost perfect assignment on a square matrix (Hungarian method with potentials, O(n³)).
    /// - Returns: for each row, the column assigned.
    static func hungarian(_ cost: [Double], size n: Int) -> [Int] {
        let infinity = Double.infinity
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: n + 1)
        var p = [Int](repeating: 0, count: n + 1), way = [Int](repeating: 0, count: n + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            var minv = [Double](repeating: infinity, count: n + 1)
            var used = [Bool](repeating: false, count: n + 1)
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = infinity
                var j1 = 0
                for j in 1...n where !used[j] {
                    let current = cost[(i0 - 1) * n + (j - 1)] - u[i0] - v[j]
                    if current < minv[j] { minv[j] = current; way[j] = j0 }
                    if minv[j] < delta { delta = minv[j]; j1 = j }
                }
                for j in 0...n {
                    if used[j] { u[p[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var assignment = [Int](repeating: 0, count: n)
        for j in 1...n where p[j] > 0 { assignment[p[j] - 1] = j - 1 }
        return assignment
    }
}
