using System.Text;
using System.Text.Encodings.Web;

namespace RmaBackOffice.Components.Shared;

/// <summary>
/// Writes a fragment of HTML for a grid row rendered as one markup frame (see the desks' tables): every text and attribute
/// value goes through <see cref="HtmlEncoder"/>, so nothing a person typed can become markup. Only tag and attribute names,
/// which the caller writes as constants, are taken as they are.
/// </summary>
public sealed class HtmlText
{
    private readonly StringBuilder html = new(1024);

    public HtmlText Open(string tag) => Raw('<').Raw(tag);

    /// <summary>An attribute of the tag just opened; a null value leaves it out.</summary>
    public HtmlText Attr(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }
        html.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value)).Append('"');
        return this;
    }

    public HtmlText End() => Raw('>');

    public HtmlText Close(string tag) => Raw("</").Raw(tag).Raw('>');

    public HtmlText Text(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            html.Append(HtmlEncoder.Default.Encode(value));
        }
        return this;
    }

    /// <summary>Markup the caller owns (a constant such as an icon's SVG path), never text from a person.</summary>
    public HtmlText Trusted(string markup) => Raw(markup);

    public override string ToString() => html.ToString();

    private HtmlText Raw(string value)
    {
        html.Append(value);
        return this;
    }

    private HtmlText Raw(char value)
    {
        html.Append(value);
        return this;
    }
}
