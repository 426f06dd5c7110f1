// ParleyWeb: `?page=N` of the paged HTML lists (the record, the irritant register). Page 1 when
// absent; anything but a whole number from 1 to the last page is a 400 that says which pages
// there are, on Parley's own error page.

import Hummingbird

enum PageNumber {
    /// The page `request` asks for, of `pageCount`; `holder` names the list in the message
    /// ("This record").
    static func requested(_ request: Request, pageCount: Int, holder: String) throws -> Int {
        guard let raw = request.uri.queryParameters["page"] else { return 1 }
        guard raw.utf8.count <= 9, raw.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let number = Int(String(raw)), number >= 1
        else {
            throw WebError(
                .badRequest,
                "The page number must be a whole number from 1, such as ?page=2.",
                field: "page"
            )
        }
        guard number <= pageCount else {
            throw WebError(
                .badRequest,
                "\(holder) has \(pageCount) page\(pageCount == 1 ? "" : "s"); ask for page 1 to \(pageCount).",
                field: "page"
            )
        }
        return number
    }

    /// How many pages `count` rows fill, `size` to a page; an empty list still has page 1.
    static func count(_ count: Int, size: Int) -> Int { max(1, (count + size - 1) / size) }
}
