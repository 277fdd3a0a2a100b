using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Data.Bulk;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Demo;

public sealed class BulkWriterTests
{
    [Theory, BothDatabases]
    public async Task Uncommitted_session_leaves_no_rows(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();

        await using (var session = await app.Service<BulkWriter>().BeginAsync())
            await session.WriteAsync(BulkTable<Park>.FromModel(data), [NewPark(1)]);

        (await data.Set<Park>().CountAsync()).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task Committed_rows_with_nulls_and_lists_read_back_and_new_ids_follow_them(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var reported = 0;

        await using (var session = await app.Service<BulkWriter>().BeginAsync())
        {
            await session.WriteAsync(BulkTable<Park>.FromModel(data), [NewPark(7)]);
            var written = await session.WriteAsync(BulkTable<Institution>.FromModel(data),
                Enumerable.Range(1, 1_500).Select(id => NewInstitution(id, parkId: id % 2 == 0 ? 7 : null, tags: id % 3 == 0 ? [] : ["legal-aid", "中文"])),
                rows => reported += rows);
            written.ShouldBe(1_500);
            await session.CommitAsync();
        }

        reported.ShouldBe(1_500);
        var odd = await data.Set<Institution>().AsNoTracking().SingleAsync(i => i.Id == 1);
        odd.ParkId.ShouldBeNull();
        odd.Tags.ShouldBe(["legal-aid", "中文"]);
        var even = await data.Set<Institution>().AsNoTracking().SingleAsync(i => i.Id == 6);
        even.ParkId.ShouldBe(7);
        even.Tags.ShouldBeEmpty();

        var added = NewInstitution(0, parkId: null, tags: []);
        data.Set<Institution>().Add(added);
        data.Set<Park>().Add(new Park { Code = "NEW", NameZh = "新园区", NameEn = "New park", AddressZh = "", AddressEn = "", Boundary = "[]" });
        await data.SaveChangesAsync();
        added.Id.ShouldBe(1_501);
        (await data.Set<Park>().MaxAsync(p => p.Id)).ShouldBe(8);
    }

    private static Park NewPark(int id) => new()
    {
        Id = id, Code = $"T{id}", NameZh = "测试园区", NameEn = "Test park", AddressZh = "北京市朝阳区", AddressEn = "Chaoyang", Boundary = "[[0,0],[1,0],[1,1]]",
    };

    private static Institution NewInstitution(int id, int? parkId, List<string> tags) => new()
    {
        Id = id, ParkId = parkId, NameZh = $"机构{id}", NameEn = $"Institution {id}", ServiceType = "legal", Tags = tags,
    };
}
