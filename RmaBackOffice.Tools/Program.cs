namespace RmaBackOffice.Tools;

/// <summary>
/// <c>dotnet run -c Release --project RmaBackOffice.Tools -- generate [--job-orders &lt;count&gt;] [--candidates &lt;count&gt;] [--audit-entries &lt;count&gt;]
/// [--database &lt;path.db&gt;] [--seed &lt;number&gt;]</c>. Not the app's <c>Program</c>: the tests reference both.
/// </summary>
internal static class ToolsProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == GenerateCommand.Name)
        {
            return await GenerateCommand.RunAsync(args[1..]);
        }
        Console.Error.WriteLine(GenerateCommand.Usage);
        return 2;
    }
}
