using System.Text.RegularExpressions;
using Lingjing.Server.Tests.Localization;
using NetArchTest.Rules;

namespace Lingjing.Server.Tests.Platform;

/// <summary>The feature boundaries of docs/architecture.md, checked on the compiled server (NetArchTest)
/// and on its source tree. A new reach-in fails here with the types that made it.</summary>
public sealed partial class ArchitectureTests
{
    private const string Server = "Lingjing.Server";
    private const string Features = Server + ".Features";
    private const string Infrastructure = Server + ".Infrastructure";

    /// <summary>The shared kernel: the zone's data (parks, enterprises, spaces) and accounts. Every feature may use it.</summary>
    private static readonly string[] Kernel = [Features + ".Zone", Features + ".Accounts"];

    private static readonly System.Reflection.Assembly Assembly = typeof(Program).Assembly;

    private static readonly IReadOnlyList<string> FeatureNames = Assembly.GetTypes()
        .Select(t => t.Namespace).OfType<string>().Where(ns => ns.StartsWith(Features + ".", StringComparison.Ordinal))
        .Select(ns => ns[(Features.Length + 1)..].Split('.')[0]).Distinct().Order().ToList();

    [Fact]
    public void Infrastructure_uses_no_feature_but_the_account_type_Identity_is_built_on()
    {
        var result = Types.InAssembly(Assembly).That().ResideInNamespaceMatching(Under(Infrastructure))
            .And().DoNotHaveNameStartingWith("LingjingDbContext")
            .ShouldNot().HaveDependencyOnAny(Features).GetResult();

        result.IsSuccessful.ShouldBeTrue(Describe(result));
    }

    [Fact]
    public void Shared_components_use_only_the_shared_kernel()
    {
        var others = FeatureNames.Select(f => $"{Features}.{f}").Except(Kernel).ToArray();
        var result = Types.InAssembly(Assembly).That().ResideInNamespace(Server + ".Components.Shared")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();

        result.IsSuccessful.ShouldBeTrue(Describe(result));
    }

    [Fact]
    public void The_shared_kernel_uses_no_other_feature()
    {
        var others = FeatureNames.Select(f => $"{Features}.{f}").Except(Kernel).ToArray();
        var result = Types.InAssembly(Assembly).That().ResideInNamespaceMatching(KernelPattern().ToString())
            .ShouldNot().HaveDependencyOnAny(others).GetResult();

        result.IsSuccessful.ShouldBeTrue(Describe(result));
    }

    [Fact]
    public void Only_demo_code_uses_the_demo_zone()
    {
        // The demo seeds every feature; no feature may depend on demo data.
        var result = Types.InAssembly(Assembly).That().ResideInNamespaceMatching(Under(Features))
            .And().DoNotResideInNamespaceMatching(@"^Lingjing\.Server\.Features\.(Demo|\w+\.Demo)(\.|$)")
            .ShouldNot().HaveDependencyOnAny(Features + ".Demo").GetResult();

        result.IsSuccessful.ShouldBeTrue(Describe(result));
    }

    [Fact]
    public void No_feature_depends_on_the_terminals_which_compose_the_others()
    {
        var result = Types.InAssembly(Assembly).That().ResideInNamespaceMatching(Under(Features))
            .And().DoNotResideInNamespaceMatching(Under(Features + ".Terminals"))
            .ShouldNot().HaveDependencyOnAny(Features + ".Terminals").GetResult();

        result.IsSuccessful.ShouldBeTrue(Describe(result));
    }

    [Fact]
    public void A_feature_uses_another_only_through_its_root_namespace_or_its_embeddable_pages()
    {
        var namespaces = Assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Distinct().ToList();
        var failures = new List<string>();
        foreach (var feature in FeatureNames)
        {
            var root = $"{Features}.{feature}";
            var internals = namespaces
                .Where(ns => ns.StartsWith(root + ".", StringComparison.Ordinal) && ns != root + ".Pages")
                .ToArray();
            if (internals.Length == 0) continue;
            var result = Types.InAssembly(Assembly).That().ResideInNamespaceMatching(Under(Features))
                .And().DoNotResideInNamespaceMatching(Under(root))
                .And().DoNotResideInNamespaceMatching(Under(Features + ".Demo"))
                .ShouldNot().HaveDependencyOnAny(internals).GetResult();
            if (!result.IsSuccessful) failures.Add($"into {feature}'s internals: {Describe(result)}");
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("src", "Lingjing.Server")]
    [InlineData("tests", "Lingjing.Server.Tests")]
    public void Every_source_file_declares_the_namespace_of_its_folder(string parent, string project)
    {
        var folder = Path.Combine(SourceTree.Root, parent, project);
        var wrong = new List<string>();
        foreach (var file in SourceFiles(folder, "*.cs"))
        {
            var declared = FileScopedNamespace().Match(File.ReadAllText(file));
            if (!declared.Success) continue; // top-level statements (Program.cs)
            var expected = ExpectedNamespace(folder, project, file);
            if (declared.Groups[1].Value != expected) wrong.Add($"{Path.GetRelativePath(folder, file)}: {declared.Groups[1].Value}, expected {expected}");
        }
        foreach (var file in SourceFiles(folder, "_Imports.razor"))
        {
            var declared = RazorNamespace().Match(File.ReadAllText(file));
            var expected = ExpectedNamespace(folder, project, file);
            if (declared.Success && declared.Groups[1].Value != expected) wrong.Add($"{Path.GetRelativePath(folder, file)}: {declared.Groups[1].Value}, expected {expected}");
        }

        wrong.ShouldBeEmpty();
    }

    /// <summary>The one error path (docs/architecture.md): features answer errors with a <c>Failure</c> and
    /// <c>ToProblem()</c>, so every API error is problem details in the reader's language with field keys.</summary>
    [Fact]
    public void Features_write_problem_details_only_through_the_one_mapping()
    {
        var features = Path.Combine(SourceTree.ServerProject, "Features");
        var direct = SourceFiles(features, "*.cs")
            .Where(f => DirectProblem().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(features, f))
            .ToList();

        direct.ShouldBeEmpty();
    }

    [GeneratedRegex(@"\b(Typed)?Results\.(Problem|ValidationProblem)\(")]
    private static partial Regex DirectProblem();

    private static IEnumerable<string> SourceFiles(string project, string pattern) =>
        System.IO.Directory.EnumerateFiles(project, pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(project, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or "wwwroot"));

    private static string ExpectedNamespace(string projectFolder, string rootNamespace, string file)
    {
        var folder = Path.GetRelativePath(projectFolder, Path.GetDirectoryName(file)!);
        return folder == "." ? rootNamespace : rootNamespace + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
    }

    /// <summary>A pattern for a namespace and everything under it.</summary>
    private static string Under(string ns) => $"^{Regex.Escape(ns)}(\\.|$)";

    private static string Describe(TestResult result) =>
        string.Join("\n", (result.FailingTypes ?? []).Select(t => $"{t.FullName}: {t.Explanation}"));

    [GeneratedRegex(@"^Lingjing\.Server\.Features\.(Zone|Accounts)(\.|$)")]
    private static partial Regex KernelPattern();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();

    [GeneratedRegex(@"^@namespace ([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex RazorNamespace();
}
