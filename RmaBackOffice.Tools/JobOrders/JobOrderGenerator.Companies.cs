using Bogus;
using RmaBackOffice.Features.JobOrders;
using static RmaBackOffice.Tools.Synthetic.World;

namespace RmaBackOffice.Tools.JobOrders;

public static partial class JobOrderGenerator
{
    private sealed record Company(string Name, string Website, string Domain, string Industry, Country Country)
    {
        public static IReadOnlyList<Company> Pool(Faker f, int size)
        {
            var pool = new List<Company>(size);
            for (var i = 0; i < size; i++)
            {
                var name = f.Random.Double() < 0.4 ? $"{f.Company.CompanyName()} {f.PickRandom(LegalForms)}" : f.Company.CompanyName();
                var domain = $"{CompanyIdentity.NormaliseName(name).Replace(" and ", "-").Replace(" ", "")}.{f.PickRandom("com", "com", "com", "io", "co", "net")}";
                var website = f.Random.Bool() ? $"https://www.{domain}" : $"https://{domain}";
                pool.Add(new Company(name, website, domain, f.PickRandom(IndustryCodes), f.Random.WeightedRandom(Countries, CountryWeights)));
            }
            return pool;
        }
    }

    private static readonly string[] IndustryCodes = [.. Industry.Seed.Select(i => i.Code)];

    private static readonly string[] LegalForms = ["Inc.", "LLC", "Ltd", "GmbH", "plc", "Group", "Holdings", "Corp."];
}
