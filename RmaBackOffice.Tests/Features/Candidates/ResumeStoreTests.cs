using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Tests.Features.Candidates;

public sealed class ResumeStoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "rma-tests", "resume-store-" + Guid.NewGuid().ToString("N"), "resumes");

    [Fact]
    public async Task A_stored_resume_and_its_new_folder_are_readable_by_the_apps_account_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var store = new ResumeStore(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Candidates:ResumeFolder"] = folder }).Build(),
            new HostingEnvironment { ContentRootPath = Path.GetTempPath() });

        var name = await store.SaveAsync("Grace Hopper"u8.ToArray(), ".txt");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, name)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        await using var read = store.OpenRead(name)!;
        using var reader = new StreamReader(read);
        Assert.Equal("Grace Hopper", await reader.ReadToEndAsync());
    }

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(folder)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
