using System.Text.RegularExpressions;

namespace RmaBackOffice.Tests.Architecture;

/// <summary>
/// SQL and SQLite live in RmaBackOffice/Data/Sqlite (and the tools' RmaBackOffice.Tools/Sqlite): features ask through
/// the interfaces in Data/, so running on another database is another folder beside it, not a change to every feature.
/// </summary>
public class SqlPlacementTests
{
    private static readonly (string Name, Regex Pattern)[] SqlSigns =
    [
        ("SELECT … FROM", new(@"\bSELECT\s[\s\S]{0,400}?\bFROM\s")),
        ("INSERT INTO", new(@"\bINSERT\s+(OR\s+[A-Z]+\s+)?INTO\b")),
        ("UPDATE … SET", new(@"\bUPDATE\s+\w+\s+SET\b")),
        ("DELETE FROM", new(@"\bDELETE\s+FROM\b")),
        ("CREATE/DROP TRIGGER, TABLE, INDEX or VIEW", new(@"\b(CREATE|DROP)\s+(VIRTUAL\s+|UNIQUE\s+)?(TRIGGER|TABLE|INDEX|VIEW)\b")),
        ("PRAGMA", new(@"\bPRAGMA\b")),
        ("MATCH", new(@"\bMATCH\b")),
        ("bm25(", new(@"\bbm25\(")),
        ("snippet(", new(@"\bsnippet\(")),
        ("INDEXED BY", new(@"\bINDEXED\s+BY\b")),
        ("CROSS JOIN", new(@"\bCROSS\s+JOIN\b")),
        ("raw SQL through EF", new(@"\b(FromSql|FromSqlRaw|FromSqlInterpolated|SqlQuery|SqlQueryRaw|ExecuteSql|ExecuteSqlRaw|ExecuteSqlInterpolated)(Async)?\s*[<(]")),
        ("SQL text in a migration", new(@"\.Sql\(\s*[$@]*""")),
        ("Microsoft.Data.Sqlite", new(@"Microsoft\.Data\.Sqlite")),
        ("SQLite ADO.NET types", new(@"\bSqlite(Exception|Connection|Command|Parameter|Transaction|DataReader|ConnectionStringBuilder|OpenMode)\b")),
        ("UseSqlite", new(@"\bUseSqlite\b")),
    ];

    /// <summary>Folders (relative to the repository, forward slashes) where SQL belongs.</summary>
    private static readonly string[] SqlFolders = ["RmaBackOffice/Data/Sqlite/", "RmaBackOffice.Tools/Sqlite/"];

    private static readonly string[] Exempt =
    [
        // What EF generates for migrations: model snapshots, no SQL of ours.
        "RmaBackOffice/Data/Migrations/*.Designer.cs",
        "RmaBackOffice/Data/Migrations/AppDbContextModelSnapshot.cs",
    ];

    [Fact]
    public void No_sql_or_sqlite_outside_the_sqlite_folders()
    {
        var sources = Sources().Where(f => !InSqlFolder(f.Path) && !IsExempt(f.Path)).ToList();
        Assert.True(sources.Count > 100, $"only {sources.Count} source files found under {RepositoryRoot()}");
        Assert.Contains(sources, f => f.Path.StartsWith("RmaBackOffice/Features/Candidates/", StringComparison.Ordinal));
        Assert.Contains(sources, f => f.Path.StartsWith("RmaBackOffice/Data/Migrations/", StringComparison.Ordinal));

        var found = sources.SelectMany(f => Signs(f.Text).Select(sign => $"{f.Path}: {sign}")).ToList();

        Assert.True(found.Count == 0, "SQL or SQLite outside Data/Sqlite (move it there, behind an interface in Data/):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_check_finds_every_sign_it_looks_for_in_the_sqlite_folder()
    {
        var sqlite = Sources().Where(f => f.Path.StartsWith("RmaBackOffice/Data/Sqlite/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sqlite);
        var seen = sqlite.SelectMany(f => Signs(f.Text)).ToHashSet();
        var expected = SqlSigns.Select(s => s.Name).Except(["SQL text in a migration"]);
        Assert.Empty(expected.Except(seen));
        Assert.Equal(["SQL text in a migration"], Signs("""migrationBuilder.Sql("DROP TRIGGER IF EXISTS JobOrders_au;");""").Except(["CREATE/DROP TRIGGER, TABLE, INDEX or VIEW"]));
    }

    [Fact]
    public void Prose_and_ordinary_code_are_not_taken_for_sql()
    {
        Assert.Empty(Signs("""
            // Select a candidate from the list, then update the form and delete it from the pipeline.
            var matches = candidates.Where(c => c.Id == id).Select(c => c.Name);
            <div data-nosnippet>No matches</div>
            """));
    }

    private static IEnumerable<string> Signs(string text) =>
        SqlSigns.Where(s => s.Pattern.IsMatch(text)).Select(s => s.Name);

    private static bool InSqlFolder(string path) => SqlFolders.Any(folder => path.StartsWith(folder, StringComparison.Ordinal));

    private static bool IsExempt(string path) => Exempt.Any(pattern => pattern.Contains('*')
        ? path.StartsWith(pattern[..pattern.IndexOf('*')], StringComparison.Ordinal) && path.EndsWith(pattern[(pattern.IndexOf('*') + 1)..], StringComparison.Ordinal)
        : path == pattern);

    /// <summary>Every .cs and .razor file of the product and the tools, with its path from the repository's root.</summary>
    private static IEnumerable<(string Path, string Text)> Sources()
    {
        var root = RepositoryRoot();
        foreach (var project in new[] { "RmaBackOffice", "RmaBackOffice.Tools" })
        {
            var folder = Path.Combine(root, project);
            if (!Directory.Exists(folder))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            {
                var path = Path.GetRelativePath(root, file).Replace('\\', '/');
                if ((path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
                    && !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
                {
                    yield return (path, File.ReadAllText(file));
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RmaBackOffice.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("RmaBackOffice.sln not found above " + AppContext.BaseDirectory);
    }
}
