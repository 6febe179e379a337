import ArgumentParser

/// The account a `users` subcommand acts on, and the database that holds it.
struct AccountArguments: ParsableArguments {
    @Argument(help: "Логин.") var login: String
    @OptionGroup var database: DatabaseOptions
}
