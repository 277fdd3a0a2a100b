using Microsoft.Extensions.Localization;

namespace Lingjing.Server.Localization;

/// <summary>One shared table of UI text for the whole application, whatever resource type is asked for.</summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer localizer = new();

    public IStringLocalizer Create(Type resourceSource) => localizer;

    public IStringLocalizer Create(string baseName, string location) => localizer;
}
