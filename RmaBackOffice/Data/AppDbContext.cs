using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Pipelines;

namespace RmaBackOffice.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<JobOrder> JobOrders => Set<JobOrder>();
    public DbSet<JobOrderActivity> JobOrderActivities => Set<JobOrderActivity>();
    public DbSet<Industry> Industries => Set<Industry>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<CandidateIndustry> CandidateIndustries => Set<CandidateIndustry>();
    public DbSet<CandidateRegistration> CandidateRegistrations => Set<CandidateRegistration>();
    public DbSet<PendingRegistration> PendingRegistrations => Set<PendingRegistration>();
    public DbSet<CandidateActivity> CandidateActivities => Set<CandidateActivity>();
    public DbSet<PipelineEntry> PipelineEntries => Set<PipelineEntry>();
    public DbSet<CandidateStatusCount> CandidateStatusCounts => Set<CandidateStatusCount>();
    public DbSet<CandidateIndustryKey> CandidateIndustryKeys => Set<CandidateIndustryKey>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChange> AuditChanges => Set<AuditChange>();
    public DbSet<AuditTrim> AuditTrims => Set<AuditTrim>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();
    public DbSet<ArticleLiveTag> ArticleLiveTags => Set<ArticleLiveTag>();
    public DbSet<ArticleCategory> ArticleCategories => Set<ArticleCategory>();
    public DbSet<ArticleSlug> ArticleSlugs => Set<ArticleSlug>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ArticlePreviewLink> ArticlePreviewLinks => Set<ArticlePreviewLink>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so indexes and ORDER BY work.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
