namespace Lingjing.Server.Infrastructure.Errors;

/// <summary>The one result type of feature operations: a value, or the <see cref="Failure"/> that
/// explains why there is none.</summary>
public sealed record Outcome<T>(T? Value, Failure? Failure)
{
    public bool Succeeded => Failure is null;

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}
