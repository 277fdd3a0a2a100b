using System.Text;
using Lingjing.Server.Features.World;

namespace Lingjing.Server.Tests.World;

/// <summary>The one check every uploaded model passes (building models and avatars): a whole glTF 2.0 binary that
/// holds everything it draws, so no browser that shows it fetches from an address the uploader chose.</summary>
public sealed class GlbFileTests
{
    [Fact]
    public void A_self_contained_model_passes_also_with_an_image_written_into_it()
    {
        GlbFile.Check(TestGlb.Triangle()).ShouldBeNull();
        GlbFile.Check(TestGlb.Referring("data:image/png;base64,iVBORw0KGgo=")).ShouldBeNull();
    }

    [Theory]
    [InlineData("skin.png")]
    [InlineData("https://tracker.example/pixel.png")]
    [InlineData("file:///etc/passwd")]
    public void A_model_that_points_at_another_file_or_address_is_refused_naming_it(string uri)
    {
        var refusal = GlbFile.Check(TestGlb.Referring(uri)).ShouldNotBeNull();
        refusal.Template.ShouldBe("The model refers to a file outside it ({0}); export it as one self-contained GLB.");
        refusal.Args.ShouldBe([uri]);
    }

    [Fact]
    public void An_external_buffer_is_refused_as_well()
    {
        var json = """{"asset":{"version":"2.0"},"buffers":[{"byteLength":36,"uri":"mesh.bin"}]}""";
        GlbFile.Check(TestGlb.Glb(Encoding.UTF8.GetBytes(json), [])).ShouldNotBeNull().Args.ShouldBe(["mesh.bin"]);
    }

    [Fact]
    public void A_description_that_is_not_json_or_not_first_is_refused()
    {
        GlbFile.Check(TestGlb.Glb(Encoding.UTF8.GetBytes("{\"asset\": "), [])).ShouldNotBeNull()
            .Template.ShouldBe("The model's description is not valid JSON: the file is damaged.");
        var binaryFirst = TestGlb.Triangle();
        binaryFirst[16] = (byte)'X'; // the first chunk's type is no longer JSON
        GlbFile.Check(binaryFirst).ShouldNotBeNull()
            .Template.ShouldBe("The model has no description (the GLB's first chunk must be its JSON): the file is damaged.");
    }
}
