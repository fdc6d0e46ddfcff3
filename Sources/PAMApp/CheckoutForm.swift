import Foundation
import PAMCore
import PAMScreen

/// The check-out dialog's fields. The profile's default reason is the reason field's
/// placeholder, not typed text: typing replaces it, and it is used when the field is left empty.
public struct CheckoutForm: Sendable, Equatable {
    public var account: Account
    public var reason: TextField
    public var duration: TextField
    /// The vendor's check-out options, shown as fields after the duration.
    public var options: [CheckoutOptionSpec] = []
    /// The profile's option values, and choices as cycled (Space, Left/Right).
    public var optionValues: [String: String] = [:]
    /// The inputs of free-text options, by key; their configured value is the placeholder.
    public var optionFields: [String: TextField] = [:]
    /// An index into `slots`, then OK and Cancel.
    public var focus = 0
    public var error: String?
    /// The site's policy: no check-out without a reason (typed or the default).
    public var requireReason = false
    /// Whether the dialog asks for a reason and a duration: a stored secret's lock has the
    /// vendor's length, and a reason only when the secret requires a comment.
    public var asksReason = true
    public var asksDuration = true
    /// A line under the target, e.g. who else holds the secret.
    public var note: String?

    /// The inputs in focus order, before OK and Cancel.
    public enum Slot: Sendable, Equatable {
        case reason, duration, option(CheckoutOptionSpec)
    }

    public var slots: [Slot] {
        (asksReason ? [Slot.reason] : []) + (asksDuration ? [.duration] : []) + options.map(Slot.option)
    }

    /// The focus index of `slot`, or 0 when the dialog does not show it.
    public func index(of slot: Slot) -> Int { slots.firstIndex(of: slot) ?? 0 }

    public init(
        account: Account, reason: String? = nil, duration: String, options: [CheckoutOptionSpec] = [],
        optionValues: [String: String] = [:], requireReason: Bool = false
    ) {
        self.account = account
        let hint = requireReason ? "required: why you need it" : "why you need it"
        self.reason = TextField(placeholder: reason.flatMap { $0.isEmpty ? nil : $0 } ?? hint, history: InputHistory.reason)
        self.defaultReason = reason.flatMap { $0.isEmpty ? nil : $0 }
        self.duration = TextField(duration)
        self.options = options
        self.optionValues = optionValues
        self.requireReason = requireReason
        for option in options where option.choices == nil {
            let configured = optionValues[option.key] ?? option.defaultValue ?? ""
            optionFields[option.key] = TextField(placeholder: configured, history: InputHistory.option(option.key))
        }
    }

    /// The profile's reason, used when none is typed.
    public var defaultReason: String?

    /// Fields before the buttons.
    public var fieldCount: Int { slots.count }
    public var okIndex: Int { fieldCount }
    public var cancelIndex: Int { fieldCount + 1 }

    /// The option the focus is on, if any.
    public var focusedOption: CheckoutOptionSpec? {
        guard slots.indices.contains(focus), case .option(let option) = slots[focus] else { return nil }
        return option
    }

    /// The reason that goes with the request: the typed one, else the default; nil for none.
    public var effectiveReason: String? {
        let typed = reason.text.trimmingCharacters(in: .whitespaces)
        return typed.isEmpty ? defaultReason : typed
    }

    /// An option's value as the request gets it: typed, else the profile's, else the vendor's default.
    public func value(_ option: CheckoutOptionSpec) -> String {
        if option.choices == nil, let field = optionFields[option.key], !field.isEmpty { return field.text }
        return optionValues[option.key] ?? option.defaultValue ?? ""
    }

    /// The options that go with the request: the profile's values, choices as cycled, and what
    /// was typed into free-text ones.
    public var requestOptions: [String: String] {
        var values = optionValues
        for (key, field) in optionFields where !field.isEmpty { values[key] = field.text }
        return values
    }

    /// Moves a choice option to its next (or previous) value.
    public mutating func cycle(_ option: CheckoutOptionSpec, forward: Bool) {
        guard let choices = option.choices, !choices.isEmpty else { return }
        let index = choices.firstIndex(of: value(option)) ?? 0
        optionValues[option.key] = choices[(index + (forward ? 1 : choices.count - 1)) % choices.count]
    }

    /// The text field the focus is on; nil on a choice or a button.
    public var focusedField: TextField? {
        get {
            guard slots.indices.contains(focus) else { return nil }
            switch slots[focus] {
            case .reason: return reason
            case .duration: return duration
            case .option(let option): return optionFields[option.key]
            }
        }
        set {
            guard let newValue, slots.indices.contains(focus) else { return }
            switch slots[focus] {
            case .reason: reason = newValue
            case .duration: duration = newValue
            case .option(let option): if option.choices == nil { optionFields[option.key] = newValue }
            }
        }
    }
}
