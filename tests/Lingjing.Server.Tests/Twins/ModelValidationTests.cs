using Lingjing.Server.Features.Twins.Models;
using Shouldly;

namespace Lingjing.Server.Tests.Twins;

public sealed class ModelValidationTests
{
    internal static string Interface(string contents, string id = "dtmi:test:Thing;1", string context = DtdlParser.Context) =>
        $$"""{ "@context": "{{context}}", "@id": "{{id}}", "@type": "Interface", "contents": [ {{contents}} ] }""";

    private static List<ModelError> Errors(string json) => DtdlParser.Parse(json, "test.json").Errors;

    [Fact]
    public void Shipped_models_load_with_the_park_sensor_and_industrial_interfaces()
    {
        var catalog = new TwinModelCatalog();
        catalog.Shipped.ShouldBe([
            "dtmi:lingjing:AirQualitySensor;1", "dtmi:lingjing:Building;1", "dtmi:lingjing:DoorCounter;1", "dtmi:lingjing:EnergyMeter;1",
            "dtmi:lingjing:Floor;1", "dtmi:lingjing:Machine;1", "dtmi:lingjing:OccupancySensor;1", "dtmi:lingjing:Park;1",
            "dtmi:lingjing:ProductionLine;1", "dtmi:lingjing:Space;1", "dtmi:lingjing:TemperatureHumiditySensor;1"], ignoreOrder: true);
        var machine = catalog.Find("dtmi:lingjing:Machine;1")!;
        machine.Telemetry.Select(t => t.Name).ShouldBe(["state", "speed", "goodCount", "badCount", "power", "energy"]);
        machine.FindTelemetry("state")!.Schema.ShouldBeOfType<EnumSchema>().Values.Select(v => v.Name).ShouldBe(["stopped", "running", "idle", "fault"]);
        catalog.Find("dtmi:lingjing:EnergyMeter;1")!.FindTelemetry("phases")!.Schema.ShouldBeOfType<ObjectSchema>().Fields.Count.ShouldBe(3);
        catalog.Find("dtmi:lingjing:Space;1")!.DisplayNameZh.ShouldBe("空间");
    }

    [Fact]
    public void A_valid_interface_parses_every_kind_of_content()
    {
        var (interfaces, errors) = DtdlParser.Parse(Interface("""
            { "@type": ["Telemetry", "Temperature"], "name": "t", "schema": "double", "unit": "degreeCelsius" },
            { "@type": "Property", "name": "p", "schema": { "@type": "Object", "fields": [ { "name": "a", "schema": "integer" } ] }, "writable": true },
            { "@type": "Relationship", "name": "r", "target": "dtmi:test:Other;1", "maxMultiplicity": 3 },
            { "@type": "Component", "name": "c", "schema": "dtmi:test:Other;1" }
            """), "test.json");
        errors.ShouldBeEmpty();
        var model = interfaces.ShouldHaveSingleItem();
        model.Contents.Select(c => c.GetType().Name).ShouldBe(["DtdlTelemetry", "DtdlProperty", "DtdlRelationship", "DtdlComponent"]);
    }

    [Fact]
    public void Unknown_primitive_schema_is_named_with_its_element()
    {
        var error = Errors(Interface("""{ "@type": "Telemetry", "name": "speed", "schema": "dbl" }""")).ShouldHaveSingleItem();
        error.Element.ShouldBe("dtmi:test:Thing;1 > contents[0] 'speed'");
        error.Problem.ShouldContain("schema \"dbl\" is not a DTDL primitive");
    }

    [Fact]
    public void Duplicate_content_names_are_refused()
    {
        var error = Errors(Interface("""
            { "@type": "Telemetry", "name": "speed", "schema": "double" },
            { "@type": "Property", "name": "speed", "schema": "double" }
            """)).ShouldHaveSingleItem();
        error.Element.ShouldBe("dtmi:test:Thing;1 > speed");
        error.Problem.ShouldContain("used by another element");
    }

    [Fact]
    public void Wrong_context_and_bad_dtmi_are_refused()
    {
        Errors(Interface("", context: "dtmi:dtdl:context;2")).ShouldHaveSingleItem().Problem.ShouldContain("'@context' must be \"dtmi:dtdl:context;3\"");
        Errors(Interface("", id: "dtmi:test:Thing")).ShouldHaveSingleItem().Problem.ShouldContain("is not a valid DTMI with a version");
    }

    [Fact]
    public void Enum_values_must_match_the_value_schema_and_be_unique()
    {
        var errors = Errors(Interface("""
            { "@type": "Telemetry", "name": "state", "schema": { "@type": "Enum", "valueSchema": "integer", "enumValues": [
              { "name": "on", "enumValue": 1 }, { "name": "off", "enumValue": "0" }, { "name": "on", "enumValue": 2 } ] } }
            """));
        errors.Count.ShouldBe(2);
        errors[0].Element.ShouldBe("dtmi:test:Thing;1 > contents[0] 'state' > enumValues[1] 'off'");
        errors[0].Problem.ShouldContain("'enumValue' must be an integer");
        errors[1].Element.ShouldBe("dtmi:test:Thing;1 > contents[0] 'state' > enumValues[2] 'on'");
        errors[1].Problem.ShouldContain("used by another value");
    }

    [Fact]
    public void Unsupported_parts_of_dtdl_are_named()
    {
        Errors(Interface("""{ "@type": "Command", "name": "reboot" }""")).ShouldHaveSingleItem().Problem.ShouldContain("Commands are not supported");
        Errors(Interface("""{ "@type": "Telemetry", "name": "xs", "schema": { "@type": "Array", "elementSchema": "double" } }"""))
            .ShouldHaveSingleItem().Problem.ShouldContain("Array schemas are not supported");
        Errors(Interface("""{ "@type": "Telemetry", "name": "x", "schema": "double", "colour": "red" }"""))
            .ShouldHaveSingleItem().Problem.ShouldBe("'colour' is not a property of a Telemetry");
        Errors("{ not json").ShouldHaveSingleItem().Problem.ShouldStartWith("is not valid JSON");
    }

    [Fact]
    public void References_to_unknown_models_are_refused_by_the_catalogue()
    {
        var catalog = new TwinModelCatalog();
        var (_, errors) = catalog.Check(Interface("""
            { "@type": "Relationship", "name": "feeds", "target": "dtmi:test:Nowhere;1" },
            { "@type": "Component", "name": "meter", "schema": "dtmi:lingjing:EnergyMeter;1" }
            """), "upload");
        var error = errors.ShouldHaveSingleItem();
        error.Element.ShouldBe("dtmi:test:Thing;1 > feeds");
        error.Problem.ShouldContain("dtmi:test:Nowhere;1 is not a known model");
    }
}
