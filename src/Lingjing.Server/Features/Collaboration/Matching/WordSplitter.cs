using System.Globalization;
using JiebaNet.Segmenter;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Splits what people write into the words matching compares: Chinese is segmented by jieba (search mode, so
/// 动画制作 gives 动画 and 制作 as well as the whole), other text at non-letters; words are lower case, and stop words,
/// single characters and numbers are left out.</summary>
public sealed class WordSplitter
{
    /// <summary>Where the build copies jieba's dictionary (see Lingjing.Server.csproj).</summary>
    public static readonly string DictionaryDirectory = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");

    private static readonly Lock Gate = new();
    private readonly JiebaSegmenter _segmenter;
    private readonly HashSet<string> _stopWords;

    public WordSplitter()
    {
        lock (Gate)
        {
            // jieba reads its dictionary from one process-wide folder, once.
            ConfigManager.ConfigFileBaseDir = DictionaryDirectory;
            _segmenter = new JiebaSegmenter();
        }
        _stopWords = [.. File.ReadLines(Path.Combine(DictionaryDirectory, "stopwords.txt")).Select(w => w.Trim()).Where(w => w.Length > 0),
            "and", "for", "the", "with", "our", "from", "into", "of", "to", "in", "on", "a", "an"];
    }

    public IReadOnlySet<string> Words(params string?[] texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (var word in _segmenter.CutForSearch(text.ToLower(CultureInfo.InvariantCulture)))
            {
                var trimmed = word.Trim();
                if (trimmed.Length < 2 || !trimmed.Any(char.IsLetter) || _stopWords.Contains(trimmed)) continue;
                words.Add(trimmed);
            }
        }
        return words;
    }
}
