namespace Lingjing.Server.Infrastructure.Uploads;

/// <summary>What may be uploaded anywhere on the platform (an application's materials, a message's attachment): at most
/// <see cref="MaxFiles"/> files of at most <see cref="MaxFileBytes"/> each, PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx),
/// and the content must start like that kind of file (a renamed executable is refused).</summary>
public static class MaterialRules
{
    public const int MaxFiles = 5;
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxFileNameLength = 200;

    private static readonly Dictionary<string, (string ContentType, byte[] Magic)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
    };

    public static string Allowed => "PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx)";

    /// <summary>The content type to store for the file, or why it is refused.</summary>
    public static Phrase? Check(IFormFile file, out string? contentType)
    {
        contentType = null;
        var name = Path.GetFileName(file.FileName ?? "");
        if (name.Length == 0) return new("A material has no file name.");
        if (name.Length > MaxFileNameLength) return new("The file name '{0}…' is longer than {1} characters.", name[..40], MaxFileNameLength);
        if (file.Length == 0) return new("'{0}' is empty.", name);
        if (file.Length > MaxFileBytes) return new("'{0}' is {1:0.0} MB; a material may be at most {2} MB.", name, file.Length / 1024.0 / 1024.0, MaxFileBytes / 1024 / 1024);
        if (!Kinds.TryGetValue(Path.GetExtension(name), out var kind)) return new("'{0}' is not an accepted type; attach {1}.", name, Allowed);
        Span<byte> head = stackalloc byte[kind.Magic.Length];
        using (var stream = file.OpenReadStream())
        {
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (read < head.Length || !head.SequenceEqual(kind.Magic))
                return new("'{0}' does not look like a {1} file.", name, Path.GetExtension(name).TrimStart('.').ToUpperInvariant());
        }
        contentType = kind.ContentType;
        return null;
    }
}
