using System.Globalization;
using System.Text;
using Bogus;
using RmaBackOffice.Features.Candidates;
using static RmaBackOffice.Tools.Synthetic.World;

namespace RmaBackOffice.Tools.Candidates;

public static partial class CandidateGenerator
{
    /// <summary>A few hundred words: a profile, experience bullets drawn from a shared pool of phrases, and now and then a rarer domain word.</summary>
    private static string Resume(Faker f, StringBuilder text, string first, string last, string title, string? employer, int years, string industry, string country)
    {
        text.Clear();
        text.Append(first).Append(' ').Append(last).Append('\n').Append(title);
        if (employer is not null)
        {
            text.Append(", ").Append(employer);
        }
        text.Append('\n').Append(country).Append("\n\nPROFILE\n")
            .Append(CultureInfo.InvariantCulture, $"Senior executive with {years} years of experience in {IndustryName(industry)}. ")
            .Append(f.PickRandom(SummaryLines)).Append("\n\nEXPERIENCE\n");
        var phrases = f.Random.Int(10, 18);
        for (var i = 0; i < phrases; i++)
        {
            text.Append("- ").Append(f.PickRandom(ResumePhrases)).Append('\n');
        }
        // Each rare word lands in about one resume in a hundred.
        while (f.Random.Double() < RareWordsPerResume / (1 + RareWordsPerResume))
        {
            var word = f.PickRandom(RareWords);
            text.Append("- ").Append(string.Format(CultureInfo.InvariantCulture, f.PickRandom(RareTemplates), word)).Append('\n');
        }
        text.Append("\nEDUCATION\n").Append(f.PickRandom(Education)).Append("\n\nBOARD AND ADVISORY\n").Append(f.PickRandom(Advisory));
        return text.ToString();
    }

    // A shared pool, each resume drawing a dozen or more: common words end up in a large share of candidates.
    private static readonly string[] ResumePhrases =
    [
        "Led a group-wide digital transformation programme, delivering cost savings of 18% within two years.",
        "Built and led a leadership team of twelve direct reports across five countries.",
        "Grew revenue from $120m to $340m through organic growth and three acquisitions.",
        "Owned the P&L for a division with 2,400 employees and operations in 14 markets.",
        "Drove the post-merger integration of two businesses, consolidating systems and culture.",
        "Negotiated a strategic partnership that opened distribution in Asia-Pacific.",
        "Prepared the company for its initial public offering and led investor roadshows.",
        "Introduced a performance culture with clear targets, accountability and coaching.",
        "Restructured the cost base and returned the business to profitability in eighteen months.",
        "Chaired the executive risk committee and strengthened regulatory compliance.",
        "Launched a new product line that contributed 25% of revenue within three years.",
        "Transformed the operating model, moving to shared services and nearshore delivery.",
        "Raised $85m in growth capital from institutional investors.",
        "Reported to the board on strategy, budgets and capital allocation every quarter.",
        "Championed diversity and inclusion, raising female representation in leadership to 40%.",
        "Streamlined the supply chain, reducing working capital by $30m.",
        "Led the commercial turnaround of an underperforming region.",
        "Established a data and analytics function that informed pricing and customer strategy.",
        "Managed stakeholder relationships with regulators, unions and government.",
        "Delivered an ERP implementation on time and under budget.",
        "Developed the five-year strategic plan adopted by the board.",
        "Expanded the customer base into new segments and doubled recurring revenue.",
        "Oversaw mergers and acquisitions, completing seven transactions worth $1.2bn.",
        "Built the sustainability strategy and the first ESG report for investors.",
        "Coached and developed successors for every direct report.",
        "Reorganised sales into key-account and channel teams, lifting win rates by a third.",
        "Negotiated refinancing of the group's debt facilities on improved terms.",
        "Implemented lean manufacturing across four plants, improving margins by 6 points.",
        "Led the company through the pandemic without redundancies.",
        "Represented the company at industry associations and international conferences.",
        "Sponsored a cultural transformation that lifted employee engagement scores by 20 points.",
        "Directed a customer-experience transformation that raised net promoter score by 25.",
        "Set up the company's first operations in Latin America.",
        "Managed a global team of 600 across engineering, product and operations.",
        "Drove pricing discipline that added 3 points of gross margin.",
        "Worked closely with private-equity owners on value creation plans.",
        "Delivered double-digit EBITDA growth for five consecutive years.",
        "Rebuilt the finance function, shortening the monthly close from twelve days to four.",
        "Led cybersecurity and technology risk programmes across the group.",
        "Managed relationships with the largest customers and strategic accounts.",
    ];

    private static readonly string[] RareTemplates =
    [
        "Led the {0} business line through a period of rapid growth.",
        "Advised the board on {0} investments and partnerships.",
        "Built deep expertise in {0}, including regulatory engagement.",
        "Launched a {0} venture that reached profitability in its second year.",
    ];

    private static readonly string[] Education =
    [
        "MBA, INSEAD", "MBA, Harvard Business School", "MBA, London Business School", "MSc Finance, London School of Economics",
        "BSc Mechanical Engineering, ETH Zürich", "BA Economics, University of Cambridge", "Chartered Accountant (ACA)",
        "JD, Columbia Law School", "Executive Programme, Stanford GSB", "BEng Electrical Engineering, Imperial College London",
    ];

    private static readonly string[] Advisory =
    [
        "Non-executive director of a listed mid-cap company.", "Trustee of an education charity.", "Member of the Institute of Directors.",
        "Advisory board of a venture-backed start-up.", "Mentor in a leadership programme for women in business.", "None at present.",
    ];
}
