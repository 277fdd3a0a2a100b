using Lingjing.Server.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Events.Presence;

/// <summary>How many people one node had in an event's halls during one minute (the most it saw). The event's figure
/// for a minute is the sum over nodes.</summary>
public sealed class EventPresence
{
    public int EventId { get; set; }
    public required string NodeId { get; set; }
    public DateTime Minute { get; set; }
    public int Present { get; set; }
}

/// <summary>One attendee's rating of a session, 1 to 5 stars; rating again replaces it.</summary>
public sealed class EventSessionRating
{
    public int SessionId { get; set; }
    public Guid UserId { get; set; }
    public int Stars { get; set; }
    public DateTime RatedAt { get; set; }
}

internal sealed class EventPresenceConfiguration : IEntityTypeConfiguration<EventPresence>
{
    public void Configure(EntityTypeBuilder<EventPresence> presence)
    {
        presence.ToTable("event_presence");
        presence.HasKey(p => new { p.EventId, p.NodeId, p.Minute });
        presence.HasOne<Event>().WithMany().HasForeignKey(p => p.EventId);
    }
}

internal sealed class EventSessionRatingConfiguration : IEntityTypeConfiguration<EventSessionRating>
{
    public void Configure(EntityTypeBuilder<EventSessionRating> rating)
    {
        rating.ToTable("event_session_ratings");
        rating.HasKey(r => new { r.SessionId, r.UserId });
        rating.HasOne<EventSession>().WithMany().HasForeignKey(r => r.SessionId);
        rating.HasOne<LingjingUser>().WithMany().HasForeignKey(r => r.UserId);
    }
}
