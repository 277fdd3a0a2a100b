namespace Lingjing.Server.Features.Zone;

public sealed record CategoryCount(string Category, string NameEn, string NameZh, int Enterprises, int AboveDesignatedSize);
