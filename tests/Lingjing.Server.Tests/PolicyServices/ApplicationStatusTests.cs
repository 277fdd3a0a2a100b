using Lingjing.Server.Features.PolicyServices;

namespace Lingjing.Server.Tests.PolicyServices;

public sealed class ApplicationStatusTests
{
    [Fact]
    public void Only_the_four_workflow_moves_are_legal()
    {
        var legal = ApplicationStatus.All.SelectMany(from => ApplicationStatus.All.Select(to => (from, to)))
            .Where(move => ApplicationStatus.CanMove(move.from, move.to))
            .ToList();

        legal.ShouldBe([
            ("submitted", "under_review"),
            ("under_review", "approved"),
            ("under_review", "rejected"),
            ("approved", "paid"),
        ], ignoreOrder: true);
    }
}
