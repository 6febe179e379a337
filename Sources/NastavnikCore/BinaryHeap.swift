/// A binary min-heap of (key, node) pairs with lazy deletion.
struct BinaryHeap {
    private var keys: [Int64] = []
    private var nodes: [Int32] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Int64, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var i = keys.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if keys[parent] <= keys[i] { break }
            keys.swapAt(parent, i)
            nodes.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> (Int64, Int32)? {
        guard let first = keys.first else { return nil }
        let node = nodes[0]
        let lastKey = keys.removeLast()
        let lastNode = nodes.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            nodes[0] = lastNode
            var i = 0
            let count = keys.count
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var smallest = i
                if l < count && keys[l] < keys[smallest] { smallest = l }
                if r < count && keys[r] < keys[smallest] { smallest = r }
                if smallest == i { break }
                keys.swapAt(i, smallest)
                nodes.swapAt(i, smallest)
                i = smallest
            }
        }
        return (first, node)
    }
}
