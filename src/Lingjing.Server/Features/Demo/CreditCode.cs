namespace Lingjing.Server.Features.Demo;

/// <summary>Unified social credit codes (GB 32100-2015) with valid check characters: registration
/// authority 9 (market regulation), type 1 (enterprise), division 110105 (Chaoyang), then an
/// organisation code with its GB 11714 check digit, then the overall check character.</summary>
internal static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The code for an eight-digit organisation number (0 to 99,999,999); distinct numbers give distinct codes.</summary>
    public static string For(int organisationNumber)
    {
        var digits = organisationNumber.ToString("00000000", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (digits[i] - '0') * OrganisationWeights[i];
        var check = 11 - sum % 11;
        var organisation = digits + (check == 10 ? 'X' : check == 11 ? '0' : (char)('0' + check));

        var body = "91110105" + organisation;
        var total = 0;
        for (var i = 0; i < 17; i++) total += Alphabet.IndexOf(body[i]) * CodeWeights[i];
        var last = (31 - total % 31) % 31;
        return body + Alphabet[last];
    }
}
