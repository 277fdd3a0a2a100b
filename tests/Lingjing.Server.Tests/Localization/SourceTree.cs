namespace Lingjing.Server.Tests.Localization;

/// <summary>Finds the repository's source files from the test's output directory.</summary>
public static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string ServerProject => Path.Combine(Root, "src", "Lingjing.Server");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Lingjing.slnx"))) return directory.FullName;
        throw new InvalidOperationException("Lingjing.slnx not found above " + AppContext.BaseDirectory);
    }
}
