/// Lists and edits the metadata folders and secrets carry (named values, in sections).
public protocol MetadataEditing: VendorClient {
    func metadata(of item: MetadataItem) async throws -> [MetadataEntry]
    /// Sets the field named `field` on the item: changes its value, or adds it (and the field
    /// itself, in `section`, when the server has no field of that name yet).
    func setMetadata(of item: MetadataItem, field: String, value: String, section: String?) async throws -> MetadataEntry
    func deleteMetadata(of item: MetadataItem, entryID: String) async throws
}
