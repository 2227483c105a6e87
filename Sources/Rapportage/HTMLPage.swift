import Dossiers
import Foundation
import Taaktoedeling

/// The frame of a standalone, printable report page: doctype, Dutch language, UTF-8, the title as
/// page title and heading, the page's own print style.
enum HTMLPage {
    /// The page up to and including its heading, with `titel` escaped.
    static func begin(titel: String, stijl: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <title>\(HTMLEscaping.escape(titel))</title>
        <style>
        \(stijl)
        </style>
        </head>
        <body>
        <h1>\(HTMLEscaping.escape(titel))</h1>

        """
    }

    /// The end of the page.
    static let einde = "</body>\n</html>\n"
}
