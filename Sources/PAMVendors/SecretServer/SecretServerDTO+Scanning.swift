import PAMCore

/// Secret summaries are what a search pages through by the thousand: they read themselves from
/// the scanner, as BeyondTrust's list items do.
extension SecretServerDTO.SecretSummary: JSONScannable {
    private struct Keys {
        let id = JSONKey("id"), name = JSONKey("name"), folderID = JSONKey("folderId"), folderPath = JSONKey("folderPath")
        let templateID = JSONKey("secretTemplateId"), templateName = JSONKey("secretTemplateName")
        let checkedOut = JSONKey("checkedOut"), checkOutEnabled = JSONKey("checkOutEnabled")
        let checkOutUserID = JSONKey("checkOutUserId"), checkOutUserName = JSONKey("checkOutUserName")
        let requiresComment = JSONKey("requiresComment"), requiresApproval = JSONKey("requiresApproval")
        let lastAccessed = JSONKey("lastAccessed"), createDate = JSONKey("createDate")
        static let shared = Keys()
    }

    init(scanning scanner: inout JSONScanner) throws {
        var id: Int?, name: String?
        self.init(id: 0, name: "")
        let key = Keys.shared
        try JSONScanner.readObject(&scanner) { member, scanner in
            switch member {
            case key.id: id = try scanner.int()
            case key.name: name = try scanner.string()
            case key.folderID: folderId = try scanner.int()
            case key.folderPath: folderPath = try scanner.string()
            case key.templateID: secretTemplateId = try scanner.int()
            case key.templateName: secretTemplateName = try scanner.string()
            case key.checkedOut: checkedOut = try scanner.bool()
            case key.checkOutEnabled: checkOutEnabled = try scanner.bool()
            case key.checkOutUserID: checkOutUserId = try scanner.int()
            case key.checkOutUserName: checkOutUserName = try scanner.string()
            case key.requiresComment: requiresComment = try scanner.bool()
            case key.requiresApproval: requiresApproval = try scanner.bool()
            case key.lastAccessed: lastAccessed = try scanner.string()
            case key.createDate: createDate = try scanner.string()
            default: return false
            }
            return true
        }
        guard let id else { throw WireList.missing("id") }
        guard let name else { throw WireList.missing("name") }
        (self.id, self.name) = (id, name)
    }
}
