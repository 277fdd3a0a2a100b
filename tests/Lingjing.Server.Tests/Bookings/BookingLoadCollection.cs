namespace Lingjing.Server.Tests.Bookings;

/// <summary>Tests that open hundreds of database connections at once run alone.</summary>
[CollectionDefinition(nameof(BookingLoadCollection), DisableParallelization = true)]
public sealed class BookingLoadCollection;
