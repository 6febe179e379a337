import ArgumentParser

/// `ТАБЕЛЬНЫЙ_НОМЕР КОД_ПРОГРАММЫ`: the worker and the course that `training enrol` and
/// `training complete` act on.
struct EnrolmentArguments: ParsableArguments {
    @Argument(help: "Табельный номер (или ФИО, если его носит один работник).")
    var staff: String

    @Argument(help: "Код программы.")
    var course: String
}
