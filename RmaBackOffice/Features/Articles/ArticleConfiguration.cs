using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RmaBackOffice.Features.Articles;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public const string LiveListIndex = "IX_Articles_LiveList";

    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.ToTable("Articles");
        article.Ignore(a => a.AuditReference);
        article.Ignore(a => a.Content);
        article.Ignore(a => a.IsLive);
        article.Property(a => a.Title).HasMaxLength(ArticleContent.TitleLength);
        article.Property(a => a.Slug).HasMaxLength(Slugs.MaxLength);
        article.Property(a => a.Summary).HasMaxLength(ArticleContent.SummaryLength);
        article.Property(a => a.Body).HasMaxLength(ArticleContent.BodyLength);
        article.Property(a => a.CoverImage).HasMaxLength(200);
        article.Property(a => a.CoverAlt).HasMaxLength(ArticleContent.AltLength);
        article.Property(a => a.AuthorId).HasMaxLength(450);
        article.Property(a => a.AuthorBio).HasMaxLength(ArticleContent.BioLength);
        article.Property(a => a.CreatedById).HasMaxLength(450);
        article.Property(a => a.SubmittedById).HasMaxLength(450);
        article.Property(a => a.ApprovedById).HasMaxLength(450);
        article.Property(a => a.LiveSlug).HasMaxLength(Slugs.MaxLength);
        article.Property(a => a.PublishFailure).HasMaxLength(500);
        article.Property(a => a.Version).IsConcurrencyToken();
        article.HasOne<ArticleCategory>().WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);

        // The workspace grid by status and age; the scheduler's due list; the public pages newest first, per category.
        article.HasIndex(a => new { a.Status, a.UpdatedAt });
        article.HasIndex(a => new { a.AuthorId, a.Status, a.UpdatedAt });
        article.HasIndex(a => new { a.Status, a.ScheduledFor });
        article.HasIndex(a => new { a.LiveRevisionId, a.Status, a.FirstPublishedAt });
        article.HasIndex(a => new { a.LiveCategoryId, a.Status, a.FirstPublishedAt });
        // The public list and feed: the live articles newest first, and their count and newest change, from this index alone.
        article.HasIndex(a => new { a.FirstPublishedAt, a.Id, a.LiveSince, a.LiveRevisionId, a.Status }, LiveListIndex)
            .HasFilter($"\"LiveRevisionId\" IS NOT NULL AND \"Status\" <> {(int)ArticleStatus.Archived}");

        article.HasMany(a => a.Tags).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        article.Navigation(a => a.Tags).UsePropertyAccessMode(PropertyAccessMode.Property);
        article.HasMany(a => a.LiveTags).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        article.Navigation(a => a.LiveTags).UsePropertyAccessMode(PropertyAccessMode.Property);
    }
}

internal sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> tag)
    {
        tag.ToTable("ArticleTags");
        tag.HasKey(t => new { t.ArticleId, t.Tag });
        tag.Property(t => t.Tag).HasMaxLength(ArticleContent.TagLength).UseCollation("NOCASE");
        tag.HasIndex(t => new { t.Tag, t.ArticleId });
    }
}

internal sealed class ArticleLiveTagConfiguration : IEntityTypeConfiguration<ArticleLiveTag>
{
    public void Configure(EntityTypeBuilder<ArticleLiveTag> tag)
    {
        tag.ToTable("ArticleLiveTags");
        tag.HasKey(t => new { t.Tag, t.ArticleId });
        tag.Property(t => t.Tag).HasMaxLength(ArticleContent.TagLength).UseCollation("NOCASE");
        // A tag page newest first is one range of this index: the rows of the tag, already in the public list's order.
        tag.HasIndex(t => new { t.Tag, t.PublishedAt, t.ArticleId }).HasDatabaseName("IX_ArticleLiveTags_Tag_PublishedAt");
        tag.HasIndex(t => t.ArticleId);
    }
}

internal sealed class ArticleCategoryConfiguration : IEntityTypeConfiguration<ArticleCategory>
{
    public void Configure(EntityTypeBuilder<ArticleCategory> category)
    {
        category.ToTable("ArticleCategories");
        category.Property(c => c.Name).HasMaxLength(80);
        category.Property(c => c.Slug).HasMaxLength(Slugs.MaxLength);
        category.HasIndex(c => c.Slug).IsUnique();
        category.HasData(
            new { Id = 1, Name = "Firm news", Slug = "firm-news" },
            new { Id = 2, Name = "Executive leadership", Slug = "executive-leadership" });
    }
}

internal sealed class ArticleSlugConfiguration : IEntityTypeConfiguration<ArticleSlug>
{
    public void Configure(EntityTypeBuilder<ArticleSlug> slug)
    {
        slug.ToTable("ArticleSlugs");
        slug.HasKey(s => s.Slug);
        slug.Property(s => s.Slug).HasMaxLength(Slugs.MaxLength);
        slug.HasIndex(s => s.ArticleId);
        slug.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> revision)
    {
        revision.ToTable("ArticleRevisions");
        revision.Ignore(r => r.Content);
        revision.Property(r => r.SessionId).HasMaxLength(64);
        revision.Property(r => r.Title).HasMaxLength(ArticleContent.TitleLength);
        revision.Property(r => r.Slug).HasMaxLength(Slugs.MaxLength);
        revision.Property(r => r.Summary).HasMaxLength(ArticleContent.SummaryLength);
        revision.Property(r => r.Body).HasMaxLength(ArticleContent.BodyLength);
        revision.Property(r => r.Tags).HasMaxLength(ArticleContent.MaxTags * (ArticleContent.TagLength + 1));
        revision.Property(r => r.CoverImage).HasMaxLength(200);
        revision.Property(r => r.CoverAlt).HasMaxLength(ArticleContent.AltLength);
        revision.Property(r => r.AuthorId).HasMaxLength(450);
        revision.Property(r => r.AuthorBio).HasMaxLength(ArticleContent.BioLength);
        revision.Property(r => r.SavedById).HasMaxLength(450);
        revision.Property(r => r.SavedByName).HasMaxLength(200);
        revision.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        revision.HasIndex(r => new { r.ArticleId, r.Kind, r.Number });
        revision.HasIndex(r => new { r.ArticleId, r.SessionId }).HasFilter("\"SessionId\" IS NOT NULL").IsUnique();
    }
}

internal sealed class ArticlePreviewLinkConfiguration : IEntityTypeConfiguration<ArticlePreviewLink>
{
    public void Configure(EntityTypeBuilder<ArticlePreviewLink> link)
    {
        link.ToTable("ArticlePreviewLinks");
        link.Property(l => l.TokenHash).HasMaxLength(64);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => l.ArticleId);
        link.Property(l => l.CreatedById).HasMaxLength(450);
        link.Property(l => l.TimeZoneId).HasMaxLength(64);
        link.Ignore(l => l.TimeZone);
        link.HasOne<Article>().WithMany().HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
