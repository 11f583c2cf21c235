using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Offices;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> office)
    {
        office.ToTable("Offices");
        office.Property(o => o.City).HasMaxLength(OfficeForm.CityLength);
        office.Property(o => o.Slug).HasMaxLength(OfficeForm.SlugLength);
        office.HasIndex(o => o.Slug).IsUnique();
        office.HasIndex(o => new { o.RegionId, o.DisplayOrder });
        office.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionId).OnDelete(DeleteBehavior.Restrict);
        office.Property(o => o.CountryCode).HasMaxLength(2);
        office.Property(o => o.CountryLabel).HasMaxLength(100);
        office.Property(o => o.StreetAddress).HasMaxLength(300);
        office.Property(o => o.AddressLocality).HasMaxLength(100);
        office.Property(o => o.PostalCode).HasMaxLength(20);
        office.Property(o => o.TimeZoneId).HasMaxLength(64);
        office.Property(o => o.Email).HasMaxLength(256);
        // The week, the exceptions and the phones are small values read and written whole; stored as text they also read
        // plainly in the audit trail (old → new).
        office.Property(o => o.Hours).HasConversion(h => h.ToStorage(), s => WeeklyHours.FromStorage(s)).HasMaxLength(2000);
        office.Property(o => o.Exceptions).HasConversion(e => e.ToStorage(), s => SpecialDays.FromStorage(s)).HasMaxLength(20_000);
        office.Property(o => o.Phones).HasConversion(p => p.ToStorage(), s => OfficePhones.FromStorage(s)).HasMaxLength(1000);
        office.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.HeadOfOfficeId).OnDelete(DeleteBehavior.SetNull);
        office.Property(o => o.Version).IsConcurrencyToken();
        office.Ignore(o => o.CountryName);
        office.Ignore(o => o.TimeZone);

        // A staff member's home office is a plain column: a foreign key on AspNetUsers would make SQLite rebuild the table
        // (and its triggers), and offices are unpublished, never deleted.
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> region)
    {
        region.ToTable("Regions");
        region.Property(r => r.Name).HasMaxLength(Region.NameLength);
        region.HasIndex(r => r.Name).IsUnique();
        region.Property(r => r.Version).IsConcurrencyToken();
    }
}
