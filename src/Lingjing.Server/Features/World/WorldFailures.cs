namespace Lingjing.Server.Features.World;

/// <summary>Refusals the world's APIs share.</summary>
internal static class WorldFailures
{
    public static Failure NoPark(int parkId) => Failure.NotFound("There is no park with id {0}.", parkId).Titled("Park not found");
}
