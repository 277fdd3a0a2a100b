namespace Lingjing.Server.Tests.Bookings;

/// <summary>Tests that open hundreds of database connections at once run one after another (test.sh gives PostgreSQL
/// room for them next to one other test class; run alone, at the end of the run, they held up the whole suite).</summary>
[CollectionDefinition(nameof(BookingLoadCollection))]
public sealed class BookingLoadCollection;
