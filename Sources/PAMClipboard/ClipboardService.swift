import PAMCore

/// Copies secrets to the clipboard and clears them again, but only while the clipboard still
/// holds what it copied. It keeps no timer: the caller calls `clear(ifStill:)` at `clearsAt`.
public actor ClipboardService {
    /// The backend in use.
    public nonisolated let backend: any ClipboardBackend
    private let detection: ClipboardDetection?
    private let fingerprinter: ClipboardFingerprinter
    private let now: @Sendable () -> ContinuousClock.Instant
    private var last: ClipboardReceipt?
    private var sequence: UInt64 = 0
    // Copy and clear each read, then act; running them one at a time keeps a clear from
    // wiping a copy that landed in between.
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A service over `backend`; `detection` feeds the doctor's lines.
    public init(
        backend: any ClipboardBackend, detection: ClipboardDetection? = nil,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.backend = backend
        self.detection = detection
        self.fingerprinter = ClipboardFingerprinter()
        self.now = now
    }

    /// A service over the backend the detector picks; throws when there is no clipboard.
    public init(
        detector: ClipboardDetector, runner: any HelperRunner = ProcessHelperRunner(),
        terminalWriter: @escaping OSC52Backend.Writer = OSC52Backend.writeToStandardOutput
    ) throws {
        let detection = detector.detect()
        self.init(backend: try detection.makeBackend(runner: runner, terminalWriter: terminalWriter), detection: detection)
    }

    /// The receipt of the copy that may still be on the clipboard.
    public var lastReceipt: ClipboardReceipt? { last }

    /// Puts `secret` on the clipboard; the receipt says when to clear it.
    public func copy(_ secret: SecretBytes, clearAfter: Duration) async throws -> ClipboardReceipt {
        await acquire()
        defer { release() }
        let fingerprint = fingerprinter.fingerprint(of: secret)
        try await backend.write(secret)
        sequence += 1
        let receipt = ClipboardReceipt(
            sequence: sequence, backend: backend.kind, backendName: backend.name, fingerprint: fingerprint,
            clearsAt: now().advanced(by: clearAfter), verifiable: backend.canReadBack
        )
        last = receipt
        return receipt
    }

    /// Clears the clipboard if it still holds the copy of `receipt`.
    public func clear(ifStill receipt: ClipboardReceipt) async -> ClearOutcome {
        await acquire()
        defer { release() }
        guard let last, last.sequence == receipt.sequence else { return .superseded }
        return await clearLocked(last)
    }

    /// Clears the last copy if it is still on the clipboard (quit, SIGTERM, lock).
    public func clearNow() async -> ClearOutcome {
        await acquire()
        defer { release() }
        guard let last else { return .nothingToClear }
        return await clearLocked(last)
    }

    /// What is in use, why, what was found, and what cannot be promised.
    public func doctor() async -> ClipboardReport {
        var lines = ["clipboard: \(backend.name)" + (detection.map { " (\($0.reason))" } ?? "")]
        if let detection {
            for candidate in detection.candidates {
                lines.append("  \(candidate.name): \(candidate.found ?? "missing")")
            }
            lines += detection.notes
        }
        if backend.canReadBack {
            lines.append("clearing is verified: the clipboard is read back and cleared only if it still holds the copy")
        }
        lines += await backend.diagnostics()
        if let detection, detection.isRemote, backend.kind == .osc52 || backend.kind == .tmux {
            lines.append("the clipboard is remote (your terminal's); auto-clear there is best-effort")
        }
        return ClipboardReport(backend: backend.kind, verifiable: backend.canReadBack, lines: lines)
    }

    private func clearLocked(_ receipt: ClipboardReceipt) async -> ClearOutcome {
        let outcome = await clearIfOurs(receipt)
        if case .failed = outcome { return outcome }
        last = nil
        return outcome
    }

    private func clearIfOurs(_ receipt: ClipboardReceipt) async -> ClearOutcome {
        do {
            guard backend.canReadBack else {
                try await backend.clear()
                return .unverified
            }
            guard let current = try await backend.read() else { return .alreadyEmpty }
            defer { current.wipe() }
            if current.isEmpty { return .alreadyEmpty }
            guard fingerprinter.fingerprint(of: current) == receipt.fingerprint else {
                await backend.discardOwnCopy()
                return .changed
            }
            try await backend.clear()
            return .cleared
        } catch {
            return .failed(PAMError.wrap(error, operation: "clear clipboard"))
        }
    }

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
