namespace RmaBackOffice.Features.Audit;

/// <summary>
/// <c>dotnet run --project RmaBackOffice -- audit verify [--database path.db]</c>: walks the audit chain and says whether it is
/// intact or where it breaks. Exit codes: 0 intact, 1 broken, 2 usage.
/// </summary>
internal static class AuditCommand
{
    public const string Usage = "Usage: audit verify [--database <path.db>]";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "audit";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? database = null;
        var valid = args.Length >= 2 && args[1] == "verify";
        for (var i = 2; valid && i < args.Length; i += 2)
        {
            valid = args[i] == "--database" && i + 1 < args.Length && args[i + 1].Length > 0;
            database = valid ? args[i + 1] : null;
        }
        if (!valid)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        await using var app = Commands.BuildServices(database);
        return await VerifyAsync(app.Services.GetRequiredService<AuditVerifier>(), output);
    }

    public static async Task<int> VerifyAsync(AuditVerifier verifier, TextWriter output)
    {
        var verification = await verifier.VerifyAsync();
        await output.WriteLineAsync(verification.ToString());
        return verification.Intact ? 0 : 1;
    }
}
