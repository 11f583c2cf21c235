using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RmaBackOffice.Data.Sqlite;

namespace RmaBackOffice.Features.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();
        entry.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(10);
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.ActorName).HasMaxLength(200);
        entry.Property(e => e.CorrelationId).HasMaxLength(100);
        entry.Property(e => e.Action).HasMaxLength(100);
        entry.Property(e => e.EntityType).HasMaxLength(100);
        entry.Property(e => e.EntityId).HasMaxLength(450);
        entry.Property(e => e.Reference).HasMaxLength(100);
        entry.Property(e => e.Subject).HasMaxLength(100);
        entry.Property(e => e.ClientIp).HasMaxLength(64);
        entry.Property(e => e.UserAgent).HasMaxLength(512);
        entry.Property(e => e.ClientSalt).HasMaxLength(64);
        entry.Property(e => e.ClientDigest).HasMaxLength(64);
        entry.Property(e => e.PreviousHash).HasMaxLength(64);
        entry.Property(e => e.Hash).HasMaxLength(64);
        entry.HasMany(e => e.Changes).WithOne().HasForeignKey(c => c.Sequence).OnDelete(DeleteBehavior.Restrict);
        // The viewer's filters, each newest first by sequence; every index is written on every save, so there is none without a
        // query, and sparse ones hold only the entries that have the value.
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.ActorId, e.Sequence });
        entry.HasIndex(e => new { e.ActorName, e.Sequence });
        entry.HasIndex(e => new { e.ActorKind, e.Sequence }).HasFilter(AuditSchema.WithoutAccount);
        entry.HasIndex(e => new { e.Action, e.Sequence });
        entry.HasIndex(e => new { e.EntityType, e.Sequence });
        entry.HasIndex(e => new { e.Reference, e.Sequence });
        entry.HasIndex(e => new { e.ClientIp, e.Sequence });
        // Erasure finds a person's entries by subject.
        entry.HasIndex(e => e.Subject).HasFilter(AuditSchema.WithSubject);
    }
}

internal sealed class AuditChangeConfiguration : IEntityTypeConfiguration<AuditChange>
{
    public void Configure(EntityTypeBuilder<AuditChange> change)
    {
        change.ToTable("AuditChanges");
        change.HasKey(c => new { c.Sequence, c.Ordinal });
        change.Property(c => c.Field).HasMaxLength(100);
        change.Property(c => c.OldValue).HasMaxLength(AuditValues.MaxLength + 1);
        change.Property(c => c.NewValue).HasMaxLength(AuditValues.MaxLength + 1);
        change.Property(c => c.Salt).HasMaxLength(64);
        change.Property(c => c.Digest).HasMaxLength(64);
    }
}

internal sealed class AuditTrimConfiguration : IEntityTypeConfiguration<AuditTrim>
{
    public void Configure(EntityTypeBuilder<AuditTrim> trim)
    {
        trim.ToTable("AuditTrims");
        trim.Property(t => t.ThroughHash).HasMaxLength(64);
    }
}
