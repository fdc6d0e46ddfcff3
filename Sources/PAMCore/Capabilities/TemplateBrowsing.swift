/// Lists the templates stored secrets are made from, each with its fields.
public protocol TemplateBrowsing: VendorClient {
    func listTemplates() async throws -> [SecretTemplate]
}
