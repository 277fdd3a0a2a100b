namespace Lingjing.Server.Features.Directory;

/// <summary>The query string of a directory list, read into its filter with every error collected in the input.</summary>
public interface IListRequest<out TFilter>
{
    TFilter Read(DirectoryInput input);
}
