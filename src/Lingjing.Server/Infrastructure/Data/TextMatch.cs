using System.Linq.Expressions;
using System.Reflection;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>The one way to filter rows by what a person typed into a search box: case-insensitive
/// "contains" over some text columns, translated to SQL on both providers as
/// <c>lower(column) LIKE '%' || @text || '%'</c> (the text is a query parameter).</summary>
public static class TextMatch
{
    // string.ToLower() and Contains(string) are what EF Core translates; the culture and StringComparison
    // overloads that analyzers prefer it cannot. The text itself is lower-cased invariantly here.
    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;

    /// <summary>What a person typed, as it is compared: trimmed and lower-cased.</summary>
    public static string Normalize(string typed) => typed.Trim().ToLowerInvariant();

    /// <summary>Rows where any of the columns contains the typed text, ignoring case.</summary>
    public static IQueryable<T> WhereAnyContains<T>(this IQueryable<T> rows, string typed, params Expression<Func<T, string>>[] columns) =>
        rows.Where(AnyContains(typed, columns));

    /// <summary>The test itself, for ordering by it as well as filtering.</summary>
    public static Expression<Func<T, bool>> AnyContains<T>(string typed, params Expression<Func<T, string>>[] columns)
    {
        var text = new Typed(Normalize(typed));
        var parameter = Expression.Parameter(typeof(T), "row");
        var textValue = Expression.Property(Expression.Constant(text), nameof(Typed.Value)); // a member access: EF makes it a parameter
        Expression? any = null;
        foreach (var column in columns)
        {
            var value = new Rebind(column.Parameters[0], parameter).Visit(column.Body);
            Expression test = Expression.Call(Expression.Call(value, ToLower), Contains, textValue);
            any = any is null ? test : Expression.OrElse(any, test);
        }
        return Expression.Lambda<Func<T, bool>>(any ?? Expression.Constant(false), parameter);
    }

    private sealed record Typed(string Value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
