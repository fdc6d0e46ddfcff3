import PAMCore
import Testing

@Suite struct SecretJSONTests {
    @Test(arguments: [
        (#""p@ssw0rd""#, "p@ssw0rd"),
        (#"  "quote\" slash\\ \/ nl\n tab\t"  "#, "quote\" slash\\ / nl\n tab\t"),
        (#""caf\u00e9 \ud83d\udd11""#, "café 🔑"),
        (#""""#, ""),
    ])
    func decodesStringLiterals(json: String, expected: String) throws {
        #expect(try SecretJSON.stringLiteral(SecretBytes(utf8: json)).unsafeStringCopy() == expected)
    }

    @Test(arguments: [#"p@ss"#, #""unterminated"#, #""a" trailing"#, #""bad \x escape""#, #""\ud83d alone""#])
    func rejectsMalformedLiterals(json: String) {
        #expect { try SecretJSON.stringLiteral(SecretBytes(utf8: json)) } throws: { error in
            (error as? PAMError)?.kind == .malformed
        }
    }

    @Test func findsTopLevelFieldsSkippingNestedValuesCaseInsensitively() throws {
        let body = SecretBytes(utf8: #"""
        {"Id":"1","Nested":{"Password":"not this","List":[1,{"Password":"nor this"},"]"]},
         "n": null, "num": -1.5e3, "ok": true, "password":"the \"one\""}
        """#)
        #expect(try SecretJSON.stringField("Password", in: body)?.unsafeStringCopy() == "the \"one\"")
        #expect(try SecretJSON.stringField("missing", in: body) == nil)
        #expect(try SecretJSON.stringField("n", in: body) == nil)
    }

    @Test func emptyObjectHasNoFields() throws {
        #expect(try SecretJSON.stringField("a", in: SecretBytes(utf8: " { } ")) == nil)
    }
}
