import Foundation

/// Handlers for the small workbook parts: the sheet list, relationships, shared strings and
/// number formats.
enum XLSXParts {
    /// `xl/workbook.xml`: the sheets in workbook order and the date system.
    final class Workbook: XLSXXML.Handler {
        var sheets: [(name: String, relationship: String)] = []
        var uses1904 = false

        func start(_ name: String, attributes: XLSXXML.Attributes) -> Bool {
            switch name {
            case "sheet":
                if let sheetName = attributes["name"], let id = XLSXXML.attribute("id", in: attributes) {
                    sheets.append((sheetName, id))
                }
            case "workbookPr":
                let value = attributes["date1904"]?.lowercased()
                uses1904 = value == "1" || value == "true"
            default: break
            }
            return true
        }
        func end(_ name: String) {}
        func text(_ text: String) {}
    }

    /// A `.rels` part: relationship id → target and type.
    final class Relationships: XLSXXML.Handler {
        var targets: [String: (target: String, type: String)] = [:]

        func start(_ name: String, attributes: XLSXXML.Attributes) -> Bool {
            if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = (target, attributes["Type"] ?? "")
            }
            return true
        }
        func end(_ name: String) {}
        func text(_ text: String) {}
    }

    /// `xl/sharedStrings.xml`: each `<si>`'s text, rich-text runs joined, phonetic runs (`<rPh>`) left out.
    final class SharedStrings: XLSXXML.Handler {
        var strings: [String] = []
        private var current = ""
        private var isInItem = false, isInText = false, phoneticDepth = 0

        func start(_ name: String, attributes: XLSXXML.Attributes) -> Bool {
            switch name {
            case "si":
                isInItem = true
                current = ""
            case "t": isInText = isInItem && phoneticDepth == 0
            case "rPh": phoneticDepth += 1
            default: break
            }
            return true
        }
        func end(_ name: String) {
            switch name {
            case "si":
                strings.append(current)
                isInItem = false
            case "t": isInText = false
            case "rPh": phoneticDepth -= 1
            default: break
            }
        }
        func text(_ text: String) { if isInText { current += text } }
    }

    /// `xl/styles.xml`: which cell styles (`s` attribute, index into `cellXfs`) show numbers as
    /// dates or times.
    final class Styles: XLSXXML.Handler {
        private var customFormats: [Int: String] = [:]
        private var formatIDs: [Int] = []
        private var isInCellFormats = false

        func start(_ name: String, attributes: XLSXXML.Attributes) -> Bool {
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                    customFormats[id] = code
                }
            case "cellXfs": isInCellFormats = true
            case "xf" where isInCellFormats:
                formatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
            return true
        }
        func end(_ name: String) { if name == "cellXfs" { isInCellFormats = false } }
        func text(_ text: String) {}

        /// The date/time kind of each cell style, by style index.
        var kinds: [XLSXDates.Kind?] {
            formatIDs.map { id in customFormats[id].map(XLSXDates.kind(ofFormat:)) ?? XLSXDates.kind(ofBuiltIn: id) }
        }
    }
}
