using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace RmaBackOffice;

public static class RepositorySettings
{
    /// <summary>
    /// The app's configuration lives in the repository root, beside the solution, so there is one file and no copy to drift.
    /// Run from source, the app reads it there; published, it reads the copy placed beside the binaries.
    /// Environment variables and the command line still override it, as usual.
    /// </summary>
    public static void UseRepositorySettings(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var folder = FindSettingsFolder(environment.ContentRootPath);
        if (folder is null)
        {
            return;
        }

        var provider = new PhysicalFileProvider(folder);
        IList<IConfigurationSource> sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } json
                && path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = provider,
                };
            }
        }
    }

    private static string? FindSettingsFolder(string contentRoot)
    {
        var repositoryRoot = Directory.GetParent(contentRoot)?.FullName;
        if (repositoryRoot is not null
            && File.Exists(Path.Combine(repositoryRoot, "RmaBackOffice.sln"))
            && File.Exists(Path.Combine(repositoryRoot, "appsettings.json")))
        {
            return repositoryRoot;
        }
        return File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")) ? AppContext.BaseDirectory : null;
    }
}
