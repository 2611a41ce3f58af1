import Fluent
import Foundation
import Plot
import StyrbordCore
import Vapor

/// Sign-in and sign-out with a local account.
struct SignInController {
    /// The throttle in force; tests may lower it through the application.
    static let throttle = SignInThrottle.standard

    @Sendable func page(req: Request) async throws -> Response {
        let next = req.query[String.self, at: "next"].flatMap(AccountRoutes.safeNext)
        if req.signedIn != nil { return req.redirect(to: next ?? "/") }
        return SignInPage(
            model: .init(email: "", next: next ?? "", message: nil), ctx: PageContext(request: req, tenant: nil)
        ).render()
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let form = try req.formData()
        let email = AccountDraft.normalise(email: form["email"])
        let password = form.untrimmed("password")
        let next = AccountRoutes.safeNext(form["next"])
        let ctx = PageContext(request: req, tenant: nil)
        func refuse(_ message: Localized, status: HTTPResponseStatus) -> Response {
            SignInPage(model: .init(email: email, next: next ?? "", message: ctx.t(message)), ctx: ctx)
                .render(status: status)
        }
        let now = req.dependencies.now()
        let address = req.clientAddress
        let account = email.isEmpty ? nil : try await Account.query(on: req.db).filter(\.$email == email).first()

        if let wait = try await Self.lockedFor(email: email, address: address, now: now, on: req.db) {
            try await SecurityEvents.record(
                .signInFailed, account: account, objectType: "account", objectID: nil, label: email,
                message: "throttled", request: req)
            let minutes = Int((wait / 60).rounded(.up))
            let response = refuse(
                Localized(
                    sv:
                        "För många misslyckade inloggningar. Vänta \(minutes) minuter och försök igen, eller be administratören återställa lösenordet.",
                    en:
                        "Too many failed sign-ins. Wait \(minutes) minutes and try again, or ask the administrator to reset the password."
                ), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(Int(wait.rounded(.up))))
            return response
        }

        let valid: Bool
        if let account, account.isActive {
            valid = try await req.passwordHasher.verify(password, against: account.passwordHash)
        } else {
            try await req.passwordHasher.verifyAgainstNothing(password)
            valid = false
        }
        guard valid, let account else {
            try await SignInFailure(id: req.dependencies.uuid(), email: email, address: address, at: now).create(
                on: req.db)
            try await SecurityEvents.record(
                .signInFailed, account: account, objectType: "account", objectID: nil, label: String(email.prefix(254)),
                message: account == nil ? "unknown email" : (account!.isActive ? "wrong password" : "inactive account"),
                request: req)
            return refuse(
                Localized(
                    sv: "Fel e-postadress eller lösenord. Kontrollera och försök igen.",
                    en: "Wrong email address or password. Check them and try again."), status: .unauthorized)
        }

        // A fresh session every time: an old cookie (or one planted by someone else) is never promoted.
        if case .session(let old) = req.signedIn?.credential {
            try await UserSession.query(on: req.db).filter(\.$id == old).delete()
        }
        let secret = Secrets.make()
        try await req.db.writeTransaction { tx in
            try await SignInFailure.query(on: tx).filter(\.$email == email).delete()
            try await UserSession(
                id: req.dependencies.uuid(), tokenHash: Secrets.hash(secret), accountID: account.requireID(), now: now,
                lifetime: SessionPolicy.absoluteLifetime
            ).create(on: tx)
            account.lastSignInAt = now
            try await account.update(on: tx)
        }
        try await SecurityEvents.record(
            .signIn, account: account, objectType: "account", objectID: account.id, label: account.actorName,
            message: nil, request: req)
        let response = req.redirect(to: next ?? "/", redirectType: .normal)
        response.cookies[SessionPolicy.cookieName] = SessionCookie.make(secret: secret, for: req)
        return response
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        if let signedIn = req.signedIn, case .session(let id) = signedIn.credential {
            try await UserSession.query(on: req.db).filter(\.$id == id).delete()
            try await SecurityEvents.record(
                .signOut, account: signedIn.account, objectType: "account", objectID: signedIn.account.id,
                label: signedIn.account.actorName, message: nil, request: req)
        }
        let response = req.redirect(to: AccountRoutes.signIn(), flash: .signedOut)
        response.cookies[SessionPolicy.cookieName] = SessionCookie.expired(for: req)
        return response
    }

    /// Seconds until this email or address may try again, counting failures stored by every instance.
    static func lockedFor(
        email: String, address: String, now: Date, on db: any Database
    ) async throws
        -> TimeInterval?
    {
        let since = now.addingTimeInterval(-throttle.window)
        async let byEmail = SignInFailure.query(on: db).filter(\.$email == email).filter(\.$at > since).all(\.$at)
        async let byAddress = SignInFailure.query(on: db).filter(\.$address == address).filter(\.$at > since)
            .all(\.$at)
        // Old failures are of no further use; clearing them here keeps the table small without a job.
        try await SignInFailure.query(on: db).filter(\.$at < now.addingTimeInterval(-86_400)).delete()
        return throttle.retryAfter(accountFailures: try await byEmail, addressFailures: try await byAddress, now: now)
    }
}

extension Request {
    /// The client's address as the server sees it (a proxy's address when behind one).
    var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }
}

/// The sign-in form.
struct SignInPage: Page {
    struct Model {
        var email: String
        var next: String
        var message: String?
    }

    let model: Model
    let ctx: PageContext
    /// "Fel: " first after a refusal, as on every form that comes back with an error (WCAG 3.3.1).
    var title: String { (model.message == nil ? "" : ctx.t("Fel: ", "Error: ")) + ctx.t("Logga in", "Sign in") }

    var content: Node<HTML.BodyContext> {
        let f = FormBuilder(ctx: ctx, values: FormData(["email": [model.email], "next": [model.next]]))
        return .div(
            .class("narrow"),
            .h1(.text(ctx.t("Logga in", "Sign in"))),
            .unwrap(model.message) { message in
                // The id and tabindex let styrbord.js move focus here, as after any failed form.
                .div(
                    .class("error-summary"), .attribute(named: "role", value: "alert"), .id("error-summary"),
                    .attribute(named: "tabindex", value: "-1"), .p(.text(message)))
            },
            f.form(
                action: AccountRoutes.signInAction,
                .selfClosedElement(
                    named: "input",
                    attributes: [.attr("type", "hidden"), .attr("name", "next"), .attr("value", model.next)]),
                f.input(
                    "email", label: ctx.t("E-postadress", "Email address"), type: "email", autocomplete: "username"),
                f.input(
                    "password", label: ctx.t("Lösenord", "Password"), type: "password",
                    autocomplete: "current-password"),
                .div(.class("form-actions"), f.submit(ctx.t("Logga in", "Sign in")))),
            .p(
                .class("hint"),
                .text(
                    ctx.t(
                        "Glömt lösenordet? Kommunens administratör kan återställa det.",
                        "Forgot your password? The municipality's administrator can reset it.")))
        )
    }
}
