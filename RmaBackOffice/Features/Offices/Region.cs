namespace RmaBackOffice.Features.Offices;

/// <summary>A group of offices as the firm lists them ("Europe, Asia & Pacific"), in the order admins give.</summary>
public sealed class Region : IAuditReferenced
{
    public const int NameLength = 100;

    private Region()
    {
    }

    public Region(string name, int displayOrder)
    {
        Name = name;
        DisplayOrder = displayOrder;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int DisplayOrder { get; private set; }
    public int Version { get; private set; }

    public string AuditReference => Name;

    public void Rename(string name)
    {
        Name = name;
        Version++;
    }

    public void PlaceAt(int displayOrder)
    {
        DisplayOrder = displayOrder;
    }
}
