using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Offices;

namespace RmaBackOffice.Data;

/// <summary>
/// A small fixed set of job orders for the Development demo, so a first look at the desk is not an empty grid: every status,
/// some unassigned, some owned by the demo recruiter, dated relative to today. Larger, random data comes from RmaBackOffice.Tools.
/// </summary>
public static class DemoJobOrders
{
    private sealed record Demo(
        string Company, string Website, string Industry, string Title, PositionLevel Level, string City, string Country,
        string Contact, string Email, int DaysAgo, JobOrderStatus Status, string? Reason = null, bool Assigned = true, string? Note = null);

    private static readonly Demo[] Orders =
    [
        new("Northwind Holdings", "https://www.northwind.example", "software-internet", "Chief Technology Officer", PositionLevel.CSuite,
            "Boston", "United States", "Dana Whitfield", "dana.whitfield@northwind.example", 0, JobOrderStatus.New, Assigned: false),
        new("Helios Renewables GmbH", "https://helios-renewables.example", "renewable-energy-cleantech", "Chief Financial Officer", PositionLevel.CSuite,
            "Munich", "Germany", "Jonas Keller", "jonas.keller@helios-renewables.example", 1, JobOrderStatus.New, Assigned: false),
        new("Meridian Health Partners", "https://meridianhealth.example", "healthcare-hospitals", "Vice President, Operations", PositionLevel.SvpVp,
            "Chicago", "United States", "Priya Raman", "priya.raman@meridianhealth.example", 2, JobOrderStatus.New),
        new("Atlas Logistics Ltd", "https://www.atlaslogistics.example", "logistics-transportation", "Director of Supply Chain", PositionLevel.Director,
            "Manchester", "United Kingdom", "Oliver Grant", "oliver.grant@atlaslogistics.example", 4, JobOrderStatus.Qualifying,
            Note: "Intro call held; the client wants a shortlist within four weeks."),
        new("Crescent Bank plc", "https://www.crescentbank.example", "banking", "Chief Risk Officer", PositionLevel.CSuite,
            "London", "United Kingdom", "Sophie Turner", "sophie.turner@crescentbank.example", 9, JobOrderStatus.Qualifying),
        new("Blue Harbor Capital", "https://blueharbor.example", "financial-services-private-equity", "Non-Executive Director", PositionLevel.Board,
            "New York", "United States", "Michael Chen", "michael.chen@blueharbor.example", 15, JobOrderStatus.ActiveSearch,
            Note: "Long list of 40 names shared with the client."),
        new("Lumen Semiconductors", "https://www.lumensemi.example", "semiconductors-electronics", "Head of Research & Development", PositionLevel.Other,
            "Eindhoven", "Netherlands", "Eva de Vries", "eva.devries@lumensemi.example", 21, JobOrderStatus.ActiveSearch),
        new("Summit Foods Group", "https://summitfoods.example", "agriculture-food", "Chief Marketing Officer", PositionLevel.CSuite,
            "Toronto", "Canada", "Grace Liu", "grace.liu@summitfoods.example", 34, JobOrderStatus.ActiveSearch,
            Note: "Three candidates in final interviews."),
        new("Orion Aerospace Corp.", "https://www.orionaero.example", "aerospace-defense", "Senior Vice President, Engineering", PositionLevel.SvpVp,
            "Seattle", "United States", "Robert Hayes", "robert.hayes@orionaero.example", 48, JobOrderStatus.OnHold,
            Note: "Client asked to pause until after the board meeting."),
        new("Verdant Pharma AG", "https://verdantpharma.example", "pharmaceuticals", "General Counsel", PositionLevel.CSuite,
            "Basel", "Switzerland", "Lukas Meier", "lukas.meier@verdantpharma.example", 75, JobOrderStatus.Filled),
        new("Coastal Media Group", "https://coastalmedia.example", "media-entertainment", "Director of Business Development", PositionLevel.Director,
            "Los Angeles", "United States", "Hannah Brooks", "hannah.brooks@coastalmedia.example", 120, JobOrderStatus.Filled),
        new("Granite Construction Partners", "https://graniteconstruction.example", "construction-engineering", "Chief Operating Officer", PositionLevel.CSuite,
            "Sydney", "Australia", "James O'Neill", "james.oneill@graniteconstruction.example", 160, JobOrderStatus.Closed,
            Reason: "Client filled the role internally"),
        new("Nimbus Telecom", "https://www.nimbustelecom.example", "telecommunications", "Head of Customer Success", PositionLevel.Other,
            "Singapore", "Singapore", "Wei Tan", "wei.tan@nimbustelecom.example", 6, JobOrderStatus.Rejected,
            Reason: "Below our salary threshold"),
        new("Silverline Insurance", "https://silverline.example", "insurance", "Chief Data Officer", PositionLevel.CSuite,
            "Paris", "France", "Camille Martin", "camille.martin@silverline.example", 27, JobOrderStatus.ActiveSearch, Assigned: false),
    ];

    /// <summary>Adds the demo job orders when the desk is empty, worked by the given recruiter; returns how many were added.</summary>
    /// <remarks>Each order is stored through a unit of work as the system, so its audit entry carries its reference.</remarks>
    public static async Task<int> SeedAsync(UnitOfWork units, Actor owner, CancellationToken ct)
    {
        await using (var check = await units.BeginAsSystemAsync(ct))
        {
            if (await check.Db.JobOrders.AnyAsync(ct))
            {
                return 0;
            }
        }
        foreach (var demo in Orders)
        {
            await using var work = await units.BeginAsSystemAsync(ct);
            var order = Make(demo, owner, work.Now);
            // The demo recruiter routes each order to the office its country suggests, so the office filters have data.
            if (HandlingOffices.Suggest(await HandlingOffices.ChoicesAsync(work.Db, ct), demo.Country) is { } office)
            {
                order.AssignHandlingOffice(office.Id, office.City, null, owner, order.ReceivedAt.AddHours(1));
            }
            work.Db.JobOrders.Add(order);
            await work.FlushAsync(ct);
            order.AssignReference();
            await work.SaveAsync(ct);
        }
        return Orders.Length;
    }

    private static JobOrder Make(Demo demo, Actor owner, DateTimeOffset now)
    {
        var receivedAt = now.AddDays(-demo.DaysAgo).AddHours(-3);
        var order = JobOrder.Receive(new JobOrderIntakeForm
        {
            CompanyName = demo.Company,
            CompanyWebsite = demo.Website,
            Industry = demo.Industry,
            PositionTitle = demo.Title,
            Level = demo.Level.ToString(),
            City = demo.City,
            Country = demo.Country,
            Description = $"{demo.Company} is looking for a {demo.Title} in {demo.City} to lead the next stage of its growth.",
            ContactName = demo.Contact,
            ContactEmail = demo.Email,
            ConsentToContact = true,
        }, receivedAt, idempotencyKey: null);

        var by = owner;
        var at = receivedAt;
        if (demo.Assigned)
        {
            at = at.AddHours(2);
            order.AssignTo(owner.Id, owner.Name, null, by, at);
        }
        foreach (var step in JobOrderWorkflow.PathTo(JobOrderStatus.New, demo.Status) ?? [])
        {
            at = at.AddHours(demo.DaysAgo + 1);
            order.MoveTo(step, step == demo.Status ? demo.Reason : null, by, at);
        }
        if (demo.Note is not null)
        {
            order.AddNote(demo.Note, by, at.AddMinutes(30));
        }
        return order;
    }
}
