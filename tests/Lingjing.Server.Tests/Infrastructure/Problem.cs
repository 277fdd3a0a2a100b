namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>The parts of an RFC 7807 problem details body the tests look at.</summary>
public sealed record Problem(string? Title, string? Detail, int? Status);
