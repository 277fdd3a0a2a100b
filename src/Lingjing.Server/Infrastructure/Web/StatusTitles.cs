namespace Lingjing.Server.Infrastructure.Web;

internal static class StatusTitles
{
    public static string For(int status) => status switch
    {
        400 => "The request is not valid",
        401 => "You need to sign in",
        403 => "You may not do this",
        404 => "Not found",
        405 => "This method is not allowed here",
        409 => "Conflict",
        413 => "The request is too large",
        415 => "Unsupported content type",
        429 => "Too many requests",
        503 => "Temporarily unavailable",
        _ => "An error occurred",
    };
}
