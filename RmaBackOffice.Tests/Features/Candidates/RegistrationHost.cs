using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Candidates;

/// <summary>The app with its own resume folder and a rate limit a test class never reaches.</summary>
public class RegistrationHost : AppHost
{
    public string ResumeFolder { get; } = Path.Combine(Path.GetTempPath(), "rma-tests", "resumes-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureTestSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("JobOrders:IntakePermitsPerMinute", "10000");
        builder.UseSetting("Candidates:ResumeFolder", ResumeFolder);
        // The floor that hides whether an email was known would add most of a second to each of these many registrations.
        builder.UseSetting("Candidates:RegistrationStoreFloorMilliseconds", "20");
    }

    public int CountResumeFiles() => Directory.Exists(ResumeFolder) ? Directory.GetFiles(ResumeFolder).Length : 0;

    public bool ResumeFileExists(string storedName) => File.Exists(Path.Combine(ResumeFolder, storedName));

    public async Task<int> CountCandidatesAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Candidates.CountAsync();
    }

    /// <summary>The candidate a registration's receipt landed on, with its registrations and pending ones.</summary>
    public async Task<Candidate> FindCandidateAsync(string receipt)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var id = await db.CandidateRegistrations.Where(r => r.Receipt == receipt).Select(r => r.CandidateId).SingleAsync();
        return await db.Candidates.AsNoTracking().Include(c => c.Industries).Include(c => c.Registrations)
            .Include(c => c.PendingRegistrations).ThenInclude(p => p.Registration).AsSplitQuery()
            .SingleAsync(c => c.Id == id);
    }

    /// <summary>What a recruiter's edit does to the record, without going through the desk's pages.</summary>
    public async Task EditAsync(string receipt, Action<CandidateEditForm> change)
    {
        var id = (await FindCandidateAsync(receipt)).Id;
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var candidate = await db.Candidates.Include(c => c.Industries).SingleAsync(c => c.Id == id);
        var form = CandidateEditForm.From(candidate);
        change(form);
        candidate.Edit(form, new Actor("recruiter", "Rita Recruiter"), TimeProvider.System.GetUtcNow());
        await db.SaveChangesAsync();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(ResumeFolder))
        {
            Directory.Delete(ResumeFolder, recursive: true);
        }
    }
}

public sealed record ResumeFile(string FileName, byte[] Content, string ContentType = "application/octet-stream");

public static partial class RegistrationBodies
{
    public static Dictionary<string, string[]> Valid() => new()
    {
        ["firstName"] = ["Grace"],
        ["lastName"] = ["Hopper"],
        ["email"] = [$"grace-{Guid.NewGuid():N}@example.com"],
        ["phone"] = [$"+1 212 {Random.Shared.Next(100, 999)} {Random.Shared.Next(1000, 9999)}"],
        ["city"] = ["Arlington"],
        ["country"] = ["United States"],
        ["currentTitle"] = ["Chief Technology Officer"],
        ["currentEmployer"] = ["Navy Labs"],
        ["level"] = ["CSuite"],
        ["industries"] = ["software-internet", "pharmaceuticals"],
        ["functions"] = ["Engineering", "Research"],
        ["yearsOfExperience"] = ["25"],
        ["currentCompensation"] = ["310000"],
        ["expectedCompensation"] = ["350000.50"],
        ["currency"] = ["USD"],
        ["willingToRelocate"] = ["true"],
        ["linkedInUrl"] = ["https://www.linkedin.com/in/grace-hopper"],
        ["summary"] = ["Built the first compiler."],
        ["consentToProcessing"] = ["true"],
        ["consentVersion"] = [Consent.CurrentVersion],
        ["marketingConsent"] = ["false"],
        ["website2"] = [""],
    };

    public static MultipartFormDataContent Multipart(Dictionary<string, string[]> fields, params ResumeFile[] resumes)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, values) in fields)
        {
            foreach (var value in values)
            {
                content.Add(new StringContent(value, Encoding.UTF8), name);
            }
        }
        foreach (var resume in resumes)
        {
            var file = new ByteArrayContent(resume.Content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(resume.ContentType);
            content.Add(file, "resume", resume.FileName);
        }
        return content;
    }

    public static ResumeFile PdfResume(params string[] lines) =>
        new("cv.pdf", SampleResumes.Pdf(lines.Length > 0 ? lines : ["Hello Quantum Treasury"]), "application/pdf");

    /// <summary>A registration's receipt: its own number, never the candidate's reference.</summary>
    [GeneratedRegex(@"^REG-\d{4}-\d{6}$")]
    public static partial Regex ReceiptFormat();

    [GeneratedRegex(@"^CR-\d{4}-\d{6}$")]
    public static partial Regex CandidateReferenceFormat();
}
