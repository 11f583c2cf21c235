using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using static RmaBackOffice.Tools.Synthetic.World;

namespace RmaBackOffice.Tools.JobOrders;

public static partial class JobOrderGenerator
{
    /// <summary>Generated recruiters have no password: they own records and cannot sign in until an admin sets one.</summary>
    private static async Task<(Actor[] Recruiters, int Created)> EnsureRecruitersAsync(AppDbContext db, Faker f, DateTimeOffset now, CancellationToken ct)
    {
        var recruiterRole = Roles.Recruiter.ToUpperInvariant();
        var roleId = await db.Roles.Where(r => r.NormalizedName == recruiterRole).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (roleId is null)
        {
            var role = new IdentityRole(Roles.Recruiter) { NormalizedName = Roles.Recruiter.ToUpperInvariant() };
            db.Roles.Add(role);
            roleId = role.Id;
        }
        var existing = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.Email)
            .Select(u => new Actor(u.Id, u.DisplayName))
            .ToListAsync(ct);
        var recruiters = new List<Actor>(existing);
        var taken = (await db.Users.Select(u => u.NormalizedEmail).ToListAsync(ct)).ToHashSet();
        while (recruiters.Count < RecruiterCount)
        {
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            var email = $"{Ascii(first)}.{Ascii(last)}@rma.local";
            if (!taken.Add(email.ToUpperInvariant()))
            {
                continue;
            }
            var user = new ApplicationUser
            {
                Id = f.Random.Guid().ToString(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = $"{first} {last}",
                SecurityStamp = f.Random.Guid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = f.Random.Guid().ToString(),
                LockoutEnabled = true,
                CreatedAt = now.AddYears(-YearsOfHistory).AddDays(-f.Random.Int(1, 60)),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            recruiters.Add(new Actor(user.Id, user.DisplayName));
        }
        await db.SaveChangesAsync(ct);
        return ([.. recruiters], recruiters.Count - existing.Count);
    }
}
