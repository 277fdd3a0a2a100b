namespace Lingjing.Server.Tests.WorldRealtime;

[CollectionDefinition(Name)]
public sealed class WorldRealtimeCollection : ICollectionFixture<WorldRealtimeFixture>
{
    public const string Name = "World realtime";
}
