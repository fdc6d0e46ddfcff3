import PAMCore

/// `show --all --json`: one object with the target and every field, values included. Text
/// values are JSON strings, files base64 with their name and size. The document holds secrets,
/// so it is built in a writer sized for it up front and wiped once written.
enum FieldsJSON {
    static func print(_ values: [FieldValue], client: any VendorClient, account: Account) {
        let room = values.reduce(4096) { $0 + $1.value.count * 6 + 256 }
        var writer = JSONWriter(capacity: room)
        writer.object { json in
            json.field("fields") { array in
                array.array { array in
                    for value in values { write(value, to: &array) }
                }
            }
            json.field("id", account.id)
            json.field("name", account.name)
            json.field("path", account.path)
            json.field("profile", client.profile)
            json.field("vendor", client.vendor.rawValue)
        }
        writer.bytes.withUnsafeBytes { Console.writeAll($0, to: 1) }
        writer.wipe()
        Console.write("\n", to: 1)
    }

    private static func write(_ value: FieldValue, to writer: inout JSONWriter) {
        let field = value.field
        writer.object { json in
            if field.kind.isFileLike {
                json.key("base64")
                json.secretBase64(value.value)
                json.optionalField("fileName", field.fileName)
            }
            json.field("kind", field.kind.rawValue)
            json.field("label", field.label)
            json.field("secret", field.isSecret)
            if field.kind.isFileLike { json.field("size", value.value.count) }
            json.field("slug", field.slug)
            if !field.kind.isFileLike {
                json.key("value")
                json.secretString(value.value)
            }
        }
    }
}
