import Foundation

/// The file formats a governing document's version may have.
public enum DocumentFileKind: String, LabelledValue {
    case pdf
    case docx
    case markdown

    public var label: Localized {
        switch self {
        case .pdf: Localized(verbatim: "PDF")
        case .docx: Localized(verbatim: "Word (DOCX)")
        case .markdown: Localized(verbatim: "Markdown")
        }
    }

    /// The media type the file is served with.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .markdown: "text/markdown; charset=utf-8"
        }
    }

    /// The kind a file name's extension claims, nil for any other.
    public static func claimed(byName name: String) -> DocumentFileKind? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "pdf": return .pdf
        case "docx": return .docx
        case "md", "markdown": return .markdown
        default: return nil
        }
    }

    /// The kind the content shows by its first bytes. A DOCX is a ZIP holding a `word/` folder; Markdown is
    /// text: valid UTF-8 without NUL or other control characters than tab and line breaks.
    public static func detected(in bytes: [UInt8]) -> DocumentFileKind? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let marker = Array("word/".utf8)
            let limit = bytes.count - marker.count
            if limit >= 0 {
                for i in 0...limit where bytes[i] == marker[0] && Array(bytes[i..<(i + marker.count)]) == marker {
                    return .docx
                }
            }
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        let allowed: Set<Unicode.Scalar> = ["\t", "\n", "\r"]
        let hasControl = text.unicodeScalars.contains {
            ($0.value < 0x20 && !allowed.contains($0)) || $0.value == 0x7F
        }
        return hasControl ? nil : .markdown
    }
}

/// Checks an uploaded file before anything is stored: its name, size and type, by extension and by content.
public enum DocumentFileCheck {
    /// Ten megabytes.
    public static let maxBytes = 10 * 1024 * 1024
    public static let maxNameLength = 200

    /// The file's kind, or every issue (`fileName` for the name, `file` for the content).
    public static func check(
        fileName: String, bytes: [UInt8], maxBytes: Int = maxBytes
    ) -> Result<DocumentFileKind, ValidationFailure> {
        var v = Validator()
        let nameIssues = nameProblems(fileName)
        v.merge(nameIssues)
        if bytes.isEmpty {
            v.add(
                "file", sv: "Filen är tom. Välj en fil att ladda upp.",
                en: "The file is empty. Choose a file to upload.")
        } else if bytes.count > maxBytes {
            v.add(
                "file", sv: "Filen är för stor (\(bytes.count) byte); högst \(maxBytes) byte.",
                en: "The file is too large (\(bytes.count) bytes); at most \(maxBytes) bytes.")
        }
        let claimed = DocumentFileKind.claimed(byName: fileName)
        if nameIssues.isEmpty && claimed == nil {
            v.add(
                "fileName", sv: "Filnamnet ska sluta på .pdf, .docx eller .md.",
                en: "The file name must end in .pdf, .docx or .md.")
        }
        if !bytes.isEmpty && bytes.count <= maxBytes, let claimed {
            let detected = DocumentFileKind.detected(in: bytes)
            if detected != claimed {
                v.add(
                    "file",
                    sv:
                        "Filens innehåll är inte \(claimed.label.sv) som namnet säger. Ladda upp en PDF-, DOCX- eller Markdown-fil.",
                    en:
                        "The file's content is not \(claimed.label.en) as its name says. Upload a PDF, DOCX or Markdown file."
                )
            }
        }
        if let kind = claimed, v.isValid { return .success(kind) }
        return .failure(ValidationFailure(issues: v.issues))
    }

    /// Refuses names that are paths, hidden, too long or carry control characters: the stored name is
    /// generated, but the user's name is shown and sent back in Content-Disposition.
    static func nameProblems(_ name: String) -> [ValidationIssue] {
        var v = Validator()
        let label = Localized(sv: "Filnamnet", en: "The file name")
        if name.trimmed.isEmpty {
            v.add("fileName", sv: "Ange filens namn.", en: "Give the file's name.")
            return v.issues
        }
        if name.unicodeScalars.count > maxNameLength {
            v.add(
                "fileName", sv: "\(label.sv) får vara högst \(maxNameLength) tecken.",
                en: "\(label.en) can be at most \(maxNameLength) characters.")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            v.add(
                "fileName", sv: "\(label.sv) får inte innehålla styrtecken.",
                en: "\(label.en) can't contain control characters.")
        }
        if name.contains("/") || name.contains("\\") || name.contains("..") || name.hasPrefix(".") {
            v.add(
                "fileName", sv: "\(label.sv) får inte vara en sökväg (/, \\, .. eller inledande punkt).",
                en: "\(label.en) can't be a path (/, \\, .. or a leading dot).")
        }
        return v.issues
    }

    /// A Content-Disposition value for `name` (already checked): an ASCII fallback and the UTF-8 name.
    public static func contentDisposition(for name: String) -> String {
        let fallback = String(
            name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != ";" && $0.value >= 0x20 ? Character($0) : "_" }
        )
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? fallback
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}

/// The answer to "which document prevails when these two conflict" (D1).
public struct PrecedenceAnswer: Sendable, Hashable {
    /// 0 for the first document, 1 for the second, nil when the profile's order doesn't decide.
    public var prevailing: Int?
    public var reason: Localized
}

/// What the precedence view needs to know about each of two documents.
public struct PrecedenceCandidate: Sendable, Hashable {
    public var title: String
    public var typeKey: String
    public var status: DocumentStatus
    public init(title: String, typeKey: String, status: DocumentStatus) {
        self.title = title
        self.typeKey = typeKey
        self.status = status
    }
}

extension GovernanceProfile {
    /// Which of two documents prevails: a repealed one governs nothing; otherwise the type that comes first
    /// in a precedence group of the profile.
    public func prevailing(_ a: PrecedenceCandidate, _ b: PrecedenceCandidate) -> PrecedenceAnswer {
        func typeName(_ key: String) -> Localized { documentType(key)?.name ?? Localized(verbatim: key) }
        switch (a.status == .repealed, b.status == .repealed) {
        case (true, false), (false, true):
            let (win, lose, index) = a.status == .repealed ? (b, a, 1) : (a, b, 0)
            return PrecedenceAnswer(
                prevailing: index,
                reason: Localized(
                    sv: "\(lose.title) är upphävt och gäller inte längre; \(win.title) gäller.",
                    en: "\(lose.title) is repealed and no longer applies; \(win.title) applies."))
        default: break
        }
        if a.typeKey == b.typeKey {
            return PrecedenceAnswer(
                prevailing: nil,
                reason: Localized(
                    sv:
                        "Båda är av typen \(typeName(a.typeKey).sv) och har samma rang. Dokument på samma nivå får inte strida mot varandra; konflikten ska lösas av beslutsinstansen.",
                    en:
                        "Both are of the type \(typeName(a.typeKey).en) and rank equally. Documents at the same level must not conflict; the deciding body must resolve it."
                ))
        }
        guard let winner = precedingDocumentType(a.typeKey, b.typeKey),
            let group = documentPrecedence.first(where: { $0.order.contains(a.typeKey) && $0.order.contains(b.typeKey) }
            )
        else {
            return PrecedenceAnswer(
                prevailing: nil,
                reason: Localized(
                    sv:
                        "Styrningsprofilen ordnar inte \(typeName(a.typeKey).sv) och \(typeName(b.typeKey).sv) i samma företrädesordning.",
                    en:
                        "The governance profile does not order \(typeName(a.typeKey).en) and \(typeName(b.typeKey).en) in one precedence order."
                ))
        }
        let (win, lose) = winner == a.typeKey ? (a, b) : (b, a)
        let source = group.source.map { " (\($0))" } ?? ""
        return PrecedenceAnswer(
            prevailing: winner == a.typeKey ? 0 : 1,
            reason: Localized(
                sv:
                    "\(typeName(win.typeKey).sv) går före \(typeName(lose.typeKey).sv) i ordningen \(group.name.sv)\(source): \(win.title) gäller före \(lose.title).",
                en:
                    "\(typeName(win.typeKey).en) ranks above \(typeName(lose.typeKey).en) in the order \(group.name.en)\(source): \(win.title) prevails over \(lose.title)."
            ))
    }
}
