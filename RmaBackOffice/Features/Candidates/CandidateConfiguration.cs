using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RmaBackOffice.Features.Offices;

namespace RmaBackOffice.Features.Candidates;

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public const string SearchKeysIndex = "IX_Candidates_SearchKeys";

    /// <summary>Serves the desks' office filter; named so the plan tests and the start page can say which index they expect.</summary>
    public const string HandlingOfficeIndex = "IX_Candidates_HandlingOffice";

    public void Configure(EntityTypeBuilder<Candidate> c)
    {
        c.ToTable("Candidates");
        c.Ignore(x => x.FullName);
        c.Property(x => x.Reference).HasMaxLength(20);
        c.HasIndex(x => x.Reference).IsUnique();
        foreach (var name in new[] { nameof(Candidate.FirstName), nameof(Candidate.LastName), nameof(Candidate.City), nameof(Candidate.Country) })
        {
            c.Property(name).HasMaxLength(100);
        }
        c.Property(x => x.Email).HasMaxLength(256);
        c.Property(x => x.EmailKey).HasMaxLength(256);
        c.Property(x => x.Phone).HasMaxLength(40);
        c.Property(x => x.PhoneKey).HasMaxLength(40);
        c.Property(x => x.CurrentTitle).HasMaxLength(200);
        c.Property(x => x.CurrentEmployer).HasMaxLength(200);
        c.Property(x => x.Functions).HasMaxLength(1100);
        c.Property(x => x.Currency).HasMaxLength(3);
        c.Property(x => x.LinkedInUrl).HasMaxLength(300);
        c.Property(x => x.Summary).HasMaxLength(2000);
        c.Property(x => x.Tags).HasMaxLength(900);
        c.Property(x => x.ConsentVersion).HasMaxLength(20);
        c.Property(x => x.ResumeFileName).HasMaxLength(255);
        c.Property(x => x.ResumeStoredName).HasMaxLength(64);
        c.Property(x => x.ResumeContentType).HasMaxLength(100);
        c.Property(x => x.CurrentCompensation).HasConversion<double?>();
        c.Property(x => x.ExpectedCompensation).HasConversion<double?>();
        c.Property(x => x.Version).IsConcurrencyToken();

        c.HasIndex(x => x.EmailKey);
        c.HasIndex(x => x.PhoneKey);
        // The desk's standing filter (not spam, erased or merged) follows each leading column, so that counting a status,
        // a level, a country or a registration period reads index entries, never the wide rows (seconds on a million).
        // The consent columns ride along, so a consent filter scans these entries instead of the rows (3.5 s on a million).
        c.HasIndex(x => new { x.IsSpam, x.ErasedAt, x.MergedIntoId, x.CreatedAt, x.ConsentVersion, x.MarketingConsent });
        c.HasIndex(x => new { x.IsSpam, x.Status, x.ErasedAt, x.MergedIntoId, x.CreatedAt });
        c.HasIndex(x => new { x.Level, x.IsSpam, x.ErasedAt, x.MergedIntoId, x.CreatedAt, x.Status });
        c.HasIndex(x => new { x.Country, x.IsSpam, x.ErasedAt, x.MergedIntoId, x.CreatedAt, x.Status, x.Level });
        c.HasIndex(x => new { x.NeedsReview, x.IsSpam, x.ErasedAt, x.MergedIntoId, x.CreatedAt });
        // The office filter with the desk's standing filter, newest registration first as the desk opens; status and level ride
        // along so the filtered view's tabs are counted from entries.
        c.HasIndex(x => new { x.HandlingOfficeId, x.IsSpam, x.ErasedAt, x.MergedIntoId, x.CreatedAt, x.Status, x.Level })
            .HasDatabaseName(HandlingOfficeIndex);
        // Offices are unpublished, never deleted: deleting one that still handles candidates is refused, because a cascade
        // would change candidates outside the unit of work, unaudited and off their timelines.
        c.HasOne<Office>().WithMany().HasForeignKey(x => x.HandlingOfficeId).OnDelete(DeleteBehavior.Restrict);
        c.HasIndex(x => x.LastActivityAt);
        // A search checks each hit's filters through this narrow index (named by ICandidateSearch.ForCheckingMatches) instead
        // of the wide row with its resume text.
        // Narrow on purpose: a wider one (level, country, dates, consent) made every search's check slower to save row
        // reads only for searches with those filters.
        c.HasIndex(x => new { x.Id, x.IsSpam, x.ErasedAt, x.MergedIntoId, x.Status }).HasDatabaseName(SearchKeysIndex);

        c.HasMany(x => x.Industries).WithOne().HasForeignKey(i => i.CandidateId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Registrations).WithOne().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Activities).WithOne().HasForeignKey(a => a.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CandidateIndustryConfiguration : IEntityTypeConfiguration<CandidateIndustry>
{
    public void Configure(EntityTypeBuilder<CandidateIndustry> i)
    {
        i.ToTable("CandidateIndustries");
        i.HasKey(x => new { x.CandidateId, x.Code });
        i.Property(x => x.Code).HasMaxLength(100);
        i.HasIndex(x => new { x.Code, x.CandidateId });
    }
}

internal sealed class CandidateRegistrationConfiguration : IEntityTypeConfiguration<CandidateRegistration>
{
    public void Configure(EntityTypeBuilder<CandidateRegistration> r)
    {
        r.ToTable("CandidateRegistrations");
        r.Property(x => x.IdempotencyKey).HasMaxLength(100);
        r.HasIndex(x => x.IdempotencyKey).IsUnique();
        r.Property(x => x.ResumeStoredName).HasMaxLength(64);
        r.HasIndex(x => x.CandidateId);
        r.Property(x => x.Receipt).HasMaxLength(20);
        r.HasIndex(x => x.Receipt).IsUnique();
        // The start page's registrations per week count a date range.
        r.HasIndex(x => x.ReceivedAt);
    }
}

internal sealed class CandidateActivityConfiguration : IEntityTypeConfiguration<CandidateActivity>
{
    public void Configure(EntityTypeBuilder<CandidateActivity> a)
    {
        a.ToTable("CandidateActivities");
        a.HasIndex(x => new { x.CandidateId, x.At });
        // The start page's pipeline conversion reads one kind of activity in a date range.
        a.HasIndex(x => new { x.Kind, x.At });
        TimelineRecord<CandidateActivityKind>.ConfigureColumns(a);
    }
}
