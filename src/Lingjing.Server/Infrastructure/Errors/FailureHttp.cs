using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Infrastructure.Errors;

/// <summary>The one mapping from a <see cref="Failure"/> to HTTP: an RFC 7807 problem in the request's
/// language, with <c>errors</c> (field key → messages) for invalid fields and <c>code</c> where set.</summary>
public static class FailureHttp
{
    public static ProblemHttpResult ToProblem(this Failure failure)
    {
        var extensions = new Dictionary<string, object?>(failure.Extensions);
        if (failure.Fields is { IsEmpty: false } fields) extensions["errors"] = fields.ToDictionary();
        if (failure.Code is { } code) extensions["code"] = code;
        return TypedResults.Problem(failure.Detail.Localized(), statusCode: failure.Status, title: failure.Title.Localized(), extensions: extensions);
    }

    /// <summary>200 with the value, or the failure's problem: what most endpoints answer for an outcome.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Outcome<T> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Failure!.ToProblem();
}
