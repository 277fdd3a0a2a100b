namespace Lingjing.Server.Infrastructure.Data;

public enum DatabaseProvider { Sqlite, Postgres }
