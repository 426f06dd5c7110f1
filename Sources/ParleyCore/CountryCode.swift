// ISO 3166-1 alpha-3 country codes: the officially assigned codes only (ISO 3166-1:2020 with its
// published newsletters; 249 codes). Typed out as a fact table so validation needs no I/O.

/// An officially assigned ISO 3166-1 alpha-3 code such as `USA`, `RUS`, `SAU`.
public struct CountryCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Nil unless `text` is exactly an officially assigned code, in upper case.
    public init?(_ text: String) {
        guard CountryCode.assigned.contains(text) else { return nil }
        self.rawValue = text
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CountryCode(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an ISO 3166-1 alpha-3 code: \(text)")
            )
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// ISO 3166-1 officially assigned alpha-3 codes (user-assigned and reserved codes excluded).
    public static let assigned: Set<String> = [
        "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF", "ATG",
        "AUS", "AUT", "AZE",
        "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU",
        "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA",
        "CAF", "CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM", "CPV",
        "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE",
        "DEU", "DJI", "DMA", "DNK", "DOM", "DZA",
        "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH",
        "FIN", "FJI", "FLK", "FRA", "FRO", "FSM",
        "GAB", "GBR", "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL",
        "GTM", "GUF", "GUM", "GUY",
        "HKG", "HMD", "HND", "HRV", "HTI", "HUN",
        "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA",
        "JAM", "JEY", "JOR", "JPN",
        "KAZ", "KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT",
        "LAO", "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA",
        "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR", "MNE",
        "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT",
        "NAM", "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL",
        "OMN",
        "PAK", "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL", "PRI", "PRK", "PRT", "PRY", "PSE", "PYF",
        "QAT",
        "REU", "ROU", "RUS", "RWA",
        "SAU", "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB",
        "SSD", "STP", "SUR", "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR",
        "TCA", "TCD", "TGO", "THA", "TJK", "TKL", "TKM", "TLS", "TON", "TTO", "TUN", "TUR", "TUV", "TWN",
        "TZA",
        "UGA", "UKR", "UMI", "URY", "USA", "UZB",
        "VAT", "VCT", "VEN", "VGB", "VIR", "VNM", "VUT",
        "WLF", "WSM",
        "YEM",
        "ZAF", "ZMB", "ZWE",
    ]
}
