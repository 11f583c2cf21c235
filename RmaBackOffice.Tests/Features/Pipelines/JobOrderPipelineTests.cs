using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Pipelines;
using RmaBackOffice.Tests.Features.Candidates;
using RmaBackOffice.Tests.Features.JobOrders;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Pipelines;

public class JobOrderPipelineTests(AppHost host) : IClassFixture<AppHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<RegistrationResult> RegisterAsync(Action<CandidateRegistrationForm>? change = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var (result, errors) = await scope.ServiceProvider.GetRequiredService<CandidateIntakeService>()
            .RegisterAsync(CandidateServiceTests.Form(change), null, null);
        Assert.Empty(errors);
        return result!;
    }

    private async Task<(MudBunitContext Context, IRenderedComponent<MudPopoverProvider> Popovers, ApplicationUser Recruiter)> RecruiterContextAsync()
    {
        var recruiter = await host.CreateUserAsync($"rita-{Guid.NewGuid():N}@test.local", [Roles.Recruiter], displayName: "Rita Recruiter");
        var ctx = new MudBunitContext();
        await ctx.SignInAsync(host, recruiter);
        var popovers = ctx.Render<MudPopoverProvider>();
        ctx.Render<MudDialogProvider>();
        return (ctx, popovers, recruiter);
    }

    [Fact]
    public async Task The_pipeline_board_moves_a_card_to_another_stage()
    {
        var registered = await RegisterAsync(f => f.LastName = "Boardwalk");
        IntakeResult order;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            order = (await scope.ServiceProvider.GetRequiredService<JobOrderService>().ReceiveAsync(JobOrderRulesTests.ValidForm(), null)).Result!;
        }
        var (ctx, popovers, recruiter) = await RecruiterContextAsync();
        await using var _ctx = ctx;
        var added = await host.AsAsync(recruiter, sp => sp.GetRequiredService<PipelineService>().AddToPipelineAsync(order.Id, registered.CandidateId));
        Assert.True(added.Succeeded, added.Error);

        var changed = 0;
        var board = ctx.Render<JobOrderPipeline>(ps => ps
            .Add(p => p.Id, order.Id)
            .Add(p => p.OnChanged, () => changed++));
        board.WaitForAssertion(() => Assert.Contains("Boardwalk", board.Find("[data-testid=pipeline-column-Identified]").TextContent), Wait);

        await board.InvokeAsync(() => board.Find("[data-testid=pipeline-column-Identified] [data-testid=pipeline-card] button").Click());
        popovers.WaitForElement("[data-testid=pipeline-move-Contacted]", Wait).Click();

        board.WaitForAssertion(() =>
        {
            Assert.Contains("Boardwalk", board.Find("[data-testid=pipeline-column-Contacted]").TextContent);
            Assert.DoesNotContain("Boardwalk", board.Find("[data-testid=pipeline-column-Identified]").TextContent);
        }, Wait);
        Assert.Equal(1, changed);
    }
}
