import CCurl

/// libcurl callbacks. C function pointers cannot capture, so each one finds its transfer through
/// the `*DATA` pointer; the engine's active map keeps the transfer alive meanwhile.
enum CurlCallbacks {
    static let write: curl_write_callback = { data, size, count, context in
        guard let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard length > 0, let data else { return 0 }
        // Returning less than `length` makes libcurl stop with CURLE_WRITE_ERROR;
        // CURL_WRITEFUNC_PAUSE pauses the transfer with the data kept.
        return transfer.receive(UnsafeRawBufferPointer(start: data, count: length))
    }

    static let header: curl_write_callback = { data, size, count, context in
        guard let context else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        guard length > 0, let data else { return length }
        // Less than `length` fails the transfer with CURLE_WRITE_ERROR (the header size limit).
        return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
    }

    static let prereq: curl_prereq_callback = { context, _, _, _, _ in
        guard let context else { return Int32(CURL_PREREQFUNC_ABORT) }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.attemptStarting() ? Int32(CURL_PREREQFUNC_OK) : Int32(CURL_PREREQFUNC_ABORT)
    }

    static let read: curl_read_callback = { buffer, size, count, context in
        guard let context, let buffer else { return Int(CURL_READFUNC_ABORT) }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.send(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
    }

    static let seek: curl_seek_callback = { context, offset, origin in
        guard let context, origin == SEEK_SET else { return Int32(CURL_SEEKFUNC_CANTSEEK) }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.seek(to: Int(offset)) ? Int32(CURL_SEEKFUNC_OK) : Int32(CURL_SEEKFUNC_FAIL)
    }
}
