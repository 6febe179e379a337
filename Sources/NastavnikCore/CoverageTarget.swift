/// The coverage targets of the Ставрополь roadmap and the activities each one counts.
public enum CoverageTarget: String, CaseIterable, Sendable {
    /// 2.1: «Организация мастер-классов и творческих лабораторий, консультирование, тьюторство
    /// (наставничество) … Проведение семинаров, в том числе в режиме онлайн» — «охват не менее
    /// 30 % от педагогических работников ОО».
    case methodicalSupport
    /// 2.7: «Сопровождение деятельности методических объединений педагогов: руководителей
    /// общеобразовательных организаций, учителей …» — «охват не менее 80 %».
    case methodAssociations

    public var percent: Double {
        switch self {
        case .methodicalSupport: 30
        case .methodAssociations: 80
        }
    }

    public var eventKinds: Set<EventKind> {
        switch self {
        case .methodicalSupport: [.masterClass, .creativeLab, .consultation, .seminar, .webinar]
        case .methodAssociations: [.methodAssociation]
        }
    }

    public var includesMentoring: Bool { self == .methodicalSupport }

    /// «мастер-классы, творческие лаборатории, консультации, семинары, вебинары, наставничество».
    public var russianActivities: String {
        switch self {
        case .methodicalSupport:
            "мастер-классы, творческие лаборатории, консультации, семинары и вебинары, наставничество (наставляемые)"
        case .methodAssociations: "методические объединения"
        }
    }

    /// The target a kind's coverage is measured against: the whole row it belongs to.
    public init?(kind: EventKind) {
        guard let target = CoverageTarget.allCases.first(where: { $0.eventKinds.contains(kind) }) else { return nil }
        self = target
    }

    public func counts(_ activity: Participation.Activity) -> Bool {
        switch activity {
        case .event(let kind): eventKinds.contains(kind)
        case .mentoring: includesMentoring
        }
    }
}
