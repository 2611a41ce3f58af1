import Plot
import StyrbordCore

/// Form controls with the accessibility every field needs: a label tied to the input, the hint and
/// the error linked by `aria-describedby`, `aria-invalid` on error, and values escaped.
struct FormBuilder: Sendable {
    let ctx: PageContext
    let errors: FormErrors
    /// The values to show: what the user submitted (after an error) or the stored record.
    let values: FormData
    /// Put before every field's id, for a page with several forms whose fields share names (one form
    /// per route step): ids must be unique on the page for labels and error links to work.
    var idPrefix = ""

    init(ctx: PageContext, values: FormData, errors: FormErrors = FormErrors()) {
        self.ctx = ctx
        self.values = values
        self.errors = errors
    }

    /// The id of a field of this form.
    func id(_ name: String) -> String { idPrefix + Self.fieldID(name) }

    /// The same builder with its fields' ids prefixed.
    func prefixingIDs(_ prefix: String) -> FormBuilder {
        var copy = self
        copy.idPrefix = prefix
        return copy
    }

    static func fieldID(_ name: String) -> String {
        "f-" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// `<form method=post>` with the CSRF token.
    func form(
        action: String, id: String? = nil, multipart: Bool = false, _ nodes: Node<HTML.BodyContext>...
    ) -> Node<HTML.BodyContext> {
        .el(
            "form",
            [
                .attr("method", "post"), .attr("action", action), .attribute(named: "novalidate"),
                .unwrap(id) { .attr("id", $0) },
                .if(multipart, .attr("enctype", "multipart/form-data")),
                csrfField(ctx),
            ] + nodes)
    }

    /// The hidden CSRF field every state-changing form carries.
    func csrfField(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        .selfClosedElement(
            named: "input",
            attributes: [
                .attr("type", "hidden"), .attr("name", CSRFMiddleware.fieldName), .attr("value", ctx.csrfToken),
            ])
    }

    /// A list of every error at the top of the form, each linking to its field (WCAG 3.3.1).
    func errorSummary(labels: [String: String]) -> Node<HTML.BodyContext> {
        guard !errors.isEmpty else { return .empty }
        return .div(
            .class("error-summary"), .attribute(named: "role", value: "alert"),
            .attribute(named: "tabindex", value: "-1"),
            .id("error-summary"),
            .h2(.text(ctx.t("Formuläret innehåller fel", "The form has errors"))),
            .ul(
                .forEach(errors.all) { item in
                    let base = item.field.split(separator: "[").first.map(String.init) ?? item.field
                    let label = labels[item.field] ?? labels[base]
                    return .li(
                        .a(
                            .link("#" + id(labels[item.field] != nil ? item.field : base)),
                            .safe((label.map { "\($0): " } ?? "") + ctx.t(item.message))))
                })
        )
    }

    private func describedBy(_ name: String, hint: String?) -> (ids: String, nodes: Node<HTML.BodyContext>) {
        let id = self.id(name)
        let messages = errors.messages(for: name)
        var ids: [String] = []
        if hint != nil { ids.append(id + "-hint") }
        if !messages.isEmpty { ids.append(id + "-error") }
        let nodes: Node<HTML.BodyContext> = .group(
            .unwrap(hint) { .p(.class("hint"), .id(id + "-hint"), .safe($0)) },
            .if(
                !messages.isEmpty,
                .p(
                    .class("field-error"), .id(id + "-error"),
                    .span(.class("visually-hidden"), .text(ctx.t("Fel: ", "Error: "))),
                    .safe(messages.map { ctx.t($0) }.joined(separator: " "))))
        )
        return (ids.joined(separator: " "), nodes)
    }

    private func fieldWrapper(_ name: String, _ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .div(.class(errors.messages(for: name).isEmpty ? "field" : "field has-error"), .group(nodes))
    }

    private func label(_ name: String, _ text: String, required: Bool) -> Node<HTML.BodyContext> {
        .el(
            "label", .attr("for", id(name)), .safe(text),
            .if(required, .span(.class("required"), .attribute(named: "aria-hidden", value: "true"), .text(" *"))))
    }

    /// A single-line input. `type` is text, email, url, date, number, search or tel.
    func input(
        _ name: String, label text: String, type: String = "text", hint: String? = nil, required: Bool = false,
        autocomplete: String? = nil, inputMode: String? = nil, extraClass: String? = nil
    ) -> Node<HTML.BodyContext> {
        let (ids, described) = describedBy(name, hint: hint)
        let invalid = !errors.messages(for: name).isEmpty
        return fieldWrapper(
            name,
            label(name, text, required: required),
            described,
            .selfClosedElement(
                named: "input",
                attributes: [
                    .attr("type", type), .attr("id", id(name)), .attr("name", name),
                    .attr("value", values[name]),
                    ids.isEmpty ? .empty : .attr("aria-describedby", ids),
                    invalid ? .attr("aria-invalid", "true") : .empty,
                    .flag("required", required), required ? .attr("aria-required", "true") : .empty,
                    autocomplete.map { .attr("autocomplete", $0) } ?? .empty,
                    inputMode.map { .attr("inputmode", $0) } ?? .empty,
                    extraClass.map { .attr("class", $0) } ?? .empty,
                ])
        )
    }

    func textarea(
        _ name: String, label text: String, hint: String? = nil, rows: Int = 4, required: Bool = false
    ) -> Node<HTML.BodyContext> {
        let (ids, described) = describedBy(name, hint: hint)
        let invalid = !errors.messages(for: name).isEmpty
        return fieldWrapper(
            name,
            label(name, text, required: required),
            described,
            .el(
                "textarea",
                .attr("id", id(name)), .attr("name", name), .attr("rows", String(rows)),
                .if(!ids.isEmpty, .attr("aria-describedby", ids)),
                .if(invalid, .attr("aria-invalid", "true")),
                .flag("required", required),
                .safe(values.raw[name]?.first ?? ""))
        )
    }

    /// A drop-down. `emptyLabel` adds a first option with an empty value ("— Välj —").
    func select(
        _ name: String, label text: String, options: [(value: String, label: String)], emptyLabel: String? = nil,
        hint: String? = nil, required: Bool = false
    ) -> Node<HTML.BodyContext> {
        let (ids, described) = describedBy(name, hint: hint)
        let invalid = !errors.messages(for: name).isEmpty
        let current = values[name]
        return fieldWrapper(
            name,
            label(name, text, required: required),
            described,
            .el(
                "select",
                [
                    .attr("id", id(name)), .attr("name", name),
                    .if(!ids.isEmpty, .attr("aria-describedby", ids)),
                    .if(invalid, .attr("aria-invalid", "true")),
                    .flag("required", required),
                    .unwrap(emptyLabel) { Self.option(value: "", label: $0, selected: current.isEmpty) },
                ]
                    + options.map { Self.option(value: $0.value, label: $0.label, selected: $0.value == current) })
        )
    }

    static func option(value: String, label: String, selected: Bool) -> Node<HTML.BodyContext> {
        .el("option", .attr("value", value), .flag("selected", selected), .safe(label))
    }

    /// Options for a closed vocabulary from StyrbordCore.
    func options<T: LabelledValue>(_ type: T.Type) -> [(value: String, label: String)] {
        T.allCases.map { ($0.rawValue, ctx.t($0.label)) }
    }

    func checkbox(_ name: String, label text: String, hint: String? = nil) -> Node<HTML.BodyContext> {
        let (ids, described) = describedBy(name, hint: hint)
        return .div(
            .class(errors.messages(for: name).isEmpty ? "field checkbox" : "field checkbox has-error"),
            .selfClosedElement(
                named: "input",
                attributes: [
                    .attr("type", "checkbox"), .attr("id", id(name)), .attr("name", name),
                    .attr("value", "true"),
                    .flag("checked", values.isChecked(name)),
                    ids.isEmpty ? .empty : .attr("aria-describedby", ids),
                ]),
            .el("label", .attr("for", id(name)), .safe(text)),
            described
        )
    }

    /// Several checkboxes sharing one name, in a fieldset with a legend.
    func checkboxGroup(
        _ name: String, legend: String, options: [(value: String, label: String)], hint: String? = nil
    ) -> Node<HTML.BodyContext> {
        let selected = Set(values.all(name))
        let (ids, described) = describedBy(name, hint: hint)
        return .el(
            "fieldset",
            [
                .attr("class", "field checkbox-group"), .attr("id", id(name)),
                .if(!ids.isEmpty, .attr("aria-describedby", ids)),
                .el("legend", .safe(legend)), described,
            ]
                + options.enumerated().map { index, option in
                    let id = self.id(name) + "-\(index)"
                    return .div(
                        .class("checkbox"),
                        .selfClosedElement(
                            named: "input",
                            attributes: [
                                .attr("type", "checkbox"), .attr("id", id), .attr("name", name),
                                .attr("value", option.value),
                                .flag("checked", selected.contains(option.value)),
                            ]),
                        .el("label", .attr("for", id), .safe(option.label)))
                })
    }

    /// A group of fields under a heading.
    func section(_ legend: String, _ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        .el("fieldset", [.attr("class", "form-section"), .el("legend", .safe(legend))] + nodes)
    }

    /// A submit button. `hiddenContext` is read out after `text` but not shown ("Återkalla" + " Export
    /// till BI"), so that a table's row buttons stay short yet each has a name of its own (WCAG 2.4.6).
    func submit(
        _ text: String, name: String? = nil, value: String? = nil, secondary: Bool = false,
        hiddenContext: String? = nil
    ) -> Node<HTML.BodyContext> {
        .el(
            "button", .attr("type", "submit"), .attr("class", secondary ? "button secondary" : "button"),
            .unwrap(name) { .attr("name", $0) }, .unwrap(value) { .attr("value", $0) }, .safe(text),
            .unwrap(hiddenContext) { .span(.class("visually-hidden"), .safe(" " + $0)) })
    }
}

extension Attribute {
    static func flag(_ name: String, _ isOn: Bool) -> Attribute {
        isOn ? Attribute(name: name, value: nil, ignoreIfValueIsEmpty: false) : .empty
    }
}
