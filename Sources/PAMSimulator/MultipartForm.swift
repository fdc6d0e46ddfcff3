import Foundation

/// Reads a `multipart/form-data` request body, enough for file uploads (one part by name).
enum MultipartForm {
    struct Part: Sendable {
        var name: String
        var fileName: String?
        var bytes: [UInt8]
    }

    /// The part called `name`, or nil when the body is not multipart or has no such part.
    static func file(named name: String, request: SimulatorRequest) -> Part? {
        guard let type = request.header("content-type"), type.lowercased().hasPrefix("multipart/form-data"),
              let boundaryRange = type.range(of: "boundary=", options: .caseInsensitive)
        else { return nil }
        var boundary = String(type[boundaryRange.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        return parts(request.body, boundary: boundary).first { $0.name == name }
    }

    static func parts(_ body: [UInt8], boundary: String) -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        var result: [Part] = []
        var starts: [Int] = []
        var index = 0
        while let found = find(delimiter, in: body, from: index) {
            starts.append(found)
            index = found + delimiter.count
        }
        for (first, next) in zip(starts, starts.dropFirst()) {
            var section = Array(body[(first + delimiter.count)..<next])
            if section.starts(with: [13, 10]) { section.removeFirst(2) }
            if section.suffix(2) == [13, 10] { section.removeLast(2) }
            guard let split = find([13, 10, 13, 10], in: section, from: 0) else { continue }
            let head = String(decoding: section[..<split], as: UTF8.self)
            let content = Array(section[(split + 4)...])
            guard let disposition = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }) else { continue }
            let partName = parameter("name", in: String(disposition))
            result.append(Part(name: partName ?? "", fileName: parameter("filename", in: String(disposition)), bytes: content))
        }
        return result
    }

    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix(key + "=") else { continue }
            return String(trimmed.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}
