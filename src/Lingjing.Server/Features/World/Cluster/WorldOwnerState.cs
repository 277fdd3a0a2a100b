namespace Lingjing.Server.Features.World.Cluster;

/// <summary>What a world's owner keeps in PostgreSQL (Orleans' ADO.NET grain storage, schema script
/// <c>0702_orleans_grain_state.sql</c>), so that a node taking the world over knows it: encoded <c>BusEvent</c>s of the
/// moderation in force and encoded <c>ChatMessage</c>s of the world chat's history, oldest first.</summary>
[GenerateSerializer]
public sealed class WorldOwnerState
{
    [Id(0)] public List<byte[]> Moderation { get; set; } = [];
    [Id(1)] public List<byte[]> History { get; set; } = [];
}
