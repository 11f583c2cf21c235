using RmaBackOffice.Common;

namespace RmaBackOffice.Features.Users;

/// <summary>What the new-account dialog hands back: the command's result and the name the account was given.</summary>
public sealed record CreatedAccount(CommandResult Result, string DisplayName);
