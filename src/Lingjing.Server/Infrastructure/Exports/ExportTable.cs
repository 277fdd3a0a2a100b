using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Lingjing.Server.Infrastructure.Exports;

/// <summary>A table as people download it: a name for the file and the sheet, the column headings in the reader's
/// language and the rows. Written as CSV (UTF-8 with a byte order mark, so Excel opens Chinese correctly; RFC 4180
/// quoting) or as an Excel workbook.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headings, IReadOnlyList<object?[]> Rows)
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        Line(text, Headings);
        foreach (var row in Rows) Line(text, row.Select(Cell));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public byte[] ToXlsx()
    {
        // One dictionary per row keeps the headings as the reader reads them (Chinese or English) and in order.
        var rows = Rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(Headings.Count);
            for (var i = 0; i < Headings.Count; i++) record[Headings[i]] = i < row.Length ? row[i] : null;
            return record;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: Name.Length > 31 ? Name[..31] : Name);
        return stream.ToArray();
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Quote));
        text.Append("\r\n");
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // A cell that a spreadsheet would read as a formula is prefixed with an apostrophe (CSV injection).
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && !double.TryParse(cell, CultureInfo.InvariantCulture, out _)) cell = "'" + cell;
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
