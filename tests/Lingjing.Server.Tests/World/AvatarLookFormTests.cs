using Lingjing.Server.Features.World.Pages;
using Lingjing.Server.Infrastructure.Errors;

namespace Lingjing.Server.Tests.World;

/// <summary>The /me avatar form turns posted text into a look, or says which field is wrong.</summary>
public sealed class AvatarLookFormTests
{
    [Fact]
    public void Valid_choice_becomes_a_look()
    {
        var errors = new FieldErrors();
        var look = new AvatarLookForm { Model = "sporty", Shape = "petite", BodyColor = "#a0b0c0", OutfitColor = "#12AB34", Accessory = "2" }.Validate(errors);

        errors.IsEmpty.ShouldBeTrue();
        look.ShouldBe(new AvatarLookForm.ValidLook("sporty", "petite", 0xA0B0C0, 0x12AB34, 2));
    }

    [Fact]
    public void Unknown_body_shape_is_named()
    {
        var errors = new FieldErrors();
        var look = new AvatarLookForm { Model = "robot", Shape = "giant", BodyColor = "#000000", OutfitColor = "#000000", Accessory = "0" }.Validate(errors);

        look.ShouldBeNull();
        errors.Has("shape").ShouldBeTrue();
    }

    [Theory]
    [InlineData("dragon", "#000000", "#000000", "0", "model")]
    [InlineData(null, "#000000", "#000000", "0", "model")]
    [InlineData("robot", "red", "#000000", "0", "bodyColor")]
    [InlineData("robot", "#000000", "#12345", "0", "outfitColor")]
    [InlineData("robot", "#000000", "#000000", "9", "accessory")]
    [InlineData("robot", "#000000", "#000000", "-1", "accessory")]
    public void Invalid_field_is_named(string? model, string body, string outfit, string accessory, string field)
    {
        var errors = new FieldErrors();
        var look = new AvatarLookForm { Model = model, BodyColor = body, OutfitColor = outfit, Accessory = accessory }.Validate(errors);

        look.ShouldBeNull();
        errors.Has(field).ShouldBeTrue();
    }
}
