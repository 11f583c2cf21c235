namespace RmaBackOffice.Features.JobOrders;

/// <summary>The ids of job orders received (spam left out), for the desks and the start page.</summary>
public sealed class JobOrderArrivals(ILogger<JobOrderArrivals> logger, TimeProvider? clock = null)
    : ArrivalChannel(logger, clock);
