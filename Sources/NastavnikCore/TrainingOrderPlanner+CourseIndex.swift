extension TrainingOrderPlanner {
    /// The order's open courses kept by what they answer — each topic, any subject, cross-subject —
    /// and within each by the subjects they are for, each group a heap by `PlanCourse.preference`.
    /// The best course of a kind for someone is then the least of a few heap tops, not a scan of
    /// the catalogue: 22,000 candidates against 2,000 courses cost milliseconds.
    ///
    /// Seats only go down, so an entry whose preference (its seats) differs from the course's is
    /// stale and dropped when it reaches the top (`reprice` pushes the course again with its new seats).
    struct CourseIndex {
        /// The distinct subject lists of the courses; a person fits all courses of one alike.
        private(set) var signatures: [[String]] = []
        /// The courses of each id (ids are the catalogue's, normally one course each).
        private(set) var byID: [Int64: [Int]] = [:]
        /// The kind of course answering a folded topic.
        private(set) var byTopic: [String: Int] = [:]
        /// Courses for some subjects, and courses for any subject.
        let ofSubject: Int
        let crossSubject: Int
        private var signatureOf: [Int] = []
        /// Per kind, its groups (indices into `groups`).
        private var kinds: [[Int]] = []
        private var groups: [(signature: Int, heap: BinaryHeap<Entry>)] = []
        /// The groups each course is in.
        private var groupsOf: [[Int]] = []

        init(_ courses: [PlanCourse]) {
            let (ofSubject, crossSubject) = (0, 1)
            var signatures: [[String]] = []
            var signatureIndex: [[String]: Int] = [:]
            var byTopic: [String: Int] = [:]
            var kinds: [[Int]] = [[], []]
            var groups: [(signature: Int, heap: BinaryHeap<Entry>)] = []
            var groupIndex: [Int: [Int: Int]] = [:]  // kind → signature → group
            var groupsOf = Array(repeating: [Int](), count: courses.count)
            for (i, course) in courses.enumerated() {
                let signature: Int
                if let known = signatureIndex[course.subjects] {
                    signature = known
                } else {
                    signature = signatures.count
                    signatures.append(course.subjects)
                    signatureIndex[course.subjects] = signature
                }
                signatureOf.append(signature)
                byID[course.id, default: []].append(i)
                var courseKinds = [course.subjects.isEmpty ? crossSubject : ofSubject]
                for topic in course.foldedTopics {
                    if byTopic[topic] == nil {
                        byTopic[topic] = kinds.count
                        kinds.append([])
                    }
                    courseKinds.append(byTopic[topic]!)
                }
                for kind in courseKinds {
                    if groupIndex[kind]?[signature] == nil {
                        groupIndex[kind, default: [:]][signature] = groups.count
                        kinds[kind].append(groups.count)
                        groups.append((signature, BinaryHeap()))
                    }
                    let group = groupIndex[kind]![signature]!
                    groupsOf[i].append(group)
                    groups[group].heap.push(Entry(course, index: i))
                }
            }
            (self.ofSubject, self.crossSubject) = (ofSubject, crossSubject)
            (self.signatures, self.byTopic) = (signatures, byTopic)
            (self.kinds, self.groups, self.groupsOf) = (kinds, groups, groupsOf)
        }

        /// The signature of the course at `index`.
        func signature(of index: Int) -> Int { signatureOf[index] }

        /// The most preferred course with seats left among the courses of `kindsAsked` whose
        /// subjects `fits` (by signature) allows; nil when there is none.
        mutating func best(among kindsAsked: [Int], courses: [PlanCourse], fits: [Bool]) -> Int? {
            var best: Entry?
            for kind in kindsAsked {
                for group in kinds[kind] where fits[groups[group].signature] {
                    while let top = groups[group].heap.top {
                        let course = courses[top.index]
                        if course.preference == top.preference && course.seatsLeft.map({ $0 > 0 }) ?? true { break }
                        groups[group].heap.pop()
                    }
                    if let top = groups[group].heap.top, best.map({ top < $0 }) ?? true { best = top }
                }
            }
            return best?.index
        }

        /// After a seat of the course at `index` is taken: its new place in every group, if it has seats left.
        mutating func reprice(_ index: Int, courses: [PlanCourse]) {
            guard courses[index].seatsLeft.map({ $0 > 0 }) ?? true else { return }
            for group in groupsOf[index] { groups[group].heap.push(Entry(courses[index], index: index)) }
        }
    }

    /// A course in a heap as it was when pushed: `PlanCourse.preference`, then the catalogue's order.
    struct Entry: Comparable {
        let preference: (ProviderRank, Double, Int, Int64)
        let index: Int

        init(_ course: PlanCourse, index: Int) { (preference, self.index) = (course.preference, index) }

        static func < (a: Entry, b: Entry) -> Bool {
            a.preference < b.preference || (a.preference == b.preference && a.index < b.index)
        }

        static func == (a: Entry, b: Entry) -> Bool { a.preference == b.preference && a.index == b.index }
    }
}
