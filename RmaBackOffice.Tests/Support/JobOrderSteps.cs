using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Tests.Features.JobOrders;

namespace RmaBackOffice.Tests.Support;

public static class JobOrderSteps
{
    /// <summary>A valid job order received through the public intake, as an employer sends one.</summary>
    public static async Task<IntakeResult> ReceiveJobOrderAsync(this AppHost host)
    {
        var form = JobOrderRulesTests.ValidForm();
        form.DesiredStartDate = null;
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(form, null);
        Assert.Empty(errors);
        return result!;
    }
}
