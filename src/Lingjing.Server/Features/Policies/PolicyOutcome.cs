namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Either a value or a <see cref="PolicyError"/>.</summary>
public sealed record PolicyOutcome<T>(T? Value, PolicyError? Error)
{
    public static implicit operator PolicyOutcome<T>(T value) => new(value, null);
    public static implicit operator PolicyOutcome<T>(PolicyError error) => new(default, error);
}
