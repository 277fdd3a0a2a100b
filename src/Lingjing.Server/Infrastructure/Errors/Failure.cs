namespace Lingjing.Server.Infrastructure.Errors;

/// <summary>Why an operation of a feature failed: the one error shape inside features. It becomes an
/// RFC 7807 problem through <see cref="FailureHttp.ToProblem"/>, and pages show its <see cref="Detail"/>.
/// <see cref="Code"/> is a stable machine-readable reason (e.g. <c>booking.taken</c>) where clients need
/// to tell refusals apart; <see cref="Extensions"/> carry data such as the next free times.</summary>
public sealed record Failure(int Status, Phrase Title, Phrase Detail)
{
    public FieldErrors? Fields { get; init; }
    public string? Code { get; init; }
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();

    public static Failure Invalid(string detail, params object?[] args) =>
        new(StatusCodes.Status400BadRequest, new("The request is not valid"), new(detail, args));

    /// <summary>400 with each field's messages under its key.</summary>
    public static Failure Invalid(FieldErrors fields) =>
        new(StatusCodes.Status400BadRequest, new("The request is not valid"), fields.Summary) { Fields = fields };

    /// <summary>400 for a value outside its list (a filter of a list request), under the field's key.</summary>
    public static Failure NotOneOf(Field field, string value, IEnumerable<string> allowed)
    {
        var errors = new FieldErrors();
        errors.Add(field, NotKnown, value, string.Join(", ", allowed));
        return Invalid(errors);
    }

    public const string NotKnown = "'{0}' is not known. Allowed values: {1}.";

    public static Failure NotFound(string detail, params object?[] args) =>
        new(StatusCodes.Status404NotFound, new("Not found"), new(detail, args));

    public static Failure Forbidden(string detail, params object?[] args) =>
        new(StatusCodes.Status403Forbidden, new("You may not do this"), new(detail, args));

    public static Failure Conflict(string detail, params object?[] args) =>
        new(StatusCodes.Status409Conflict, new("Not possible now"), new(detail, args));

    /// <summary>401: the credentials sent do not sign anyone in (an API key revoked or expired, say).</summary>
    public static Failure NotSignedIn(string detail, params object?[] args) =>
        new(StatusCodes.Status401Unauthorized, new("Not signed in"), new(detail, args));

    /// <summary>429: the person acts faster than the operation allows (a chat message a second, say).</summary>
    public static Failure TooFast(string detail, params object?[] args) =>
        new(StatusCodes.Status429TooManyRequests, new("Too fast"), new(detail, args));

    public Failure Titled(string title) => this with { Title = new(title) };

    public Failure With(string key, object? value) =>
        this with { Extensions = new Dictionary<string, object?>(Extensions) { [key] = value } };

    public T? Extension<T>(string key) => Extensions.TryGetValue(key, out var value) && value is T typed ? typed : default;

    public override string ToString() => $"{Status} {Title.English()}: {Detail.English()}";
}
