namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>Why a fact operation failed: 400, 404 or 409 with a detail a person can act on.</summary>
public sealed record FactError(int Status, string Detail)
{
    public static FactError BadInput(string detail) => new(StatusCodes.Status400BadRequest, detail);
    public static FactError NotFound(string detail) => new(StatusCodes.Status404NotFound, detail);
    public static FactError Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);
}

/// <summary>Either a value or a <see cref="FactError"/>.</summary>
public sealed record FactOutcome<T>(T? Value, FactError? Error)
{
    public static implicit operator FactOutcome<T>(T value) => new(value, null);
    public static implicit operator FactOutcome<T>(FactError error) => new(default, error);
}
