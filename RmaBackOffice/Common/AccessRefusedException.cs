namespace RmaBackOffice.Common;

/// <summary>
/// A command refused because of who is asking. The shell answers it without a feature's help: a session that has ended
/// sends the person to sign in, a missing role is access denied; neither is a server error.
/// </summary>
public abstract class AccessRefusedException(string message, bool sessionEnded) : Exception(message)
{
    /// <summary>The caller's sign-in no longer holds (signed out elsewhere, locked, deactivated, stamp renewed).</summary>
    public bool SessionEnded { get; } = sessionEnded;
}
