using System.Security.Cryptography;
using Lingjing.Server.Infrastructure;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Record;

/// <summary>
/// The server's key for the record: an ECDSA P-256 key in a PEM file (<see cref="RecordOptions.KeyFile"/>), made on
/// first use with access for the server's user only. Signs entries' hashes and published heads; its public half is
/// published (<c>GET /api/v1/record/head</c>, the export) for anyone to check them with.
/// </summary>
public sealed class RecordKey : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create();
    private readonly Lock _gate = new();

    public RecordKey(IOptions<RecordOptions> options, IOptions<LingjingOptions> lingjing, ILogger<RecordKey> logger)
    {
        var path = Path.GetFullPath(options.Value.KeyFile ?? Path.Combine(lingjing.Value.FullDataDirectory, "record-signing-key.pem"));
        if (File.Exists(path)) _key.ImportFromPem(File.ReadAllText(path));
        else
        {
            _key.GenerateKey(ECCurve.NamedCurves.nistP256);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var pem = _key.ExportPkcs8PrivateKeyPem();
            // Created exclusively: a node starting at the same moment reads the one written first.
            try
            {
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var file = new FileStream(path, create);
                using var writer = new StreamWriter(file);
                writer.Write(pem);
                logger.LogInformation("Made the record's signing key at {Path}", path);
            }
            catch (IOException) when (File.Exists(path))
            {
                _key.ImportFromPem(File.ReadAllText(path));
            }
        }
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
    }

    public string PublicKeyPem { get; }

    /// <summary>The signature of a hash (lowercase hex), base64.</summary>
    public string Sign(string hash)
    {
        // One ECDsa object, used from sealers on any thread.
        lock (_gate) return Lingjing.Record.RecordFormat.Sign(_key, hash);
    }

    public ECDsa PublicKey() => Lingjing.Record.RecordFormat.PublicKey(PublicKeyPem);

    public void Dispose() => _key.Dispose();
}
