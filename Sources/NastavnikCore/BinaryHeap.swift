/// A binary min-heap: `pop` gives the least element. Both of its users delete lazily: an element
/// whose key has since changed is pushed again and the stale copy skipped when it surfaces.
struct BinaryHeap<Element: Comparable> {
    private var items: [Element] = []

    /// The least element, left in place.
    var top: Element? { items.first }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ element: Element) {
        items.append(element)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if !(items[i] < items[parent]) { break }
            items.swapAt(parent, i)
            i = parent
        }
    }

    /// Removes and returns the least element.
    @discardableResult
    mutating func pop() -> Element? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            let count = items.count
            while true {
                let l = 2 * i + 1
                let r = l + 1
                var smallest = i
                if l < count && items[l] < items[smallest] { smallest = l }
                if r < count && items[r] < items[smallest] { smallest = r }
                if smallest == i { break }
                items.swapAt(i, smallest)
                i = smallest
            }
        }
        return first
    }
}
