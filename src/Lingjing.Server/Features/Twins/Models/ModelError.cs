namespace Lingjing.Server.Features.Twins.Models;

/// <summary>A problem found in a model: which element (interface id and path to it) and what is wrong.</summary>
public sealed record ModelError(string Element, string Problem)
{
    public override string ToString() => $"{Element}: {Problem}";
}
