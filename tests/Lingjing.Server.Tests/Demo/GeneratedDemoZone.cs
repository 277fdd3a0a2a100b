using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Features.Demo;

namespace Lingjing.Server.Tests.Demo;

/// <summary>The demo zone as the generator makes it for the default seed and this year, generated
/// once per test run (it takes a second or two).</summary>
public static class GeneratedDemoZone
{
    public const int DefaultSeed = 20261124;

    private static readonly Lazy<DemoZone> Zone = new(() => Generate(DefaultSeed));

    public static DemoZone Default => Zone.Value;

    public static DemoZone Generate(int seed) =>
        new DemoZoneGenerator(seed, DemoZoneGenerator.ReferenceYearOf(TestClock.Provider)).Generate();
}
