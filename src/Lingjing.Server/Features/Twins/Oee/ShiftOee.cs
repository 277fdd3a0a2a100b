namespace Lingjing.Server.Features.Twins.Oee;

/// <summary>Overall equipment effectiveness of a line in one shift: availability (share of readings
/// with the machine running) x performance (units made / (running minutes x ideal rate)) x quality
/// (good / all units), averaged over the line's machines that reported in the shift.</summary>
public sealed record ShiftOee(DateTimeOffset Start, DateTimeOffset End, string Label, double Availability, double Performance, double Quality, double Oee,
    long Good, long Bad, int Machines);

public sealed record LineOee(string TwinId, string NameEn, string NameZh, string Industry, IReadOnlyList<ShiftOee> Shifts);
