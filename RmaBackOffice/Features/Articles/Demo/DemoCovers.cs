using SkiaSharp;

namespace RmaBackOffice.Features.Articles.Demo;

/// <summary>
/// Abstract cover pictures for the demo articles, drawn rather than shipped: a gradient in the firm's blues and a pattern of
/// arcs and dots, 1600 × 900 so every configured width is stored.
/// </summary>
internal static class DemoCovers
{
    private static readonly (SKColor From, SKColor To, SKColor Accent)[] Palettes =
    [
        (new SKColor(0x0B, 0x2A, 0x4A), new SKColor(0x1F, 0x6F, 0x8B), new SKColor(0xF2, 0xB1, 0x34)),
        (new SKColor(0x1B, 0x26, 0x3B), new SKColor(0x41, 0x5A, 0x77), new SKColor(0xE0, 0xE1, 0xDD)),
        (new SKColor(0x12, 0x3C, 0x69), new SKColor(0x2E, 0x86, 0xAB), new SKColor(0xF6, 0xF5, 0xAE)),
        (new SKColor(0x2B, 0x2D, 0x42), new SKColor(0x8D, 0x99, 0xAE), new SKColor(0xEF, 0x23, 0x3C)),
        (new SKColor(0x03, 0x30, 0x4A), new SKColor(0x0A, 0x93, 0x96), new SKColor(0xE9, 0xD8, 0xA6)),
        (new SKColor(0x22, 0x22, 0x3B), new SKColor(0x4A, 0x4E, 0x69), new SKColor(0xC9, 0xAD, 0xA7)),
    ];

    public static int Count => Palettes.Length;

    /// <summary>The n-th cover as JPEG bytes.</summary>
    public static byte[] Draw(int n)
    {
        const int Width = 1600, Height = 900;
        var (from, to, accent) = Palettes[n % Palettes.Length];
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var canvas = surface.Canvas;
        using (var background = new SKPaint())
        {
            background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(Width, Height), [from, to], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, Width, Height, background);
        }
        using var arcs = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3, Color = accent.WithAlpha(150) };
        var centre = new SKPoint(Width * (0.25f + 0.1f * (n % 3)), Height * (0.9f - 0.1f * (n % 2)));
        for (var r = 120; r < 1400; r += 90 + 10 * n)
        {
            canvas.DrawCircle(centre, r, arcs);
        }
        using var dots = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(60) };
        for (var x = 60; x < Width; x += 80)
        {
            for (var y = 60; y < Height; y += 80)
            {
                if ((x / 80 + y / 80 + n) % 3 == 0)
                {
                    canvas.DrawCircle(x, y, 4, dots);
                }
            }
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
