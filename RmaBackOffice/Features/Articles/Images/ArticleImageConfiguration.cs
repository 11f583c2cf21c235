using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Articles.Images;

internal sealed class ArticleImageConfiguration : IEntityTypeConfiguration<ArticleImage>
{
    public void Configure(EntityTypeBuilder<ArticleImage> i)
    {
        i.ToTable("ArticleImages");
        i.Ignore(x => x.VariantWidths);
        i.Ignore(x => x.LatestUpload);
        i.HasIndex(x => x.ContentHash).IsUnique();
        i.Property(x => x.ContentHash).HasMaxLength(ArticleImageUrls.HashLength).IsRequired();
        i.Property(x => x.OriginalName).HasMaxLength(200);
        i.Property(x => x.SourceType).HasMaxLength(20);
        i.Property(x => x.Variants).HasMaxLength(100);
        i.Property(x => x.UploadedById).HasMaxLength(450);
        i.HasOne<ApplicationUser>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}
