import ToedelingTestSupport
import ArgumentParser
import Foundation
import Taaktoedeling
import Testing

@testable import AdminCommands

@Suite struct ParsingTests {
    @Test(arguments: [
        (["migrate"], "MigrateCommand"),
        (["migrate", "--database-url", "postgresql://h/db"], "MigrateCommand"),
        (["token", "create", "--rol", "coordinator", "--naam", "Coördinator BZK"], "TokenCreateCommand"),
        (["token", "create", "--rol", "koepel", "--naam", "VNG-loket", "--koepel", "VNG"], "TokenCreateCommand"),
        (["token", "create", "--rol", "liaison", "--naam", "Liaison TK"], "TokenCreateCommand"),
        (["token", "list"], "TokenListCommand"),
        (["token", "revoke", "6f1c1e52-0d3a-4f8e-9d1b-2a8f0c7e5b41"], "TokenRevokeCommand"),
        (["dossier", "list"], "DossierListCommand"),
        (["dossier", "list", "--fase", "udoAfgerond", "--vakdepartement", "SZW"], "DossierListCommand"),
        (["dossier", "show", "TT-2026-0001"], "DossierShowCommand"),
        (["dossier", "show", "6f1c1e52-0d3a-4f8e-9d1b-2a8f0c7e5b41", "--peildatum", "2026-03-01"], "DossierShowCommand"),
        (["dossier", "timeline", "TT-2026-0001", "--peildatum", "2026-03-01T12:00:00Z"], "DossierTimelineCommand"),
        (["report", "stand-van-zaken", "--peildatum", "2026-03-01"], "StandVanZakenCommand"),
        (["report", "stand-van-zaken", "--peildatum", "2026-03-01", "--format", "csv"], "StandVanZakenCommand"),
        (["projections", "rebuild"], "ProjectionsRebuildCommand"),
        (["verify"], "VerifyCommand"),
        (["export"], "ExportCommand"),
        (["export", "--output", "/tmp/x.jsonl"], "ExportCommand"),
        (["import", "--input", "/tmp/x.jsonl"], "ImportCommand"),
        (["import"], "ImportCommand"),
    ])
    func everyCommandParsesItsArguments(arguments: [String], command: String) throws {
        let parsed = try ToedelingAdmin.parseAsRoot(arguments)
        #expect(String(describing: type(of: parsed)) == command)
    }

    @Test func parsedOptionsCarryTheirValues() throws {
        let create = try #require(try ToedelingAdmin.parseAsRoot(["token", "create", "--rol", "koepel", "--naam", "IPO", "--koepel", "IPO"]) as? TokenCreateCommand)
        #expect(try create.capaciteit.hoedanigheid() == .koepel(.IPO))
        #expect(create.naam == "IPO")
        let report = try #require(try ToedelingAdmin.parseAsRoot(["report", "stand-van-zaken", "--peildatum", "2026-03-01"]) as? StandVanZakenCommand)
        #expect(report.format == .json)
        #expect(report.peildatum == Peildatum("2026-03-01"))
        let show = try #require(try ToedelingAdmin.parseAsRoot(["dossier", "show", "TT-2026-0012"]) as? DossierShowCommand)
        #expect(show.dossier == .kenmerk(Kenmerk(jaar: 2026, volgnummer: 12)!))
        let list = try #require(try ToedelingAdmin.parseAsRoot(["dossier", "list", "--fase", "besloten"]) as? DossierListCommand)
        #expect(list.fase == .besloten)
        let export = try #require(try ToedelingAdmin.parseAsRoot(["export", "--database-url", "host=db"]) as? ExportCommand)
        #expect(export.database.connectionString(in: emptyContext(environment: ["DATABASE_URL": "host=env"])) == "host=db")
        #expect(export.output == nil)
    }

    @Test func theDatabaseDefaultsToDatabaseURLThenToLibpqDefaults() throws {
        let verify = try #require(try ToedelingAdmin.parseAsRoot(["verify"]) as? VerifyCommand)
        #expect(verify.database.connectionString(in: emptyContext(environment: ["DATABASE_URL": "host=env dbname=x"])) == "host=env dbname=x")
        #expect(verify.database.connectionString(in: emptyContext(environment: [:])) == "")
    }

    @Test(arguments: [
        ["token", "create", "--rol", "koepel", "--naam", "VNG-loket"],
        ["token", "create", "--rol", "coordinator", "--naam", "BZK", "--koepel", "VNG"],
        ["token", "create", "--rol", "minister", "--naam", "BZK"],
        ["token", "create", "--rol", "koepel", "--naam", "X", "--koepel", "NVvB"],
        ["token", "create", "--rol", "liaison", "--naam", "  "],
        ["token", "create", "--rol", "liaison"],
        ["token", "revoke", "not-a-uuid"],
        ["token", "revoke"],
        ["report", "stand-van-zaken", "--peildatum", "2026-03-01", "--format", "pdf"],
        ["report", "stand-van-zaken", "--peildatum", "1 maart 2026"],
        ["report", "stand-van-zaken"],
        ["dossier", "list", "--fase", "heropend"],
        ["dossier", "show", "dossier-7"],
        ["dossier", "show"],
        ["dossier", "timeline", "TT-2026-0001", "--peildatum", "gisteren"],
        ["export", "--output"],
        ["frobnicate"],
        ["verify", "--unknown"],
    ])
    func badArgumentsAreAUsageErrorThatTouchesNoDatabase(arguments: [String]) async throws {
        let run = await AdminRun.run(arguments, databaseURL: "postgresql://127.0.0.1:1/unreachable")
        #expect(run.code == 64)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains("Usage:") || run.errors.contains("Error:"))
        #expect(!run.errors.contains("cannot reach PostgreSQL"))
    }

    @Test func aKoepelTokenWithoutItsKoepelSaysWhatIsMissing() async throws {
        let run = await AdminRun.run(["token", "create", "--rol", "koepel", "--naam", "VNG-loket"])
        #expect(run.code == 64)
        #expect(run.errors.contains("--koepel"))
    }

    @Test func helpIsPrintedOnStandardOutputWithSuccess() async throws {
        let root = await AdminRun.run(["--help"])
        #expect(root.code == 0)
        for name in ["migrate", "token", "dossier", "report", "projections", "verify", "export", "import"] {
            #expect(root.text.contains(name))
        }
        let group = await AdminRun.run(["token"])
        #expect(group.code == 0)
        #expect(group.text.contains("revoke"))
    }

    @Test func anUnreachableDatabaseIsOneLineOnStandardErrorAndExitOne() async throws {
        let run = await AdminRun.run(["token", "list"], databaseURL: "postgresql://127.0.0.1:1/unreachable?connect_timeout=2")
        #expect(run.code == 1)
        #expect(run.output.isEmpty)
        let lines = run.errors.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(run.errors.hasPrefix("toedeling-admin: cannot reach PostgreSQL"))
        #expect(!run.errors.contains("SELECT"))
    }

    private func emptyContext(environment: [String: String]) -> AdminContext {
        AdminContext(output: AdminOutput { _ in }, errors: AdminOutput { _ in }, readInputLine: { nil }, environment: environment, showsProgress: false)
    }
}
