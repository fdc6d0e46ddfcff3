import Foundation
import PAMCore

extension SecretServerSimulator {
    /// `GET api/v1/metadata?filter.itemId=&filter.metadataType=[&filter.metadataFieldId=]`.
    func searchMetadata(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let query = SecretServerQuery(request)
            let window = try query.window(defaultTake: configuration.defaultTake).unwrap()
            guard let itemID = try query.int("filter.itemId").unwrap(),
                  let type = query.string("filter.metadataType").flatMap(SSMetadataType.init(caseInsensitive:))
            else { throw SecretServerRefusal.validation("filter.itemId and filter.metadataType are required together.") }
            let fieldID = try query.int("filter.metadataFieldId").unwrap()
            let values = state.world.metadataValues.values
                .filter { $0.type == type && $0.itemID == itemID && (fieldID == nil || $0.fieldID == fieldID) }
                .sorted { $0.id < $1.id }
            let page = SecretServerPage(skip: window.skip, take: window.take, total: values.count, sortName: "metadataItemDataId", descending: false)
            return .json { w in
                page.write(&w) { w in
                    w.array { w in for value in values[page.range] { SecretServerMetadataJSON.value(&w, value, world: state.world) } }
                }
            }
        }
    }

    /// `GET api/v1/metadata/fields`: every field definition, by name.
    func metadataFields(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let window = try SecretServerQuery(request).window(defaultTake: 2_147_483_647).unwrap()
            let fields = state.world.metadataFields.values.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
            let page = SecretServerPage(skip: window.skip, take: window.take, total: fields.count, sortName: "metadataFieldName", descending: false)
            return .json { w in
                page.write(&w) { w in
                    w.array { w in for field in fields[page.range] { SecretServerMetadataJSON.field(&w, field, world: state.world) } }
                }
            }
        }
    }

    /// `GET api/v1/metadata/field-sections`: every section.
    func metadataSections(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            let window = try SecretServerQuery(request).window(defaultTake: configuration.defaultTake).unwrap()
            let sections = state.world.metadataSections.values.sorted { $0.id < $1.id }
            let page = SecretServerPage(skip: window.skip, take: window.take, total: sections.count, sortName: "metadataFieldSectionName", descending: false)
            return .json { w in
                page.write(&w) { w in
                    w.array { w in for section in sections[page.range] { SecretServerMetadataJSON.section(&w, section) } }
                }
            }
        }
    }

    /// `POST api/v1/metadata/{itemType}/{itemId}` `{"data": MetadataCreateModel}`: a value for a
    /// field named by id or by name (a new name creates the field, and its section if new too).
    func createMetadata(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { user, state throws(SecretServerRefusal) in
            let (type, itemID) = try metadataItem(request, in: state.world)
            let data = try metadataData(request)
            let field = try metadataField(data, in: &state.world)
            if state.world.metadataValues.values.contains(where: { $0.type == type && $0.itemID == itemID && $0.fieldID == field.id }) {
                throw SecretServerRefusal.validation("The metadata field '\(field.name)' already has a value on this item; update it instead.")
            }
            var value = SSMetadataValue(id: state.world.nextMetadataValueID, type: type, itemID: itemID, fieldID: field.id, created: request.now, createUserID: user.id)
            state.world.nextMetadataValueID += 1
            SecretServerMetadataJSON.assign(data, to: &value)
            state.world.metadataValues[value.id] = value
            return .json { SecretServerMetadataJSON.created(&$0, value, world: state.world) }
        }
    }

    /// `PATCH api/v1/metadata/{itemType}/{itemId}` `{"data": {metadataItemDataId, valueString…}}`;
    /// a value may be plain or `{"dirty": true, "value": …}`.
    func updateMetadata(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            _ = try metadataItem(request, in: state.world)
            let data = try metadataData(request)
            guard let dataID = data.int("metadataItemDataId"), var value = state.world.metadataValues[dataID] else {
                throw SecretServerRefusal.validation("A valid metadataItemDataId is required.")
            }
            SecretServerMetadataJSON.assign(data, to: &value)
            // The server rewrites the row: its create date becomes the update's (as the seed shows).
            value.created = request.now
            state.world.metadataValues[dataID] = value
            return .json { SecretServerMetadataJSON.updated(&$0, value, world: state.world) }
        }
    }

    /// `DELETE api/v1/metadata/{itemType}/{itemId}/{metadataItemDataId}` → `{"success": true}`.
    /// The value is found by its own id: the seed deletes value 25 of folder 1928 through folder 1929.
    func deleteMetadata(_ request: SimulatorRequest) -> SimulatorResponse {
        authorized(request) { _, state throws(SecretServerRefusal) in
            _ = try metadataItem(request, in: state.world, mustExist: false)
            let dataID = try id(request, "dataid")
            guard state.world.metadataValues.removeValue(forKey: dataID) != nil else {
                throw SecretServerRefusal.validation("The metadata item \(dataID) does not exist.")
            }
            return .json { $0.object { $0.field("success", true) } }
        }
    }

    /// The `{itemType}/{itemId}` of a metadata route: a known type, and an item that exists.
    private func metadataItem(
        _ request: SimulatorRequest, in world: SecretServerWorld, mustExist: Bool = true
    ) throws(SecretServerRefusal) -> (SSMetadataType, Int) {
        guard let type = SSMetadataType(caseInsensitive: request.parameter("type")) else {
            throw SecretServerRefusal.validation("The metadata type '\(request.parameter("type"))' is not valid (Secret, Folder, User or Group).")
        }
        let itemID = try id(request)
        let exists = switch type {
        case .secret: world.secret(itemID) != nil
        case .folder: world.folder(itemID) != nil
        case .user: world.user(itemID) != nil
        case .group: true
        }
        guard exists || !mustExist else { throw SecretServerRefusal.accessDenied }
        return (type, itemID)
    }

    private func metadataData(_ request: SimulatorRequest) throws(SecretServerRefusal) -> JSONBody {
        guard case .object(let data)? = try bind(request)["data"] else {
            throw SecretServerRefusal.validation("The request needs a \"data\" object.")
        }
        return JSONBody(data)
    }

    /// The field a create names, made (with its section) when the name is new.
    private func metadataField(_ data: JSONBody, in world: inout SecretServerWorld) throws(SecretServerRefusal) -> SSMetadataField {
        if let id = data.int("metadataFieldId") {
            guard let field = world.metadataFields[id] else { throw SecretServerRefusal.validation("The metadata field \(id) does not exist.") }
            return field
        }
        guard let name = data.string("metadataFieldName")?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            throw SecretServerRefusal.validation("metadataFieldId or metadataFieldName is required.")
        }
        if let field = world.metadataFields.values.first(where: { $0.name.lowercased() == name.lowercased() }) { return field }
        let types = ["String", "Boolean", "Number", "DateTime", "User"]
        let requested = data.string("fieldDataType") ?? "String"
        guard let dataType = types.first(where: { $0.lowercased() == requested.lowercased() }) else {
            throw SecretServerRefusal.validation("fieldDataType must be one of \(types.joined(separator: ", ")).")
        }
        let sectionID: Int
        if let id = data.int("metadataFieldSectionId") {
            guard world.metadataSections[id] != nil else { throw SecretServerRefusal.validation("The metadata section \(id) does not exist.") }
            sectionID = id
        } else if let sectionName = data.string("metadataFieldSectionName")?.trimmingCharacters(in: .whitespaces), !sectionName.isEmpty {
            if let section = world.metadataSections.values.first(where: { $0.name.lowercased() == sectionName.lowercased() }) {
                sectionID = section.id
            } else {
                sectionID = world.nextMetadataSectionID
                world.nextMetadataSectionID += 1
                var section = SSMetadataSection(id: sectionID, name: sectionName, description: data.string("metadataFieldSectionDescription") ?? "")
                section.requiresAdministerMetadata = data.bool("metadataFieldSectionRequiresAdministerMetadata") ?? false
                section.requiresEntityEdit = data.bool("metadataFieldSectionRequiresEntityEdit") ?? false
                world.metadataSections[sectionID] = section
            }
        } else {
            throw SecretServerRefusal.validation("A new metadata field needs metadataFieldSectionId or metadataFieldSectionName.")
        }
        var field = SSMetadataField(id: world.nextMetadataFieldID, name: name, sectionID: sectionID, dataType: dataType)
        field.containsPersonalInformation = data.bool("containsPersonalInformation") ?? false
        world.nextMetadataFieldID += 1
        world.metadataFields[field.id] = field
        return field
    }
}
