namespace RmaBackOffice.Features.Offices;

/// <summary>ISO 3166-1 alpha-2 codes with English short names (from the tz database's iso3166.tab, public domain).</summary>
public static class Countries
{
    public static readonly IReadOnlyList<Country> All =
    [
        new("AF", "Afghanistan"), new("AL", "Albania"), new("DZ", "Algeria"), new("AD", "Andorra"), new("AO", "Angola"),
        new("AI", "Anguilla"), new("AQ", "Antarctica"), new("AG", "Antigua & Barbuda"), new("AR", "Argentina"),
        new("AM", "Armenia"), new("AW", "Aruba"), new("AU", "Australia"), new("AT", "Austria"), new("AZ", "Azerbaijan"),
        new("BS", "Bahamas"), new("BH", "Bahrain"), new("BD", "Bangladesh"), new("BB", "Barbados"), new("BY", "Belarus"),
        new("BE", "Belgium"), new("BZ", "Belize"), new("BJ", "Benin"), new("BM", "Bermuda"), new("BT", "Bhutan"),
        new("BO", "Bolivia"), new("BA", "Bosnia & Herzegovina"), new("BW", "Botswana"), new("BV", "Bouvet Island"),
        new("BR", "Brazil"), new("IO", "British Indian Ocean Territory"), new("BN", "Brunei"), new("BG", "Bulgaria"),
        new("BF", "Burkina Faso"), new("BI", "Burundi"), new("KH", "Cambodia"), new("CM", "Cameroon"), new("CA", "Canada"),
        new("CV", "Cape Verde"), new("BQ", "Caribbean NL"), new("KY", "Cayman Islands"), new("CF", "Central African Rep."),
        new("TD", "Chad"), new("CL", "Chile"), new("CN", "China"), new("CX", "Christmas Island"),
        new("CC", "Cocos (Keeling) Islands"), new("CO", "Colombia"), new("KM", "Comoros"), new("CD", "Congo (Dem. Rep.)"),
        new("CG", "Congo (Rep.)"), new("CK", "Cook Islands"), new("CR", "Costa Rica"), new("HR", "Croatia"), new("CU", "Cuba"),
        new("CW", "Curaçao"), new("CY", "Cyprus"), new("CZ", "Czechia"), new("CI", "Côte d'Ivoire"), new("DK", "Denmark"),
        new("DJ", "Djibouti"), new("DM", "Dominica"), new("DO", "Dominican Republic"), new("TL", "East Timor"),
        new("EC", "Ecuador"), new("EG", "Egypt"), new("SV", "El Salvador"), new("GQ", "Equatorial Guinea"), new("ER", "Eritrea"),
        new("EE", "Estonia"), new("SZ", "Eswatini (Swaziland)"), new("ET", "Ethiopia"), new("FK", "Falkland Islands"),
        new("FO", "Faroe Islands"), new("FJ", "Fiji"), new("FI", "Finland"), new("FR", "France"), new("GF", "French Guiana"),
        new("PF", "French Polynesia"), new("TF", "French S. Terr."), new("GA", "Gabon"), new("GM", "Gambia"),
        new("GE", "Georgia"), new("DE", "Germany"), new("GH", "Ghana"), new("GI", "Gibraltar"), new("GR", "Greece"),
        new("GL", "Greenland"), new("GD", "Grenada"), new("GP", "Guadeloupe"), new("GU", "Guam"), new("GT", "Guatemala"),
        new("GG", "Guernsey"), new("GN", "Guinea"), new("GW", "Guinea-Bissau"), new("GY", "Guyana"), new("HT", "Haiti"),
        new("HM", "Heard Island & McDonald Islands"), new("HN", "Honduras"), new("HK", "Hong Kong"), new("HU", "Hungary"),
        new("IS", "Iceland"), new("IN", "India"), new("ID", "Indonesia"), new("IR", "Iran"), new("IQ", "Iraq"),
        new("IE", "Ireland"), new("IM", "Isle of Man"), new("IL", "Israel"), new("IT", "Italy"), new("JM", "Jamaica"),
        new("JP", "Japan"), new("JE", "Jersey"), new("JO", "Jordan"), new("KZ", "Kazakhstan"), new("KE", "Kenya"),
        new("KI", "Kiribati"), new("KW", "Kuwait"), new("KG", "Kyrgyzstan"), new("LA", "Laos"), new("LV", "Latvia"),
        new("LB", "Lebanon"), new("LS", "Lesotho"), new("LR", "Liberia"), new("LY", "Libya"), new("LI", "Liechtenstein"),
        new("LT", "Lithuania"), new("LU", "Luxembourg"), new("MO", "Macau"), new("MG", "Madagascar"), new("MW", "Malawi"),
        new("MY", "Malaysia"), new("MV", "Maldives"), new("ML", "Mali"), new("MT", "Malta"), new("MH", "Marshall Islands"),
        new("MQ", "Martinique"), new("MR", "Mauritania"), new("MU", "Mauritius"), new("YT", "Mayotte"), new("MX", "Mexico"),
        new("FM", "Micronesia"), new("MD", "Moldova"), new("MC", "Monaco"), new("MN", "Mongolia"), new("ME", "Montenegro"),
        new("MS", "Montserrat"), new("MA", "Morocco"), new("MZ", "Mozambique"), new("MM", "Myanmar (Burma)"),
        new("NA", "Namibia"), new("NR", "Nauru"), new("NP", "Nepal"), new("NL", "Netherlands"), new("NC", "New Caledonia"),
        new("NZ", "New Zealand"), new("NI", "Nicaragua"), new("NE", "Niger"), new("NG", "Nigeria"), new("NU", "Niue"),
        new("NF", "Norfolk Island"), new("KP", "North Korea"), new("MK", "North Macedonia"),
        new("MP", "Northern Mariana Islands"), new("NO", "Norway"), new("OM", "Oman"), new("PK", "Pakistan"), new("PW", "Palau"),
        new("PS", "Palestine"), new("PA", "Panama"), new("PG", "Papua New Guinea"), new("PY", "Paraguay"), new("PE", "Peru"),
        new("PH", "Philippines"), new("PN", "Pitcairn"), new("PL", "Poland"), new("PT", "Portugal"), new("PR", "Puerto Rico"),
        new("QA", "Qatar"), new("RO", "Romania"), new("RU", "Russia"), new("RW", "Rwanda"), new("RE", "Réunion"),
        new("AS", "Samoa (American)"), new("WS", "Samoa (western)"), new("SM", "San Marino"), new("ST", "Sao Tome & Principe"),
        new("SA", "Saudi Arabia"), new("SN", "Senegal"), new("RS", "Serbia"), new("SC", "Seychelles"), new("SL", "Sierra Leone"),
        new("SG", "Singapore"), new("SK", "Slovakia"), new("SI", "Slovenia"), new("SB", "Solomon Islands"), new("SO", "Somalia"),
        new("ZA", "South Africa"), new("GS", "South Georgia & the South Sandwich Islands"), new("KR", "South Korea"),
        new("SS", "South Sudan"), new("ES", "Spain"), new("LK", "Sri Lanka"), new("BL", "St Barthelemy"), new("SH", "St Helena"),
        new("KN", "St Kitts & Nevis"), new("LC", "St Lucia"), new("SX", "St Maarten (Dutch)"), new("MF", "St Martin (French)"),
        new("PM", "St Pierre & Miquelon"), new("VC", "St Vincent"), new("SD", "Sudan"), new("SR", "Suriname"),
        new("SJ", "Svalbard & Jan Mayen"), new("SE", "Sweden"), new("CH", "Switzerland"), new("SY", "Syria"), new("TW", "Taiwan"),
        new("TJ", "Tajikistan"), new("TZ", "Tanzania"), new("TH", "Thailand"), new("TG", "Togo"), new("TK", "Tokelau"),
        new("TO", "Tonga"), new("TT", "Trinidad & Tobago"), new("TN", "Tunisia"), new("TR", "Turkey"), new("TM", "Turkmenistan"),
        new("TC", "Turks & Caicos Is"), new("TV", "Tuvalu"), new("UM", "US minor outlying islands"), new("UG", "Uganda"),
        new("UA", "Ukraine"), new("AE", "United Arab Emirates"), new("GB", "United Kingdom"), new("US", "United States"),
        new("UY", "Uruguay"), new("UZ", "Uzbekistan"), new("VU", "Vanuatu"), new("VA", "Vatican City"), new("VE", "Venezuela"),
        new("VN", "Vietnam"), new("VG", "Virgin Islands (UK)"), new("VI", "Virgin Islands (US)"), new("WF", "Wallis & Futuna"),
        new("EH", "Western Sahara"), new("YE", "Yemen"), new("ZM", "Zambia"), new("ZW", "Zimbabwe"), new("AX", "Åland Islands"),
    ];

    private static readonly Dictionary<string, string> Names = All.ToDictionary(c => c.Code, c => c.Name, StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string? code) => code is not null && Names.ContainsKey(code);

    public static string NameOf(string code) => Names.TryGetValue(code, out var name) ? name : code;

    /// <summary>
    /// The ISO code of a country as people type it on a form: the code itself, the English short name (with "and" or "&amp;"),
    /// or a common other name ("USA", "UK", "England"). Null when it names no country this list knows.
    /// </summary>
    public static string? CodeOf(string? country)
    {
        var text = country?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length == 2 && Names.ContainsKey(text))
        {
            return text.ToUpperInvariant();
        }
        var spaced = text.Replace(" and ", " & ", StringComparison.OrdinalIgnoreCase);
        return ByName.GetValueOrDefault(spaced) ?? OtherNames.GetValueOrDefault(text);
    }

    private static readonly Dictionary<string, string> ByName = All.ToDictionary(c => c.Name, c => c.Code, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string> OtherNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USA"] = "US", ["U.S.A"] = "US", ["U.S"] = "US", ["United States of America"] = "US", ["America"] = "US",
        ["UK"] = "GB", ["U.K"] = "GB", ["Great Britain"] = "GB", ["Britain"] = "GB", ["England"] = "GB", ["Scotland"] = "GB",
        ["Wales"] = "GB", ["Northern Ireland"] = "GB", ["Czech Republic"] = "CZ", ["Korea"] = "KR", ["Republic of Korea"] = "KR",
        ["Russian Federation"] = "RU", ["UAE"] = "AE", ["Holland"] = "NL", ["The Netherlands"] = "NL", ["Deutschland"] = "DE",
        ["Viet Nam"] = "VN", ["Hong Kong SAR"] = "HK", ["PRC"] = "CN", ["People's Republic of China"] = "CN",
        ["Türkiye"] = "TR", ["Schweiz"] = "CH", ["Österreich"] = "AT", ["España"] = "ES", ["Italia"] = "IT",
    };
}

public sealed record Country(string Code, string Name);
