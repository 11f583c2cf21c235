using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RmaBackOffice.Features.Candidates;

internal sealed class PendingRegistrationConfiguration : IEntityTypeConfiguration<PendingRegistration>
{
    public void Configure(EntityTypeBuilder<PendingRegistration> p)
    {
        p.ToTable("PendingRegistrations");
        p.Ignore(x => x.Receipt);
        p.Ignore(x => x.TakenValues);
        p.HasOne<Candidate>().WithMany(c => c.PendingRegistrations).HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne(x => x.Registration).WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        p.HasIndex(x => new { x.CandidateId, x.Status });
        p.HasIndex(x => x.RegistrationId).IsUnique();
        p.Property(x => x.FullName).HasMaxLength(201);
        p.Property(x => x.Email).HasMaxLength(256);
        p.Property(x => x.CurrentTitle).HasMaxLength(200);
        p.Property(x => x.CurrentEmployer).HasMaxLength(200);
        p.Property(x => x.Summary).HasMaxLength(2000);
        p.Property(x => x.Phone).HasMaxLength(40);
        p.Property(x => x.ResumeFileName).HasMaxLength(255);
        p.Property(x => x.ResumeStoredName).HasMaxLength(64);
        p.Property(x => x.ResumeContentType).HasMaxLength(100);
        p.Property(x => x.ConsentVersion).HasMaxLength(20);
        p.Property(x => x.Taken).HasMaxLength(100);
        p.Property(x => x.ReviewedBy).HasMaxLength(200);
    }
}
