/// The secret templates of the demo world, with the ids and slugs Secret Server ships (6007 is
/// the seed's "Unix Account (SSH)", whose password slug is `password-1`).
enum SecretServerTemplates {
    static let activeDirectory = 6001, windows = 6003, unixSSH = 6007, sqlServer = 6010, webPassword = 9
    static let unixKeyRotation = 6026, certificate = 6055

    static let all: [SSTemplate] = [
        SSTemplate(id: activeDirectory, name: "Active Directory Account", fields: [
            SSTemplateField(id: 201, slug: "domain", name: "Domain", description: "The Active Directory domain.", kind: .text, isRequired: true),
            SSTemplateField(id: 202, slug: "username", name: "Username", description: "The Active Directory username.", kind: .text, isRequired: true),
            SSTemplateField(id: 203, slug: "password", name: "Password", description: "The password of the Active Directory account.", kind: .password, isRequired: true),
            SSTemplateField(id: 204, slug: "notes", name: "Notes", description: "Any additional notes.", kind: .notes),
        ], passwordTypeID: 1),
        SSTemplate(id: windows, name: "Windows Account", fields: [
            SSTemplateField(id: 211, slug: "machine", name: "Machine", description: "The Server or Location of the Windows Machine.", kind: .text, isRequired: true),
            SSTemplateField(id: 212, slug: "username", name: "Username", description: "The Windows Machine Username.", kind: .text, isRequired: true),
            SSTemplateField(id: 213, slug: "password", name: "Password", description: "The password of the Windows Machine.", kind: .password, isRequired: true),
            SSTemplateField(id: 214, slug: "notes", name: "Notes", description: "Any additional notes.", kind: .notes),
        ], passwordTypeID: 2),
        SSTemplate(id: unixSSH, name: "Unix Account (SSH)", fields: [
            SSTemplateField(id: 108, slug: "machine", name: "Machine", description: "The Server or Location of the Unix Machine.", kind: .text, isRequired: true),
            SSTemplateField(id: 111, slug: "username", name: "Username", description: "The Unix Machine Username.", kind: .text, isRequired: true),
            SSTemplateField(id: 110, slug: "password-1", name: "Password", description: "The password of the Unix Machine.", kind: .password),
            SSTemplateField(id: 109, slug: "notes", name: "Notes", description: "Any additional notes.", kind: .notes),
            SSTemplateField(id: 189, slug: "private-key", name: "Private Key", description: "The SSH private key.", kind: .file),
            SSTemplateField(id: 190, slug: "private-key-passphrase", name: "Private Key Passphrase", description: "The passphrase for decrypting the SSH private key.", kind: .password),
        ], passwordTypeID: 9),
        SSTemplate(id: sqlServer, name: "SQL Server Account", fields: [
            SSTemplateField(id: 221, slug: "server", name: "Server", description: "The SQL Server instance (host\\instance or host,port).", kind: .text, isRequired: true),
            SSTemplateField(id: 222, slug: "database", name: "Database", description: "The default database.", kind: .text),
            SSTemplateField(id: 223, slug: "username", name: "Username", description: "The SQL login name.", kind: .text, isRequired: true),
            SSTemplateField(id: 224, slug: "password", name: "Password", description: "The password of the SQL login.", kind: .password, isRequired: true),
            SSTemplateField(id: 225, slug: "notes", name: "Notes", description: "Any additional notes.", kind: .notes),
        ], passwordTypeID: 5),
        SSTemplate(id: webPassword, name: "Web Password", fields: [
            SSTemplateField(id: 231, slug: "url", name: "URL", description: "The URL of the web site.", kind: .url),
            SSTemplateField(id: 232, slug: "username", name: "Username", description: "The user name for the web site.", kind: .text, isRequired: true),
            SSTemplateField(id: 233, slug: "password", name: "Password", description: "The password for the web site.", kind: .password, isRequired: true),
            SSTemplateField(id: 234, slug: "notes", name: "Notes", description: "Any additional notes.", kind: .notes),
        ]),
        SSTemplate(id: unixKeyRotation, name: "Unix Account (SSH Key Rotation)", fields: [
            SSTemplateField(id: 241, slug: "machine", name: "Machine", description: "The Server or Location of the Unix Machine.", kind: .text, isRequired: true),
            SSTemplateField(id: 242, slug: "username", name: "Username", description: "The Unix Machine Username.", kind: .text, isRequired: true),
            SSTemplateField(id: 243, slug: "password", name: "Password", description: "The password of the Unix Machine.", kind: .password),
            SSTemplateField(id: 244, slug: "private-key", name: "Private Key", description: "The SSH private key.", kind: .file),
            SSTemplateField(id: 245, slug: "private-key-passphrase", name: "Private Key Passphrase", description: "The passphrase for decrypting the SSH private key.", kind: .password),
            SSTemplateField(id: 246, slug: "public-key", name: "Public Key", description: "The SSH public key.", kind: .file),
            SSTemplateField(id: 247, slug: "notes", name: "Notes", description: "Any additional notes.", kind: .notes),
        ], passwordTypeID: 9),
        SSTemplate(id: certificate, name: "Certificate", fields: [
            SSTemplateField(id: 251, slug: "common-name", name: "Common Name", description: "The subject common name.", kind: .text, isRequired: true),
            SSTemplateField(id: 252, slug: "certificate", name: "Certificate", description: "The certificate (PEM).", kind: .file),
            SSTemplateField(id: 253, slug: "private-key", name: "Private Key", description: "The certificate's private key (PEM).", kind: .file),
            SSTemplateField(id: 254, slug: "private-key-password", name: "Private Key Password", description: "The password protecting the private key.", kind: .password),
            SSTemplateField(id: 255, slug: "notes", name: "Notes", description: "Any additional notes.", kind: .notes),
        ]),
    ]

    static func template(_ id: Int) -> SSTemplate? { all.first { $0.id == id } }
}
