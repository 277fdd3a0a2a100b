using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Localization;

/// <summary>The server's source files, found from the test's output directory.</summary>
public static class SourceTree
{
    public static string Root => RepositoryPaths.Root;

    public static string ServerProject => Path.Combine(Root, "src", "Lingjing.Server");
}
