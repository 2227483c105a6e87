import AdminCommands
import Foundation

/// The `toedeling-admin` program: the commands live in `AdminCommands`, where tests run them too.
@main
enum ToedelingAdminMain {
    static func main() async {
        let code = await ToedelingAdmin.execute(arguments: Array(CommandLine.arguments.dropFirst()), in: .standard)
        exit(code)
    }
}
