using System.Reflection;
using Xunit.Sdk;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL; the test takes a <see cref="Db"/> first.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Db.Sqlite], [Db.Postgres]];
}
