using Markdig;
using Markdig.Syntax;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Renders policy full text. Raw HTML in the Markdown is not passed through (it is escaped),
/// and links may only be http(s), mailto or relative, so the text cannot inject script.</summary>
public static class PolicyMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<Markdig.Syntax.Inlines.LinkInline>())
            if (!SafeUrl(link.Url)) link.Url = "#";
        foreach (var link in document.Descendants<Markdig.Syntax.Inlines.AutolinkInline>())
            if (!SafeUrl(link.Url)) link.Url = "#";
        return document.ToHtml(Pipeline);
    }

    private static bool SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute)) return !trimmed.Contains(':');
        return absolute.Scheme is "http" or "https" or "mailto";
    }
}
