// ParleyWeb: building HTML responses and redirects.

import Hummingbird

enum HTMLResponse {
    static let contentType = "text/html; charset=utf-8"

    /// A complete HTML page.
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        let buffer = ByteBuffer(string: html)
        return Response(
            status: status,
            headers: [.contentType: contentType, .contentLength: String(buffer.readableBytes)],
            body: .init(byteBuffer: buffer)
        )
    }

    /// RFC 9110 §15.4.4 303 See Other: after a POST, the browser GETs `location`, so reloading
    /// the result does not submit the form again.
    static func seeOther(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .contentLength: "0"])
    }
}
