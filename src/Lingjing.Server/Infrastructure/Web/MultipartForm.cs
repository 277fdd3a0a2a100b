namespace Lingjing.Server.Infrastructure.Web;

/// <summary>Reads a multipart/form-data body, telling a malformed one (no boundary, cut off, bad
/// section headers) apart from a server fault.</summary>
public static class MultipartForm
{
    public static async Task<(IFormCollection? Form, string? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException && e is not BadHttpRequestException)
        {
            return (null, $"The multipart/form-data body cannot be read: {e.Message}");
        }
    }
}
