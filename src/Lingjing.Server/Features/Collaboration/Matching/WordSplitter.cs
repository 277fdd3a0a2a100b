using System.Collections.Concurrent;
using System.Globalization;
using JiebaNet.Segmenter;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Splits what people write into the words matching compares: Chinese is segmented by jieba (search mode, so
/// 动画制作 gives 动画 and 制作 as well as the whole), other text at non-letters; words are lower case, and stop words,
/// single characters, numbers and the zone's everyday business words (<see cref="BusinessStopWords"/>) are left out.
/// Safe for many threads at once.</summary>
/// <remarks>Segmenting is the slow part of building the candidate index (tens of thousands of descriptions), and the
/// zone's texts repeat their phrases ("主要从事动画与数字内容制作"): each run of letters and digits is segmented once and
/// remembered.</remarks>
public sealed class WordSplitter : IDisposable
{
    /// <summary>Where the build copies jieba's dictionary (see Lingjing.Server.csproj).</summary>
    public static readonly string DictionaryDirectory = Path.Combine(AppContext.BaseDirectory, "Resources", "jieba");

    /// <summary>Beyond this many remembered runs the memory starts again (a bound, not a tuning knob).</summary>
    private const int MaxRemembered = 400_000;

    private static readonly Lock Gate = new();
    private readonly ThreadLocal<JiebaSegmenter> _segmenters = new(NewSegmenter);
    private readonly HashSet<string> _stopWords;
    private readonly ConcurrentDictionary<string, string[]> _runs = new(StringComparer.Ordinal);

    public WordSplitter()
    {
        _ = _segmenters.Value; // loads the dictionary now, not on the first request
        _stopWords = [.. File.ReadLines(Path.Combine(DictionaryDirectory, "stopwords.txt")).Select(w => w.Trim()).Where(w => w.Length > 0),
            "and", "for", "the", "with", "our", "from", "into", "of", "to", "in", "on", "a", "an", .. BusinessStopWords.All];
    }

    private static JiebaSegmenter NewSegmenter()
    {
        lock (Gate)
        {
            // jieba reads its dictionary from one process-wide folder, once.
            ConfigManager.ConfigFileBaseDir = DictionaryDirectory;
            return new JiebaSegmenter();
        }
    }

    public IReadOnlySet<string> Words(params string?[] texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var lower = text.ToLower(CultureInfo.InvariantCulture);
            var start = -1;
            for (var i = 0; i <= lower.Length; i++)
            {
                var inRun = i < lower.Length && char.IsLetterOrDigit(lower[i]);
                if (inRun && start < 0) start = i;
                else if (!inRun && start >= 0)
                {
                    words.UnionWith(RunWords(lower[start..i]));
                    start = -1;
                }
            }
        }
        return words;
    }

    public void Dispose() => _segmenters.Dispose();

    /// <summary>The words of one run of letters and digits, segmented once.</summary>
    private string[] RunWords(string run)
    {
        if (_runs.TryGetValue(run, out var known)) return known;
        var words = _segmenters.Value!.CutForSearch(run).Select(w => w.Trim())
            .Where(w => w.Length >= 2 && w.Any(char.IsLetter) && !_stopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToArray();
        if (_runs.Count >= MaxRemembered) _runs.Clear();
        _runs[run] = words;
        return words;
    }
}
