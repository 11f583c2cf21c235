using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>Job orders: public intake, the triage desk's queries and the recruiters' commands. One DbContext per call.</summary>
public sealed partial class JobOrderService(
    IDbContextFactory<AppDbContext> dbFactory,
    StaffGuard guard,
    UnitOfWork units,
    JobOrderArrivals arrivals,
    JobOrderIntakeWriter intake,
    IJobOrderSearch jobOrderSearch,
    IDeskCounts deskCounts,
    IDatabaseErrors databaseErrors,
    IDatabaseKeys keys,
    TimeProvider clock,
    ILogger<JobOrderService> logger)
{
    public static readonly IReadOnlyList<Option> Levels = PositionLevelLabels.Options;

    public static readonly IReadOnlyList<Option> WorkArrangements =
        Enum.GetValues<WorkArrangement>().Select(w => new Option(w.ToString(), w.Label())).ToList();

    public async Task<IReadOnlyList<Option>> IndustriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Industries.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder)
            .Select(i => new Option(i.Code, i.Name)).ToListAsync(ct);
    }

    public async Task<JobOrderList> ListAsync(JobOrderQuery query, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ListAsync(db, jobOrderSearch, deskCounts, query with { AsOf = query.AsOf ?? clock.GetUtcNow() }, ct);
    }

    /// <summary>
    /// The triage list as a desk reloads it for arrivals: each desk's caller is checked against the burst's one read of the
    /// accounts, and the query runs once per burst for every desk showing the same view (<see cref="ArrivalChannel.ShareAsync{T}"/>).
    /// </summary>
    public async Task<JobOrderList> ListAfterArrivalsAsync(JobOrderQuery query, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, arrivals, ct);
        var shared = query with { AsOf = null };
        return await arrivals.ShareAsync(shared, async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            return await ListAsync(db, jobOrderSearch, deskCounts, shared with { AsOf = clock.GetUtcNow() }, CancellationToken.None);
        }, ct);
    }

    /// <summary>The triage list's queries without the access check, for tests.</summary>
    /// <param name="sortIndexFrom">From how many job orders a view pages through its sort's index (see <see cref="SortIndexFrom"/>).</param>
    internal static async Task<JobOrderList> ListAsync(
        AppDbContext db, IJobOrderSearch search, IDeskCounts deskCounts, JobOrderQuery query, CancellationToken ct, int sortIndexFrom = SortIndexFrom)
    {
        // One connection for the counts and the page (the context closes it when disposed).
        await db.Database.OpenConnectionAsync(ct);
        var filtered = Filter(db, search, query);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        // A page past int.MaxValue rows is clamped, never an overflow into a negative offset.
        var skip = (int)Math.Min(int.MaxValue, (long)Math.Max(0, query.Page) * pageSize);
        if (!NarrowsBeyondStatus(query) && query is { Sort: JobOrderSort.Received, Descending: true })
        {
            // The desk as it opens (newest first, at most a status tab): the most frequent view, so its page is a compiled query.
            var counts = await deskCounts.JobOrderStatusCountsAsync(db, query.Spam, ct);
            var inTab = query.Status is { } t ? counts.GetValueOrDefault(t) : counts.Values.Sum();
            if (!PageWindow.For(skip, pageSize, inTab).Reversed)
            {
                var page = query.Status is { } tab
                    ? NewestInStatus(db, query.Spam, tab, skip, pageSize)
                    : Newest(db, query.Spam, skip, pageSize);
                var newest = new List<JobOrderRow>(pageSize);
                await foreach (var row in page.WithCancellation(ct))
                {
                    newest.Add(row);
                }
                return new JobOrderList(newest, inTab, counts);
            }
            return new JobOrderList(await PageAsync(db, Walked(db, search, query, inTab >= sortIndexFrom), query, skip, pageSize, inTab, ct), inTab, counts);
        }
        var statusCounts = NarrowsBeyondStatus(query)
            ? (await filtered.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .ToDictionary(c => c.Key, c => c.Count)
            : await deskCounts.JobOrderStatusCountsAsync(db, query.Spam, ct);
        var total = query.Status is { } s ? statusCounts.GetValueOrDefault(s) : statusCounts.Values.Sum();

        // A search's counts visit every hit, so they start from the full-text index; its newest-first page instead walks the
        // date index and stops after a page of hits (see Filter), where starting from the hits would sort all of them.
        // A large view without a search walks its sort's own index instead.
        var rows = query.Sort == JobOrderSort.Received || SearchWords.Parse(query.Search) is null
            ? Walked(db, search, query, total >= sortIndexFrom)
            : query.Status is { } status ? filtered.Where(o => o.Status == status) : filtered;
        var items = await PageAsync(db, rows, query, skip, pageSize, total, ct);
        return new JobOrderList(items, total, statusCounts);
    }

    private static readonly Func<AppDbContext, bool, int, int, IAsyncEnumerable<JobOrderRow>> Newest =
        EF.CompileAsyncQuery((AppDbContext db, bool spam, int skip, int take) => db.JobOrders.AsNoTracking()
            .Where(o => o.IsSpam == spam)
            .OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id)
            .Skip(skip).Take(take)
            .Select(o => new JobOrderRow(
                o.Id, o.Reference, o.ReceivedAt, o.CompanyName, o.PositionTitle, o.Level, o.Industry, o.City, o.Country,
                o.Status, o.Priority, o.OwnerId,
                db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                o.FirstResponseAt, o.IsSpam, o.Version)));

    private static readonly Func<AppDbContext, bool, JobOrderStatus, int, int, IAsyncEnumerable<JobOrderRow>> NewestInStatus =
        EF.CompileAsyncQuery((AppDbContext db, bool spam, JobOrderStatus status, int skip, int take) => db.JobOrders.AsNoTracking()
            .Where(o => o.IsSpam == spam && o.Status == status)
            .OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id)
            .Skip(skip).Take(take)
            .Select(o => new JobOrderRow(
                o.Id, o.Reference, o.ReceivedAt, o.CompanyName, o.PositionTitle, o.Level, o.Industry, o.City, o.Country,
                o.Status, o.Priority, o.OwnerId,
                db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                o.FirstResponseAt, o.IsSpam, o.Version)));

    private static System.Linq.Expressions.Expression<Func<JobOrder, JobOrderRow>> RowProjection(AppDbContext db) => o => new JobOrderRow(
        o.Id, o.Reference, o.ReceivedAt, o.CompanyName, o.PositionTitle, o.Level, o.Industry, o.City, o.Country,
        o.Status, o.Priority, o.OwnerId,
        db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
        o.FirstResponseAt, o.IsSpam, o.Version);

    /// <summary>Every row of a view, newest first, streamed without tracking; for the CSV export.</summary>
    /// <summary>Records a CSV export of a desk view before it streams: taking data out is audited like changing it.</summary>
    public async Task RecordExportAsync(JobOrderQuery query, CancellationToken ct = default)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        work.Record(AuditActions.CsvExported, nameof(JobOrder), null, changes: ("View", null, query.ToString()));
        await work.SaveAsync(ct);
    }

    public async IAsyncEnumerable<JobOrderExportRow> ExportAsync(JobOrderQuery query, int maxRows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Filter(db, jobOrderSearch, query with { AsOf = query.AsOf ?? clock.GetUtcNow() });
        if (query.Status is { } status)
        {
            rows = rows.Where(o => o.Status == status);
        }
        var industries = await db.Industries.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Name, ct);
        await foreach (var row in rows.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id).Take(maxRows)
            .Select(o => new JobOrderExportRow(
                o.Reference, o.ReceivedAt, o.PositionTitle, o.CompanyName, o.Level, o.Industry, o.City, o.Country, o.Status, o.Priority,
                db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(), o.ReferralSource))
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row with { Industry = industries.GetValueOrDefault(row.Industry, row.Industry) };
        }
    }

    /// <summary>In active search since before <paramref name="before"/>, and no candidate of its pipeline moved since.</summary>
    private static IQueryable<JobOrder> Stalled(AppDbContext db, IJobOrderSearch search, IQueryable<JobOrder> orders, DateTimeOffset before)
    {
        var moved = search.WithPipelineMovesSince(db, before);
        return orders.Where(o => o.Status == JobOrderStatus.ActiveSearch && o.StatusChangedAt < before && !moved.Contains(o.Id));
    }

    /// <summary>True when the view narrows the desk by more than spam and status, so counts must be computed for it.</summary>
    private static bool NarrowsBeyondStatus(JobOrderQuery query) =>
        query with { Status = null, Sort = default, Descending = default, Page = 0, PageSize = 0, AsOf = null }
            != new JobOrderQuery { Spam = query.Spam, Sort = default, Descending = default, Page = 0, PageSize = 0 };

    /// <param name="walked">
    /// For a search: null to start from the full-text index's hits (best when every hit is visited, as for counts), or the
    /// job orders to keep as the outer loop, each tested against the hits read once into a list (best for a page in index
    /// order, which stops after a page of hits).
    /// </param>
    private static IQueryable<JobOrder> Filter(AppDbContext db, IJobOrderSearch search, JobOrderQuery query, IQueryable<JobOrder>? walked = null)
    {
        var match = SearchWords.Parse(query.Search);
        var fromHits = walked is null;
        var orders = match is not null && fromHits ? search.MatchingOrders(db, match) : walked ?? db.JobOrders;
        if (match is not null && !fromHits)
        {
            var hits = search.Matches(db, match);
            orders = orders.Where(o => hits.Contains(o.Id));
        }
        orders = orders.AsNoTracking().Where(o => o.IsSpam == query.Spam);
        if (!string.IsNullOrEmpty(query.Industry))
        {
            orders = orders.Where(o => o.Industry == query.Industry);
        }
        if (query.Level is { } level)
        {
            orders = orders.Where(o => o.Level == level);
        }
        if (query.Unassigned)
        {
            orders = orders.Where(o => o.OwnerId == null);
        }
        else if (!string.IsNullOrEmpty(query.OwnerId))
        {
            orders = orders.Where(o => o.OwnerId == query.OwnerId);
        }
        orders = query.Focus switch
        {
            JobOrderFocus.Awaiting => orders.Where(o => o.Status == JobOrderStatus.New && o.FirstResponseAt == null),
            JobOrderFocus.Open => orders.Where(o => JobOrderFocuses.OpenStatuses.Contains(o.Status)),
            JobOrderFocus.Stalled => Stalled(db, search, orders, (query.AsOf ?? throw new InvalidOperationException("A stalled view is judged at a given time (AsOf).")) - JobOrderFocuses.StalledAfter),
            _ => orders,
        };
        if (query.Priority is { } priority)
        {
            orders = orders.Where(o => o.Priority == priority);
        }
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = query.Country.Trim();
            orders = orders.Where(o => o.Country == country);
        }
        if (query.NoHandlingOffice)
        {
            orders = orders.Where(o => o.HandlingOfficeId == null);
        }
        else if (query.HandlingOfficeId is { } office)
        {
            orders = orders.Where(o => o.HandlingOfficeId == office);
        }
        if (query.HandlingRegionId is { } region)
        {
            // An IN list of the region's few offices, each read through the handling-office index.
            var inRegion = db.Offices.Where(f => f.RegionId == region).Select(f => (int?)f.Id);
            orders = orders.Where(o => inRegion.Contains(o.HandlingOfficeId));
        }
        if (query.ReceivedFrom is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            orders = orders.Where(o => o.ReceivedAt >= start);
        }
        // The last day there is has no day after it to end before: it leaves the range open.
        if (query.ReceivedTo is { } to && to < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            orders = orders.Where(o => o.ReceivedAt < end);
        }
        return orders;
    }

    public async Task<JobOrderDetails?> GetAsync(int id, CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await GetAsync(db, id, ct);
    }

    /// <summary>The detail page's queries without the access check; the benchmark times them.</summary>
    internal static async Task<JobOrderDetails?> GetAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var order = await db.JobOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return null;
        }
        var industry = await db.Industries.AsNoTracking().Where(i => i.Code == order.Industry).Select(i => i.Name).FirstOrDefaultAsync(ct);
        var owner = order.OwnerId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == order.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var timeline = await db.JobOrderActivities.AsNoTracking().Where(a => a.JobOrderId == id)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new TimelineEntry(a.At, a.Kind, a.ActorName, a.Field, a.OldValue, a.NewValue, a.Text))
            .ToListAsync(ct);
        var sameCompany = await db.JobOrders.AsNoTracking()
            .Where(o => o.Id != id && !o.IsSpam && (o.CompanyKey == order.CompanyKey || (order.CompanyDomain != null && o.CompanyDomain == order.CompanyDomain)))
            .OrderByDescending(o => o.ReceivedAt)
            .Take(20)
            .Select(o => new RelatedJobOrder(o.Id, o.Reference, o.PositionTitle, o.Status, o.ReceivedAt))
            .ToListAsync(ct);
        var office = await HandlingOffices.CityOfAsync(db, order.HandlingOfficeId, ct);
        return new JobOrderDetails(order, industry ?? order.Industry, owner, timeline, sameCompany, office);
    }

    public async Task<IReadOnlyList<Option>> OwnersAsync(CancellationToken ct = default)
    {
        await guard.RequireAsync(Policies.Triage, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recruiterRole = await db.Roles.Where(r => r.Name == Roles.Recruiter).Select(r => r.Id).SingleAsync(ct);
        var recruiters = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == recruiterRole))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(ct);
        return StaffNames.Disambiguate(recruiters.Select(u => (u.Id, u.DisplayName, u.Email)))
            .Select(o => new Option(o.Id, o.Label)).ToList();
    }

    public async Task<CommandResult> UpdateAsync(int id, int version, JobOrderEditForm form, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(form, ct);
        if (errors.Count > 0)
        {
            await guard.RequireAsync(Policies.Triage, ct);
            return new CommandResult(FieldErrors: errors);
        }
        return await ChangeAsync(id, version, ct, (order, actor, at, _) =>
        {
            order.Edit(form, actor, at);
            return Task.CompletedTask;
        });
    }

    public Task<CommandResult> MoveAsync(int id, int version, JobOrderStatus to, string? reason, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, (order, actor, at, _) =>
        {
            order.MoveTo(to, reason, actor, at);
            return Task.CompletedTask;
        });

    public Task<CommandResult> AssignAsync(int id, int version, string? ownerId, CancellationToken ct = default) =>
        ChangeAsync(id, version, ct, async (order, actor, at, db) => await AssignAsync(db, order, ownerId, actor, at, ct));

    /// <summary>Notes only append to the timeline, so they never conflict with an edit.</summary>
    public Task<CommandResult> AddNoteAsync(int id, string text, CancellationToken ct = default) =>
        ChangeAsync(id, null, ct, (order, actor, at, _) =>
        {
            order.AddNote(text, actor, at);
            return Task.CompletedTask;
        });

    private static async Task AssignAsync(AppDbContext db, JobOrder order, string? ownerId, Actor actor, DateTimeOffset at, CancellationToken ct)
    {
        (string Name, string? Email)? owner = null;
        if (ownerId is not null)
        {
            var recruiterRole = await db.Roles.Where(r => r.Name == Roles.Recruiter).Select(r => r.Id).SingleAsync(ct);
            owner = await db.Users
                .Where(u => u.Id == ownerId && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == recruiterRole))
                .Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct) is { } found
                ? (found.DisplayName, found.Email)
                : throw new JobOrderRuleException("Only an active recruiter can own a job order.");
        }
        (string Name, string? Email)? previous = order.OwnerId is null ? null
            : await db.Users.Where(u => u.Id == order.OwnerId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct) is { } was
                ? (was.DisplayName, was.Email) : null;
        // Two people of one name: the timeline names them by email too, never "from Rita Recruiter to Rita Recruiter".
        var sameName = owner is { } o && previous is { } p && string.Equals(o.Name.Trim(), p.Name.Trim(), StringComparison.OrdinalIgnoreCase);
        order.AssignTo(ownerId,
            owner is { } n ? (sameName ? StaffNames.Label(n.Name, n.Email) : n.Name) : null,
            previous is { } q ? (sameName ? StaffNames.Label(q.Name, q.Email) : q.Name) : null,
            actor, at);
    }

    private async Task<CommandResult> ChangeAsync(
        int id, int? version, CancellationToken ct, Func<JobOrder, Actor, DateTimeOffset, AppDbContext, Task> change)
    {
        await using var work = await units.BeginAsync(Policies.Triage, ct);
        var order = await work.Db.JobOrders.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return new CommandResult("This job order no longer exists.");
        }
        if (version is { } expected && order.Version != expected)
        {
            return CommandResult.Stale();
        }
        try
        {
            var actedOn = order.Version;
            await change(order, work.Actor, work.Now, work.Db);
            await work.SaveAsync(ct);
            return CommandResult.Ok with { ActedOn = actedOn, ActedTo = order.Version };
        }
        catch (JobOrderRuleException ex)
        {
            return new CommandResult(ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Stale();
        }
    }
}
