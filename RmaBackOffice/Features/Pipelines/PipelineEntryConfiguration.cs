using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Features.Pipelines;

internal sealed class PipelineEntryConfiguration : IEntityTypeConfiguration<PipelineEntry>
{
    public void Configure(EntityTypeBuilder<PipelineEntry> p)
    {
        p.ToTable("PipelineEntries");
        p.HasIndex(x => new { x.JobOrderId, x.CandidateId }).IsUnique();
        p.HasIndex(x => x.CandidateId);
        p.Property(x => x.ExitReason).HasMaxLength(1000);
        p.Property(x => x.Version).IsConcurrencyToken();
        p.HasOne<JobOrder>().WithMany().HasForeignKey(x => x.JobOrderId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<Candidate>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}
