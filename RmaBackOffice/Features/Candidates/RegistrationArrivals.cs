namespace RmaBackOffice.Features.Candidates;

/// <summary>The ids of candidates a public registration created or was recorded against, for the start page.</summary>
public sealed class RegistrationArrivals(ILogger<RegistrationArrivals> logger, TimeProvider? clock = null)
    : ArrivalChannel(logger, clock);
