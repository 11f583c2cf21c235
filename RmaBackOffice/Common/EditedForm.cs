namespace RmaBackOffice.Common;

/// <summary>
/// An edit form and its base: the values and version of the record it was loaded from. A save sends the base version,
/// so the server refuses it when anyone changed the record since; nothing here moves the base past someone else's change.
/// </summary>
public sealed class EditedForm<TForm>(FormChanges<TForm> fields) where TForm : class, new()
{
    /// <summary>What the person sees and types into.</summary>
    public TForm Form { get; private set; } = new();

    /// <summary>The record's values when the form was loaded.</summary>
    public TForm Base { get; private set; } = new();

    public int BaseVersion { get; private set; }

    /// <summary>The fresh record after a save was refused as a conflict; null when there is no conflict.</summary>
    public TForm? Theirs { get; private set; }

    public int TheirsVersion { get; private set; }

    /// <summary>The fields the other person changed: their value (the fresh record) against mine (the form).</summary>
    public IReadOnlyList<FieldChange> Conflict { get; private set; } = [];

    public bool HasConflict => Theirs is not null;

    public bool IsDirty => MyChanges.Count > 0;

    /// <summary>The fields I changed: where my form differs from its base.</summary>
    public IReadOnlyList<string> MyChanges => fields.Changed(Base, Form);

    /// <summary>The labels of the fields I changed, for a person to read.</summary>
    public IReadOnlyList<string> MyChangedLabels => MyChanges.Select(fields.Label).ToList();

    /// <summary>Shows the record as it is, dropping any unsaved edits and conflict.</summary>
    public void Load(TForm record, int version)
    {
        Base = record;
        BaseVersion = version;
        Form = fields.Copy(record);
        Theirs = null;
        Conflict = [];
    }

    /// <summary>
    /// The record was read again after a side action (a note, a move, an assignment, a pipeline change). An unchanged form
    /// follows the record. A changed form keeps its values and its base, unless the side action was made on the form's
    /// base version and the record is exactly what it left: then nobody else changed anything, and the form moves onto the
    /// record with my typed values kept.
    /// </summary>
    /// <param name="actedOn">The version the side action found, when the service reports it.</param>
    /// <param name="actedTo">The version the side action left, when the service reports it.</param>
    public void Refreshed(TForm record, int version, int? actedOn = null, int? actedTo = null)
    {
        if (HasConflict)
        {
            Refused(record, version);
        }
        else if (!IsDirty)
        {
            Load(record, version);
        }
        else if (actedOn == BaseVersion && actedTo == version)
        {
            // Only my own side action came between: the form moves onto it and keeps what I typed, except where the
            // action itself just set a field (taking a registration's title, say), which is the newer intent.
            var actionChanged = fields.Changed(Base, record);
            var mine = MyChanges.Except(actionChanged).ToList();
            Form = fields.Overlay(fields.Copy(record), Form, mine);
            Base = record;
            BaseVersion = version;
        }
    }

    /// <summary>A save was refused because the record changed: keep my form, and list what they changed.</summary>
    public void Refused(TForm record, int version)
    {
        Theirs = record;
        TheirsVersion = version;
        var mine = MyChanges;
        Conflict = fields.Changed(Base, record)
            .Select(f => new FieldChange(f, fields.Label(f), fields.Value(record, f), fields.Value(Form, f), mine.Contains(f)))
            .ToList();
    }

    /// <summary>Loads the fresh record and writes over it exactly the fields I had changed, so one more save stores them.</summary>
    public void ReapplyMine()
    {
        if (Theirs is not { } theirs)
        {
            return;
        }
        var mine = MyChanges;
        var next = fields.Overlay(fields.Copy(theirs), Form, mine);
        Base = theirs;
        BaseVersion = TheirsVersion;
        Form = next;
        Theirs = null;
        Conflict = [];
    }
}
