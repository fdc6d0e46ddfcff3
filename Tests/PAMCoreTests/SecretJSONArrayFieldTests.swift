import PAMCore
import Testing

/// `SecretJSON.stringField(_:inArray:where:equals:in:)`, on bodies shaped like Delinea Secret
/// Server's secrets (`items` of `slug` and `itemValue`).
@Suite struct SecretJSONArrayFieldTests {
    private func password(_ json: String, slug: String = "password") throws -> String? {
        try SecretJSON.stringField("itemValue", inArray: "items", where: "slug", equals: slug, in: SecretBytes(utf8: json))?
            .unsafeStringCopy()
    }

    @Test func findsTheMatchingItemWhereverItIs() throws {
        let after = #"{"id":1,"items":[{"slug":"username","itemValue":"bob"},{"slug":"password","itemValue":"S3cr3t"}]}"#
        let before = #"{"id":1,"items":[{"slug":"password","itemValue":"S3cr3t"},{"slug":"username","itemValue":"bob"}]}"#
        let alone = #"{"items":[{"slug":"password","itemValue":"S3cr3t"}],"id":1}"#
        // The value before the slug in its item, and other fields around both.
        let valueFirst = #"{"items":[{"itemValue":"bob","slug":"username"},{"itemId":2,"itemValue":"S3cr3t","fieldName":"Password","slug":"password","isFile":false}]}"#
        for json in [after, before, alone, valueFirst] {
            #expect(try password(json) == "S3cr3t")
        }
        #expect(try password(after, slug: "username") == "bob")
    }

    @Test func keysMatchCaseInsensitivelyButTheValueExactly() throws {
        let json = #"{"Items":[{"Slug":"PASSWORD","ItemValue":"upper"},{"SLUG":"password","ITEMVALUE":"lower"}]}"#
        #expect(try password(json) == "lower")
        #expect(try password(json, slug: "PASSWORD") == "upper")
        #expect(try password(json, slug: "Password") == nil)
    }

    @Test func absentOrNullGivesNil() throws {
        #expect(try password(#"{"id":1}"#) == nil)
        #expect(try password(#"{}"#) == nil)
        #expect(try password(#"{"items":null}"#) == nil)
        #expect(try password(#"{"items":[]}"#) == nil)
        #expect(try password(#"{"items":[{"slug":"username","itemValue":"bob"}]}"#) == nil)
        #expect(try password(#"{"items":[{"slug":"password","itemValue":null}]}"#) == nil)
        #expect(try password(#"{"items":[{"slug":"password"}]}"#) == nil)
        // A slug that is not a string never matches.
        #expect(try password(#"{"items":[{"slug":null,"itemValue":"x"},{"slug":1,"itemValue":"y"}]}"#) == nil)
    }

    @Test func decodesEscapesInTheValueAndTheSlug() throws {
        let json = #"{"items":[{"slug":"pass\u0077ord","itemValue":"a\"b\\c\/d\n\u00e9\ud83d\udd11"}]}"#
        #expect(try password(json) == "a\"b\\c/d\né🔑")
    }

    @Test func skipsNestedObjectsArraysAndNonObjectElements() throws {
        let json = #"""
        {"name":"x","items":{"not":"this"},"meta":{"items":[{"slug":"password","itemValue":"nested"}]},
         "items":"shadowed"}
        """#
        // The first top-level "items" decides; it is not an array.
        #expect(throws: PAMError.self) { try password(json) }

        let deep = #"""
        {"meta":{"items":[{"slug":"password","itemValue":"nested"}]},
         "items":[1,"s",null,[{"slug":"password","itemValue":"in a nested array"}],
                  {"slug":"username","itemValue":"bob","extra":{"slug":"password","itemValue":"in a nested object"}},
                  {"extra":[{"itemValue":"nope"}],"slug":"password","itemValue":"right"}]}
        """#
        #expect(try password(deep) == "right")
    }

    @Test func refusesMalformedBodies() {
        for json in [
            #"[]"#, #"{"items":5}"#, #"{"items":[{"slug":"password","itemValue":5}]}"#,
            #"{"items":[{"slug":"password","itemValue":"S3cr3t""#, #"{"items":[{"slug":"password","itemValue":"unterminated"#,
            #"{"items":[{"slug":"username","itemValue":"bob"}"#, #"{"items":[{"slug":"password","itemValue":"\ud83d"}]}"#,
        ] {
            #expect(throws: PAMError.self, "\(json)") { try password(json) }
        }
    }
}
