import Foundation
import PAMCore

extension SecretServerClient: AccountLookup {
    /// The secret at `FOLDER/PATH/SECRET` (the "system" is the first folder), looked up by path
    /// (`GET secrets/0?secretPath=\FOLDER\PATH\SECRET`) without checking it out. A restricted
    /// secret (check-out, comment, approval) refuses even that look with a 400 (spec §4.1), so
    /// then it is found in its folder's listing instead, its fields from its template.
    public func findAccount(systemName: String, accountName: String) async throws -> Account {
        try await call("find secret") {
            let parts = "\(systemName)/\(accountName)".split(whereSeparator: { $0 == "/" || $0 == "\\" }).map(String.init)
            let wire = SecretServerMapping.wirePath(parts)
            let endpoint = SecretServerEndpoint.secretByPath(wire, noAutoCheckout: true)
            let folder = parts.dropLast().joined(separator: "/")
            let response: HTTPResponse
            do {
                response = try await session.send(endpoint, subject: "secret \(wire)")
            } catch let error as PAMError where error.status == 400 || error.status == 404 {
                // Unknown and unlisted secrets are both "Access Denied" (the server checks
                // permissions first), so a secret the folder's listing lacks is not found.
                if error.status == 400, let listed = try await listedSecret(parts) { return listed }
                throw PAMError(.notFound, "no secret \(wire)", operation: endpoint.operation, vendorCode: error.vendorCode, status: error.status)
            }
            try SecretServerSession.requireJSON(response, endpoint: endpoint, site: session.site)
            let model = try SecretModel(scanning: response.body, operation: endpoint.operation)
            remember(model)
            let account = SecretServerMapping.account(model, folderPath: folder, fields: await fields(of: model))
            knownFields.withLock { $0[account.id] = account.fields }
            return account
        }
    }

    /// The secret named by `parts` in its folder's listing (`GET folders/0?folderPath=`, then a
    /// search of that folder by name); nil when the folder has no secret of that name.
    private func listedSecret(_ parts: [String]) async throws -> Account? {
        guard parts.count > 1, let name = parts.last else { return nil }
        let folder: SecretServerDTO.Folder
        do {
            folder = try await session.decode(SecretServerDTO.Folder.self, .folderByPath(SecretServerMapping.wirePath(Array(parts.dropLast()))))
        } catch let error as PAMError where error.status == 400 || error.status == 404 {
            return nil
        }
        var search = SecretSearch(folderID: String(folder.id))
        search.text = name
        var skip = 0
        while true {
            let page = try await summaries(search, skip: skip, take: configuration.pageSize)
            if let summary = page.items.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
                let fields = await templateFields(summary.secretTemplateId) ?? []
                let account = SecretServerMapping.account(summary, folderPath: parts.dropLast().joined(separator: "/"), fields: fields)
                knownFields.withLock { $0[account.id] = fields }
                return account
            }
            skip += page.items.count
            guard !page.items.isEmpty, skip < page.total ?? 0 else { return nil }
        }
    }
}

extension SecretServerClient: CredentialCheckout {
    /// Checks the secret out (`POST …/check-out`; a restricted read when a comment, ticket or
    /// forced check-in goes with it). The secret sets the length, not the caller; a lease has no
    /// id of its own, so the secret's id stands for it. A secret already checked out to me is
    /// reused (extended with `extend=yes`); one held by another user is a conflict naming them.
    public func checkOut(_ request: CheckoutRequest) async throws -> CheckoutOutcome {
        try await call("check-out") {
            let account = request.account
            let subject = account.path
            let comment = try resolvedComment(request)
            let force = option(SecretServerCheckoutOptions.forceCheckIn, request) == "yes"
            let state = try await lockState(account.id, subject: subject)
            guard state.checkOutEnabled else {
                throw PAMError(.unsupported, "\(subject) is not set up for check-out: read it with pamtui show, no lease needed")
            }
            let mine = state.checkedOut && state.isMine
            if state.checkedOut && !mine && !force { throw Self.heldByOther(subject, state.dto, nil) }
            let issuedAt = now()
            var minutesLeft: Int?
            if mine {
                if option(SecretServerCheckoutOptions.extend, request) == "yes" {
                    let body = WireJSON.encode(SecretServerDTO.ExtendBody(data: .init(comment: comment)))
                    let end = try await session.decode(SecretServerDTO.CheckOutEnd.self, .extendCheckOut(secretID: account.id), body: .bytes(body), subject: subject)
                    if let date = ISODateTime.parse(end.checkOutEndTime) { minutesLeft = Int(date.timeIntervalSince(issuedAt) / 60) }
                }
            } else if comment != nil || ticket(request) != nil || force {
                var args = SecretServerDTO.RestrictedArgs(
                    comment: comment, ticketNumber: ticket(request), ticketSystemId: option(SecretServerCheckoutOptions.ticketSystem, request).flatMap(Int.init),
                    forceCheckIn: force ? true : nil)
                let response = try await explaining(id: account.id, subject: subject) {
                    args.doubleLockPassword = try await doubleLock.password(for: account.id, subject: subject)
                    return try await session.send(.restricted(secretID: account.id), body: args.body, subject: subject)
                }
                minutesLeft = (try? SecretModel(scanning: response.body, operation: "check-out"))?.checkOutMinutesRemaining
            } else {
                _ = try await explaining(id: account.id, subject: subject) {
                    try await session.send(.checkOut(secretID: account.id), subject: subject)
                }
            }
            // The real countdown, unless the caller fetches next and saves the call.
            if minutesLeft == nil, request.confirmState || mine {
                minutesLeft = (try? await session.decode(SecretServerDTO.SecretState.self, .state(secretID: account.id)))?.checkOutMinutesRemaining
            }
            let minutes = minutesLeft.flatMap { $0 > 0 ? $0 : nil } ?? state.interval ?? account.defaultDurationMinutes ?? 30
            let lease = Lease(
                profile: profile, vendor: vendor, requestID: account.id, accountID: account.id, systemID: account.systemID,
                systemName: account.systemName, accountName: account.name, reason: comment, issuedAt: issuedAt,
                expiresAt: issuedAt.addingTimeInterval(TimeInterval(minutes) * 60))
            return .granted(lease, reused: mine)
        }
    }

    /// A secret without check-out is read at once, with nothing to release (a reused lease that
    /// ends now); otherwise check out, then the one field.
    public func checkOutAndRetrieve(_ request: CheckoutRequest, field: CredentialField) async throws -> CheckoutRetrieval {
        let state = try await call("check-out") { try await lockState(request.account.id, subject: request.account.path) }
        if !state.checkOutEnabled {
            let issuedAt = now()
            let account = request.account
            let look = Lease(
                profile: profile, vendor: vendor, requestID: account.id, accountID: account.id, systemID: account.systemID,
                systemName: account.systemName, accountName: account.name, reason: request.reason, issuedAt: issuedAt,
                expiresAt: issuedAt)
            let value = await Result.catching {
                try await call("retrieve credential") {
                    let context = RetrievalContext(reason: try resolvedComment(request), ticket: ticket(request))
                    return try await fieldValue(id: account.id, field: try credentialField(field, of: account), context: context, subject: account.path)
                }
            }
            return CheckoutRetrieval(.granted(look, reused: true), credential: value)
        }
        var quick = request
        quick.confirmState = false
        let outcome = try await checkOut(quick)
        guard let lease = outcome.lease else { return CheckoutRetrieval(outcome, credential: nil) }
        return CheckoutRetrieval(outcome, credential: await Result.catching { try await retrieve(lease, field: field) })
    }

    public func retrieve(_ lease: Lease, field: CredentialField) async throws -> SecretBytes {
        try await call("retrieve credential") {
            let subject = "\(lease.systemName)/\(lease.accountName)"
            var fields = knownFields.withLock { $0[lease.accountID] } ?? []
            if fields.isEmpty, let model = lastLook(lease.accountID) { fields = await self.fields(of: model) }
            let chosen = try credentialField(field, in: fields, subject: subject)
            return try await fieldValue(id: lease.accountID, field: chosen, context: RetrievalContext(lease: lease), subject: subject)
        }
    }

    /// `POST …/check-in` with the reason as comment. Checking in is the only way to end a lease.
    public func release(requestID: String, action: RequestAction, reason: String?) async throws {
        try await call("check-in") {
            let body = SecretServerDTO.RestrictedArgs(comment: reason).body
            _ = try await session.send(.checkIn(secretID: requestID), body: body, subject: "secret \(requestID)")
        }
    }

    /// The secrets checked out to me, each with its countdown from `/state`.
    public func listRequests() async throws -> [AccessRequest] {
        try await call("list requests") {
            let take = configuration.pageSize
            let held = try await PagedFetch.all(
                pageSize: take, concurrency: configuration.pageConcurrency, bounds: configuration.listBounds, profile: profile,
                operation: "list requests"
            ) { [self] skip in try await summaries(SecretSearch(onlyCheckedOutByMe: true), skip: skip, take: take) }
            let at = now()
            return try await withThrowingTaskGroup(of: (Int, AccessRequest).self) { group in
                for (index, summary) in held.enumerated() {
                    group.addTask { [self] in
                        let state = try? await session.decode(SecretServerDTO.SecretState.self, .state(secretID: String(summary.id)))
                        return (index, SecretServerMapping.request(summary, minutesLeft: state?.checkOutMinutesRemaining, at: at))
                    }
                }
                var requests: [(Int, AccessRequest)] = []
                for try await request in group { requests.append(request) }
                return requests.sorted { $0.0 < $1.0 }.map(\.1)
            }
        }
    }

    /// Where the secret's check-out lock stands, from this run's look-up or `/state`.
    private func lockState(_ id: String, subject: String) async throws -> LockState {
        if let model = lastLook(id) {
            return try await LockState(
                checkOutEnabled: model.checkOutEnabled, checkedOut: model.checkedOut, isMine: false,
                interval: model.checkOutIntervalMinutes.flatMap { $0 > 0 ? $0 : nil },
                dto: SecretServerDTO.SecretState(
                    checkedOutUserId: model.checkOutUserID, checkOutMinutesRemaining: model.checkOutMinutesRemaining,
                    checkedOutUserDisplayName: model.checkOutUserDisplayName), needsState: model.checkedOut)
                .resolved { try await self.session.decode(SecretServerDTO.SecretState.self, .state(secretID: id), subject: subject) }
        }
        let state = try await session.decode(SecretServerDTO.SecretState.self, .state(secretID: id), subject: subject)
        return LockState(state: state)
    }

    private func option(_ spec: CheckoutOptionSpec, _ request: CheckoutRequest) -> String? {
        let value = request.options[spec.key] ?? configuration.defaults.options[spec.key] ?? spec.defaultValue
        return value.flatMap { $0.isEmpty ? nil : $0 }
    }

    private func ticket(_ request: CheckoutRequest) -> String? { option(SecretServerCheckoutOptions.ticket, request) }

    private func resolvedComment(_ request: CheckoutRequest) throws -> String? {
        let comment = (request.reason ?? configuration.defaults.comment).flatMap { $0.isEmpty ? nil : $0 }
        if comment == nil && configuration.defaults.requireComment {
            throw PAMError(.usage, "a reason is required for check-outs in profile \(profile)")
        }
        return comment
    }

    private func credentialField(_ field: CredentialField, of account: Account) throws -> SecretField {
        try credentialField(field, in: account.fields, subject: account.path)
    }

    private func credentialField(_ field: CredentialField, in fields: [SecretField], subject: String) throws -> SecretField {
        let kind: FieldKind = field == .key ? .privateKey : .password
        if let found = fields.first(where: { $0.kind == kind }) { return found }
        if fields.isEmpty {
            return SecretField(slug: field == .key ? "private-key" : "password", label: field.rawValue, kind: kind, isSecret: true)
        }
        throw PAMError(.notFound, "\(subject) has no \(field == .key ? "SSH key" : "password") field (fields: \(fields.map(\.slug).joined(separator: ", ")))")
    }
}

/// A secret's check-out lock as the check-out needs it.
struct LockState: Sendable {
    var checkOutEnabled: Bool
    var checkedOut: Bool
    var isMine: Bool
    var interval: Int?
    var dto: SecretServerDTO.SecretState
    /// Whether the holder must still be asked (`/state` says if it is me).
    var needsState = false

    init(
        checkOutEnabled: Bool, checkedOut: Bool, isMine: Bool, interval: Int?, dto: SecretServerDTO.SecretState, needsState: Bool
    ) {
        self.checkOutEnabled = checkOutEnabled
        self.checkedOut = checkedOut
        self.isMine = isMine
        self.interval = interval
        self.dto = dto
        self.needsState = needsState
    }

    init(state: SecretServerDTO.SecretState) {
        // `RequiresCheckout…` states and a lock held say check-out is on; the `/state` answer has
        // no plain flag for it.
        let word = state.secretState ?? ""
        self.init(
            checkOutEnabled: word.hasPrefix("RequiresCheckout") || state.isCheckedOut == true || (state.checkOutIntervalMinutes ?? 0) > 0,
            checkedOut: state.isCheckedOut == true, isMine: state.isCheckedOutByCurrentUser == true,
            interval: state.checkOutIntervalMinutes.flatMap { $0 > 0 ? $0 : nil }, dto: state, needsState: false)
    }

    /// Asks `/state` when the look-up could not tell whose the lock is.
    func resolved(_ fetch: () async throws -> SecretServerDTO.SecretState) async throws -> LockState {
        guard needsState else { return self }
        var merged = LockState(state: try await fetch())
        merged.checkOutEnabled = checkOutEnabled
        merged.interval = merged.interval ?? interval
        return merged
    }
}
