using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Lingjing.Server.Features.World.Meetings;

/// <summary>
/// The addresses of a meeting's room: <c>/world/meeting/{booking}</c> for the holder and those already invited, and
/// the same with <c>?invite=</c> for the invitation the holder passes on (in a message or the .ics). The invitation is
/// the booking's id sealed by the server's data-protection keys: it cannot be made up or moved to another meeting,
/// and whoever opens it signed in becomes an invitee (<see cref="MeetingInvitee"/>).
/// </summary>
public sealed class MeetingLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Lingjing.World.Meetings.Invitation");

    public string Invitation(Guid bookingId) => WorldLinks.MeetingRoom(bookingId) + "?invite=" + Uri.EscapeDataString(protector.Protect(bookingId.ToString("N")));

    public bool IsInvitation(Guid bookingId, string token)
    {
        try
        {
            return protector.Unprotect(token) == bookingId.ToString("N");
        }
        catch (CryptographicException)
        {
            return false; // made up, damaged, or sealed by another server's keys
        }
    }
}
