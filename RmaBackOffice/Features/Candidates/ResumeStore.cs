using System.Security.Cryptography;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// Resume files, outside wwwroot, under generated names; served only through an authorised endpoint.
/// The folder comes from <c>Candidates:ResumeFolder</c> (relative to the app's content root), default <c>data/resumes</c>.
/// </summary>
public sealed class ResumeStore(IConfiguration configuration, IHostEnvironment environment)
{
    public string Folder { get; } = Path.GetFullPath(Path.Combine(
        environment.ContentRootPath, configuration["Candidates:ResumeFolder"] is { Length: > 0 } folder ? folder : "data/resumes"));

    /// <summary>Writes the bytes under a new random name with the given extension (".pdf", ".docx", ".txt") and returns the name.</summary>
    public async Task<string> SaveAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken ct = default)
    {
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension;
        var path = PathOf(name);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 81920,
            Options = FileOptions.Asynchronous,
        };
        // Only the app's own account may read a resume; Windows keeps the folder's ACL instead.
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        else
        {
            Directory.CreateDirectory(Folder);
        }
        await using (var file = new FileStream(path, options))
        {
            await file.WriteAsync(content, ct);
            await file.FlushAsync(ct);
        }
        return name;
    }

    public Stream? OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public bool Exists(string storedName) => File.Exists(PathOf(storedName));

    public void Delete(string? storedName)
    {
        if (!string.IsNullOrEmpty(storedName) && File.Exists(PathOf(storedName)))
        {
            File.Delete(PathOf(storedName));
        }
    }

    // Stored names are generated here (hex + extension); anything else is refused, so no name can escape the folder.
    private string PathOf(string storedName)
    {
        if (storedName.Length is < 33 or > 40 || storedName.Any(c => !(char.IsAsciiHexDigitLower(c) || c is '.' or 'p' or 'd' or 'f' or 'o' or 'c' or 'x' or 't')))
        {
            throw new ArgumentException("Not a stored resume name.", nameof(storedName));
        }
        return Path.Combine(Folder, storedName);
    }
}
