/// The command line being run, as the audit log records it.
enum Invocation {
    @TaskLocal static var current: String?
}
