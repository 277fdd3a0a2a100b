namespace Lingjing.Server.Infrastructure;

/// <summary>Work that must run against the database after the schema is current and before the
/// server takes requests (roles, demo seeding). Runs in ascending <see cref="Order"/>.</summary>
public interface IDataInitializer
{
    int Order { get; }
    Task InitializeAsync(CancellationToken cancellationToken);
}
