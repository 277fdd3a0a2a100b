namespace Lingjing.Server.Features.Twins.Models;

/// <summary>The symbols of the DTDL semantic units that Lingjing's models use or are likely to: what a
/// person reads after a number.</summary>
public static class DtdlUnits
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["degreeCelsius"] = "°C", ["degreeFahrenheit"] = "°F", ["kelvin"] = "K",
        ["percent"] = "%", ["partsPerMillion"] = "ppm", ["partsPerBillion"] = "ppb",
        ["microgramPerCubicMetre"] = "µg/m³", ["milligramPerCubicMetre"] = "mg/m³",
        ["watt"] = "W", ["kilowatt"] = "kW", ["megawatt"] = "MW", ["wattHour"] = "Wh", ["kilowattHour"] = "kWh", ["megawattHour"] = "MWh",
        ["volt"] = "V", ["kilovolt"] = "kV", ["ampere"] = "A", ["milliampere"] = "mA", ["hertz"] = "Hz",
        ["pascal"] = "Pa", ["kilopascal"] = "kPa", ["hectopascal"] = "hPa", ["bar"] = "bar",
        ["lux"] = "lx", ["decibel"] = "dB", ["metre"] = "m", ["centimetre"] = "cm", ["millimetre"] = "mm",
        ["metrePerSecond"] = "m/s", ["kilometrePerHour"] = "km/h", ["litre"] = "L", ["cubicMetre"] = "m³",
        ["litrePerSecond"] = "L/s", ["cubicMetrePerHour"] = "m³/h", ["kilogram"] = "kg", ["gram"] = "g", ["tonne"] = "t",
        ["second"] = "s", ["minute"] = "min", ["hour"] = "h", ["revolutionPerMinute"] = "rpm",
    };

    /// <summary>The symbol, or "" for no unit or one we do not know (then the number stands alone).</summary>
    public static string Symbol(string? unit) => unit is not null && Symbols.TryGetValue(unit, out var symbol) ? symbol : "";

    /// <summary>A number with its unit as written in both languages: "28.4 °C", "45%" (no space before a percent sign).</summary>
    public static string WithUnit(string number, string? unit) => Symbol(unit) switch
    {
        "" => number,
        "%" => number + "%",
        var symbol => $"{number} {symbol}",
    };
}
