using System.Globalization;

namespace Lingjing.Server.Features.Collaboration.Pages;

/// <summary>The need form as posted: tags comma-separated, invited enterprises as their ids comma-separated.</summary>
public sealed class NeedForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Segment { get; set; }
    public string? Tags { get; set; }
    public long? BudgetMinYuan { get; set; }
    public long? BudgetMaxYuan { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? PartnerSize { get; set; } = PartnerSizes.Any;
    public string? Visibility { get; set; } = Visibilities.Zone;
    public List<int>? ParkIds { get; set; }
    public string? Invited { get; set; }

    public NeedInput ToInput() => new(Title, Description, Segment, OfferForm.SplitTags(Tags), BudgetMinYuan, BudgetMaxYuan, Deadline,
        PartnerSize, Visibility, ParkIds ?? [], [.. OfferForm.SplitTags(Invited).Select(Id)]);

    /// <summary>An id as typed; anything else becomes 0, which the service refuses as an enterprise that does not exist.</summary>
    private static int Id(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
