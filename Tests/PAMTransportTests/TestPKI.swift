import Foundation
import PAMCore

/// Test certificates made once per test run with the `openssl` command line: two CAs, a server
/// certificate for 127.0.0.1/localhost signed by CA "A", and a client identity signed by "A" as PEM,
/// encrypted PEM and PKCS#12.
struct TestPKI: Sendable {
    static let shared: Result<TestPKI, TestPKIError> = Result { () throws(TestPKIError) in try TestPKI.make() }

    static let clientCommonName = "pamtui-test-client"
    static let keyPassphrase = "pem-key-pass"
    static let p12Passphrase = "p12-bundle-pass"

    /// Every file openssl made, by name. The folder is removed once they are read, so no test key
    /// outlives the run.
    let files: [String: [UInt8]]
    /// CA "A"'s subject hash: its file name in a hashed CA directory.
    let caHash: String

    func bytes(_ name: String) -> [UInt8] { files[name] ?? [] }

    var caA: [UInt8] { bytes("caA.pem") }
    var caB: [UInt8] { bytes("caB.pem") }

    /// Runs `body` with a directory holding CA "A" under its hash name, standing in for
    /// /etc/ssl/certs, and removes it afterwards.
    func withFakeSystemStore<R>(_ body: (String) async throws -> R) async throws -> R {
        let store = FileManager.default.temporaryDirectory
            .appendingPathComponent("pamtui-transport-store-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: store) }
        try Data(caA).write(to: store.appendingPathComponent("\(caHash).0"))
        return try await body(store.path)
    }

    private static func make() throws(TestPKIError) -> TestPKI {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("pamtui-transport-pki-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw TestPKIError(message: "cannot create \(directory.path): \(error)")
        }
        let days = ["-days", "2"]
        let script: [[String]] = [
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "caA.key", "-out", "caA.pem", "-subj", "/CN=pamtui test CA A"] + days,
            ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "caB.key", "-out", "caB.pem", "-subj", "/CN=pamtui test CA B"] + days,
            ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"],
            ["x509", "-req", "-in", "server.csr", "-CA", "caA.pem", "-CAkey", "caA.key", "-CAcreateserial",
             "-out", "server.pem", "-extfile", "server.ext"] + days,
            ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", "client.key", "-out", "client.csr", "-subj", "/CN=\(clientCommonName)"],
            ["x509", "-req", "-in", "client.csr", "-CA", "caA.pem", "-CAkey", "caA.key", "-CAcreateserial",
             "-out", "client.pem", "-extfile", "client.ext"] + days,
            ["pkey", "-in", "client.key", "-aes256", "-passout", "pass:\(keyPassphrase)", "-out", "client-enc.key"],
            ["pkcs12", "-export", "-in", "client.pem", "-inkey", "client.key", "-passout", "pass:\(p12Passphrase)",
             "-out", "client.p12"],
            ["x509", "-in", "caA.pem", "-noout", "-hash", "-out", "caA.hash"],
        ]
        let extensions = [
            "server.ext": "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n",
            "client.ext": "extendedKeyUsage=clientAuth\n",
        ]
        for (name, text) in extensions {
            do {
                try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            } catch {
                throw TestPKIError(message: "cannot write \(name): \(error)")
            }
        }
        for arguments in script { try run(arguments, in: directory) }
        var files: [String: [UInt8]] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
            files[name] = (try? Array(Data(contentsOf: directory.appendingPathComponent(name)))) ?? []
        }
        let hash = String(decoding: files["caA.hash"] ?? [], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return TestPKI(files: files, caHash: hash)
    }

    private static func run(_ arguments: [String], in directory: URL) throws(TestPKIError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw TestPKIError(message: "cannot run openssl: \(error)")
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestPKIError(
                message: "openssl \(arguments.prefix(2).joined(separator: " ")) failed: \(String(decoding: output, as: UTF8.self))")
        }
    }
}

struct TestPKIError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
