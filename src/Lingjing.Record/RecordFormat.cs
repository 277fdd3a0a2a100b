using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lingjing.Record;

/// <summary>
/// How an entry is hashed and signed (docs/record.md): SHA-256 over the format's name and every field but the hash and
/// the signature, each written as its length in UTF-8 bytes, a colon, the bytes and a newline (so no field can pass for
/// another); the time as Unix milliseconds. The signature is ECDSA P-256 over that hash, r and s concatenated (IEEE P1363),
/// in base64; hashes are lowercase hex. The first entry's previous hash is <see cref="Genesis"/>.
/// </summary>
public static class RecordFormat
{
    public const string Name = "lingjing-record/1";
    public static readonly string Genesis = new('0', 64);

    public static byte[] Digest(RecordEntryLine entry)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     Name, entry.Seq.ToString(CultureInfo.InvariantCulture),
                     entry.RecordedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                     entry.Kind, entry.Subject, entry.Actor, entry.Body, entry.PreviousHash,
                 })
            text.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static string Hash(RecordEntryLine entry) => Convert.ToHexStringLower(Digest(entry));

    public static string Sign(ECDsa key, string hash) =>
        Convert.ToBase64String(key.SignHash(Convert.FromHexString(hash), DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    public static bool SignatureHolds(ECDsa key, RecordEntryLine entry)
    {
        try
        {
            return key.VerifyHash(Convert.FromHexString(entry.Hash), Convert.FromBase64String(entry.Signature),
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A public key as published (PEM, SubjectPublicKeyInfo).</summary>
    public static ECDsa PublicKey(string pem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key;
    }
}
