namespace Lingjing.Server.Features.Twins.Models;

/// <summary>One element of an interface's contents.</summary>
public abstract record DtdlContent(string Name, string DisplayName, string DisplayNameZh);

public sealed record DtdlProperty(string Name, string DisplayName, string DisplayNameZh, DtdlSchema Schema, bool Writable, string? Unit)
    : DtdlContent(Name, DisplayName, DisplayNameZh);

public sealed record DtdlTelemetry(string Name, string DisplayName, string DisplayNameZh, DtdlSchema Schema, string? Unit)
    : DtdlContent(Name, DisplayName, DisplayNameZh);

/// <summary>A relationship to other twins; <paramref name="Target"/> limits the target's model when set.</summary>
public sealed record DtdlRelationship(string Name, string DisplayName, string DisplayNameZh, string? Target, int? MaxMultiplicity)
    : DtdlContent(Name, DisplayName, DisplayNameZh);

/// <summary>A component: an interface embedded in this one under a name.</summary>
public sealed record DtdlComponent(string Name, string DisplayName, string DisplayNameZh, string Schema)
    : DtdlContent(Name, DisplayName, DisplayNameZh);
