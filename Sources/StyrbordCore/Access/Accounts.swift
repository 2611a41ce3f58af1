import Foundation

/// Rules for local passwords. Length over composition (as NIST SP 800-63B and the Swedish NCSC advise);
/// bcrypt reads at most 72 bytes, so longer passwords would be silently cut and are refused instead.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumBytes = 72

    public static func check(_ password: String, field: String = "password", email: String = "") -> [ValidationIssue] {
        var v = Validator()
        if password.count < minimumLength {
            v.add(
                field, sv: "Lösenordet måste ha minst \(minimumLength) tecken.",
                en: "The password must have at least \(minimumLength) characters.")
        } else if password.utf8.count > maximumBytes {
            v.add(
                field, sv: "Lösenordet får vara högst \(maximumBytes) byte (ungefär lika många tecken).",
                en: "The password can be at most \(maximumBytes) bytes (about as many characters).")
        } else if !email.isEmpty && password.lowercased().contains(email.lowercased()) {
            v.add(
                field, sv: "Lösenordet får inte innehålla e-postadressen.",
                en: "The password must not contain the email address.")
        } else if Set(password).count < 4 {
            v.add(
                field, sv: "Lösenordet är för enkelt: använd fler olika tecken.",
                en: "The password is too simple: use more different characters.")
        }
        if password.unicodeScalars.contains("\0") {
            v.add(field, sv: "Lösenordet får inte innehålla tecknet NUL.", en: "The password can't contain NUL.")
        }
        return v.issues
    }
}

/// An account as an administrator edits it.
public struct AccountDraft: Sendable, Hashable, Codable {
    public var email: String
    public var name: String
    public var isTenantAdmin: Bool
    /// The person in the register this account belongs to; their roles give the account its rights.
    public var personId: UUID?
    public var isActive: Bool

    public init(email: String, name: String, isTenantAdmin: Bool = false, personId: UUID? = nil, isActive: Bool = true)
    {
        self.email = email
        self.name = name
        self.isTenantAdmin = isTenantAdmin
        self.personId = personId
        self.isActive = isActive
    }

    /// Emails are compared without case and surrounding space.
    public static func normalise(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(name, field: "name", label: Localized(sv: "Namn", en: "Name"), max: 200)
        let mail = Self.normalise(email: email)
        if mail.isEmpty {
            v.add("email", sv: "Ange e-postadressen.", en: "Enter the email address.")
        } else if !Self.looksLikeEmail(mail) {
            v.add(
                "email", sv: "Ange e-postadressen som namn@kommun.se.",
                en: "Enter the email address as name@example.se.")
        } else {
            v.limit(email, field: "email", label: Localized(sv: "E-postadressen", en: "The email address"), max: 254)
        }
        return v.issues
    }

    static func looksLikeEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix(".")
        else { return false }
        return !s.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\0" }
    }
}

/// When sign-in is refused because of earlier failures. Counting happens in the database so that the
/// limit holds across several app instances.
public struct SignInThrottle: Sendable, Equatable {
    /// Failures for one email within `window` before that email is locked.
    public var perAccount: Int
    /// Failures from one address within `window` before that address is locked (guessing many emails).
    public var perAddress: Int
    public var window: TimeInterval

    public static let standard = SignInThrottle(perAccount: 5, perAddress: 30, window: 15 * 60)

    public init(perAccount: Int, perAddress: Int, window: TimeInterval) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    /// Seconds until a new attempt is allowed, or nil when it is allowed now.
    /// - Parameters:
    ///   - accountFailures: times of recent failures for this email
    ///   - addressFailures: times of recent failures from this client address
    public func retryAfter(accountFailures: [Date], addressFailures: [Date], now: Date) -> TimeInterval? {
        func wait(_ failures: [Date], limit: Int) -> TimeInterval? {
            let recent = failures.filter { now.timeIntervalSince($0) < window }.sorted()
            guard recent.count >= limit else { return nil }
            // Locked until the oldest failure that keeps the count at the limit leaves the window.
            let unlocking = recent[recent.count - limit]
            return max(1, window - now.timeIntervalSince(unlocking))
        }
        let waits = [wait(accountFailures, limit: perAccount), wait(addressFailures, limit: perAddress)]
        return waits.compactMap { $0 }.max()
    }
}

/// What an API token may do.
public enum TokenAccess: String, Sendable, Codable, CaseIterable {
    case read = "read"
    case readWrite = "read-write"

    public var label: Localized {
        switch self {
        case .read: Localized(sv: "Bara läsa", en: "Read only")
        case .readWrite: Localized(sv: "Läsa och ändra", en: "Read and change")
        }
    }
}

/// A request for a new API token.
public struct TokenDraft: Sendable, Hashable {
    /// Tokens always expire; a year is the longest.
    public static let maximumDays = 366

    public var name: String
    public var access: TokenAccess
    public var validDays: Int

    public init(name: String, access: TokenAccess, validDays: Int) {
        self.name = name
        self.access = access
        self.validDays = validDays
    }

    public func validate() -> [ValidationIssue] {
        var v = Validator()
        v.requireText(name, field: "name", label: Localized(sv: "Namn", en: "Name"), max: 100)
        if validDays < 1 || validDays > Self.maximumDays {
            v.add(
                "validDays", sv: "Giltighetstiden ska vara 1–\(Self.maximumDays) dagar.",
                en: "The validity must be 1–\(Self.maximumDays) days.")
        }
        return v.issues
    }
}
