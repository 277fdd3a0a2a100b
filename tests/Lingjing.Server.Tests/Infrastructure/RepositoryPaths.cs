namespace Lingjing.Server.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The checkout's root (the folder holding Lingjing.slnx).</summary>
    public static string Root { get; } = FindRoot();

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lingjing.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Lingjing.slnx not found above " + AppContext.BaseDirectory);
    }
}
