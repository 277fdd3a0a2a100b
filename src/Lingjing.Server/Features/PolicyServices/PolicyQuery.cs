namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Filters of the policy list; all optional. <see cref="Stage"/>: a <see cref="PolicyLife"/> stage.</summary>
public sealed record PolicyQuery(string? Q, string? Category, string? Level, string? Mode, string? Status, int Page = 1, int PageSize = 20, string? Stage = null);
