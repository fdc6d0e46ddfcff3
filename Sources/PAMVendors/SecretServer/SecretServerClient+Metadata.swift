import PAMCore

extension SecretServerClient: MetadataEditing {
    /// `GET metadata?filter.itemId=&filter.metadataType=` (both are needed together).
    public func metadata(of item: MetadataItem) async throws -> [MetadataEntry] {
        try await call("list metadata") {
            let (type, id) = Self.metadataTarget(item)
            let page = try await session.decode(
                SecretServerDTO.Paging<SecretServerDTO.MetadataRecord>.self, .metadata(type: type, itemID: id))
            return (page.records ?? []).map { SecretServerMapping.metadata($0, field: nil, section: nil) }
        }
    }

    /// `PATCH metadata/{type}/{id}` when the item has the field, else `POST` (which creates the
    /// field, and its section, when the server has none of that name). Text values only.
    public func setMetadata(of item: MetadataItem, field: String, value: String, section: String?) async throws -> MetadataEntry {
        try await call("set metadata") {
            let (type, id) = Self.metadataTarget(item)
            let current = try await session.decode(
                SecretServerDTO.Paging<SecretServerDTO.MetadataRecord>.self, .metadata(type: type, itemID: id))
            let existing = (current.records ?? []).first { $0.metadataFieldName?.caseInsensitiveCompare(field) == .orderedSame }
            let record: SecretServerDTO.MetadataRecord
            if let existing {
                let body = SecretServerDTO.MetadataBody(data: .init(metadataItemDataId: existing.metadataItemDataId, valueString: value))
                record = try await session.decode(
                    SecretServerDTO.MetadataRecord.self, .updateMetadata(type: type, itemID: id), body: .bytes(WireJSON.encode(body)))
            } else {
                let body = SecretServerDTO.MetadataBody(data: .init(
                    metadataFieldName: field, metadataFieldSectionName: section, fieldDataType: section == nil ? nil : "String", valueString: value))
                record = try await session.decode(
                    SecretServerDTO.MetadataRecord.self, .createMetadata(type: type, itemID: id), body: .bytes(WireJSON.encode(body)))
            }
            return SecretServerMapping.metadata(record, field: field, section: section ?? existing?.metadataFieldSectionName)
        }
    }

    /// `DELETE metadata/{type}/{id}/{metadataItemDataId}`.
    public func deleteMetadata(of item: MetadataItem, entryID: String) async throws {
        try await call("delete metadata") {
            let (type, id) = Self.metadataTarget(item)
            _ = try await session.send(.deleteMetadata(type: type, itemID: id, entryID: entryID))
        }
    }

    static func metadataTarget(_ item: MetadataItem) -> (type: String, id: String) {
        switch item {
        case .folder(let id): ("Folder", id)
        case .secret(let id): ("Secret", id)
        }
    }
}
