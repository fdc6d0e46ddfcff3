import Foundation
import PAMCore

/// Metadata shapes. The create and update answers differ as the seed recorded them: a create
/// leaves the names null and writes its time with ticks and `Z`; an update fills the names.
enum SecretServerMetadataJSON {
    /// A `GET metadata` record.
    static func value(_ w: inout JSONWriter, _ value: SSMetadataValue, world: SecretServerWorld) {
        let field = world.metadataFields[value.fieldID]
        let section = field.flatMap { world.metadataSections[$0.sectionID] }
        w.object { w in
            w.field("metadataItemDataId", value.id)
            w.field("metadataFieldTypeName", nil as String?)
            w.field("metadataFieldDataType", field?.dataType)
            w.field("metadataType", value.type.rawValue)
            w.field("metadataTypeName", nil as String?)
            w.field("itemId", value.itemID)
            w.field("metadataFieldId", value.fieldID)
            w.field("metadataFieldName", field?.name)
            w.field("metadataFieldSectionId", field?.sectionID)
            w.field("metadataFieldSectionName", section?.name)
            w.field("createUserId", value.createUserID)
            w.field("createUserName", world.user(value.createUserID)?.displayName)
            w.field("createDateTime", SecretServerDate.format(value.created))
            values(&w, value, sortOrderFirst: true)
            w.field("containsPersonalInformation", field?.containsPersonalInformation ?? false)
        }
    }

    /// The answer to a create.
    static func created(_ w: inout JSONWriter, _ value: SSMetadataValue, world: SecretServerWorld) {
        w.object { w in
            w.field("metadataItemDataId", value.id)
            w.field("itemId", value.itemID)
            w.field("metadataFieldId", value.fieldID)
            values(&w, value, sortOrderFirst: true)
            w.field("createUserId", value.createUserID)
            w.field("createUserName", nil as String?)
            w.field("createDateTime", SecretServerDate.formatTicks(value.created))
            w.field("metadataTypeName", nil as String?)
            w.field("metadataFieldName", nil as String?)
            w.field("metadataFieldTypeId", nil as Int?)
            w.field("metadataFieldTypeName", nil as String?)
            w.field("metadataFieldSectionId", world.metadataFields[value.fieldID]?.sectionID)
            w.field("metadataFieldSectionName", nil as String?)
        }
    }

    /// The answer to an update.
    static func updated(_ w: inout JSONWriter, _ value: SSMetadataValue, world: SecretServerWorld) {
        let field = world.metadataFields[value.fieldID]
        w.object { w in
            w.field("metadataItemDataId", value.id)
            w.field("itemId", value.itemID)
            w.field("metadataFieldId", value.fieldID)
            values(&w, value, sortOrderFirst: true)
            w.field("createUserId", value.createUserID)
            w.field("createUserName", world.user(value.createUserID)?.displayName)
            w.field("createDateTime", SecretServerDate.format(value.created))
            w.field("metadataTypeName", nil as String?)
            w.field("metadataFieldName", field?.name)
            w.field("metadataFieldTypeId", field?.typeID)
            w.field("metadataFieldTypeName", nil as String?)
            w.field("metadataFieldSectionId", field?.sectionID)
            w.field("metadataFieldSectionName", field.flatMap { world.metadataSections[$0.sectionID]?.name })
        }
    }

    /// A `metadata/fields` record.
    static func field(_ w: inout JSONWriter, _ field: SSMetadataField, world: SecretServerWorld) {
        w.object { w in
            w.field("metadataFieldId", field.id)
            w.field("metadataFieldName", field.name)
            w.field("defaultSortOrder", nil as Int?)
            w.field("metadataFieldSectionId", field.sectionID)
            w.field("fieldDataType", field.dataType)
            w.field("metadataFieldSectionName", world.metadataSections[field.sectionID]?.name)
        }
    }

    /// A `metadata/field-sections` record.
    static func section(_ w: inout JSONWriter, _ section: SSMetadataSection) {
        w.object { w in
            w.field("metadataFieldSectionId", section.id)
            w.field("metadataFieldSectionName", section.name)
            w.field("metadataFieldSectionDescription", section.description)
            w.field("requiresAdministerMetadata", section.requiresAdministerMetadata)
            w.field("requiresEntityEdit", section.requiresEntityEdit)
            w.field("actions") { $0.array { _ in } }
        }
    }

    private static func values(_ w: inout JSONWriter, _ value: SSMetadataValue, sortOrderFirst: Bool) {
        w.field("sortOrder", value.sortOrder)
        w.field("valueString", value.valueString)
        w.field("valueBit", value.valueBit)
        w.field("valueInt", value.valueInt)
        w.key("valueNumber")
        if let number = value.valueNumber, number.isFinite {
            w.rawValue(Array((number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)).utf8))
        } else {
            w.null()
        }
        w.field("valueDateTime", value.valueDateTime)
        w.field("valueUserDisplayName", nil as String?)
    }

    /// Sets the `value*` members a create or update carries (plain, or `{dirty, value}` with dirty true).
    static func assign(_ data: JSONBody, to value: inout SSMetadataValue) {
        func member(_ key: String) -> JSONValue? {
            guard let raw = data[key] else { return nil }
            if case .object(let wrapper) = raw {
                let wrapped = JSONBody(wrapper)
                guard wrapped.bool("dirty") ?? true else { return nil }
                return wrapped["value"] ?? .null
            }
            return raw
        }
        func single(_ key: String) -> JSONBody? { member(key).map { JSONBody(["v": $0]) } }
        if let text = single("valueString") { value.valueString = text.string("v") }
        if let bit = single("valueBit") { value.valueBit = bit.bool("v") }
        if let int = single("valueInt") { value.valueInt = int.int("v") }
        if let number = member("valueNumber") {
            switch number {
            case .number(let double): value.valueNumber = double
            case .string(let text): value.valueNumber = Double(text)
            default: value.valueNumber = nil
            }
        }
        if let date = single("valueDateTime") { value.valueDateTime = date.string("v") }
    }
}
